/// Assembles one run (SPEC §4): decides which submissions and reviews are
/// accepted, scores each accepted submission as soon as it is known, and
/// accounts for every file.
///
/// Submissions must be added in ascending byte order of their paths: the
/// run's default round, duplicates and review matching all depend on it.
/// Only scorecards are kept, so memory grows with units, not with documents.
///
///     var builder = RoundBuilder(rubric: rubric, round: nil, reviews: loadedReviews)
///     for file in loadedSubmissions { builder.add(file) }
///     let result = builder.finish()
public struct RoundBuilder: Sendable {
  private let engine: ScoringEngine
  private let submissionChecker: SubmissionChecker
  private var pendingReviews: [String: [PendingReview]] = [:]
  private var acceptedUnits: [String: String] = [:]
  private var scorecards: [Scorecard] = []
  private var rejections: [Rejection] = []
  private var reviewsApplied = 0
  private var filesSeen = 0
  /// The run's round: given, or the round of the first accepted submission.
  public private(set) var round: String?

  private struct PendingReview: Sendable {
    var order: Int
    var file: String
    var review: Review
    var consumed = false
  }

  /// Creates a builder. `reviews` are every review file, in path byte order.
  public init(rubric: Rubric, round: String?, reviews: [LoadedFile<Review>]) {
    engine = ScoringEngine(rubric: rubric)
    submissionChecker = SubmissionChecker(rubric: rubric)
    self.round = round
    let reviewChecker = ReviewChecker(rubric: rubric)
    for (order, loaded) in reviews.enumerated() {
      guard let review = loaded.value else {
        rejections.append(Rejection(file: loaded.file, kind: .review, errors: loaded.errors))
        continue
      }
      let errors = reviewChecker.errors(in: review)
      if errors.isEmpty {
        pendingReviews[review.unitID, default: []].append(
          PendingReview(order: order, file: loaded.file, review: review))
      } else {
        rejections.append(Rejection(file: loaded.file, kind: .review, errors: errors))
      }
    }
  }

  /// Adds the next submission file (in path byte order); returns its scorecard when accepted.
  @discardableResult
  public mutating func add(_ loaded: LoadedFile<Submission>) -> Scorecard? {
    filesSeen += 1
    guard let submission = loaded.value else {
      reject(loaded.file, loaded.errors)
      return nil
    }
    let errors = submissionChecker.errors(in: submission)
    guard errors.isEmpty else {
      reject(loaded.file, errors)
      return nil
    }
    if let round, submission.round != round {
      reject(loaded.file, [.wrongRound(submission.round, runRound: round, line: submission.line)])
      return nil
    }
    if let first = acceptedUnits[submission.unit.id] {
      reject(loaded.file, [.duplicateSubmission(unit: submission.unit.id, round: submission.round, firstFile: first)])
      return nil
    }
    round = submission.round
    acceptedUnits[submission.unit.id] = loaded.file
    let reviews = takeReviews(of: submission)
    reviewsApplied += reviews.count
    let card = engine.score(submission, file: loaded.file, reviews: reviews)
    scorecards.append(card)
    return card
  }

  /// Ends the run: reviews that matched no accepted submission are rejected.
  public func finish() -> RoundResult {
    var rejected = rejections
    for candidates in pendingReviews.values {
      for pending in candidates where !pending.consumed {
        rejected.append(
          Rejection(
            file: pending.file, kind: .review,
            errors: [
              .reviewWithoutSubmission(
                unit: pending.review.unitID, round: pending.review.round, line: pending.review.line)
            ]))
      }
    }
    rejected.sort { Array($0.file.utf8).lexicographicallyPrecedes(Array($1.file.utf8)) }
    return RoundResult(
      rubric: engine.rubric, round: round, scorecards: scorecards, rejected: rejected,
      submissionsSeen: filesSeen, reviewsApplied: reviewsApplied)
  }

  // MARK: - Internals

  private mutating func reject(_ file: String, _ errors: [Diagnostic]) {
    rejections.append(Rejection(file: file, kind: .submission, errors: errors))
  }

  /// The accepted reviews of `submission`, in path order; a reviewer's later reviews are rejected.
  private mutating func takeReviews(of submission: Submission) -> [Review] {
    guard var candidates = pendingReviews[submission.unit.id] else { return [] }
    var accepted: [Review] = []
    var firstFile: [String: String] = [:]
    for index in candidates.indices where candidates[index].review.round == submission.round {
      let pending = candidates[index]
      candidates[index].consumed = true
      if let first = firstFile[pending.review.reviewer] {
        rejections.append(
          Rejection(
            file: pending.file, kind: .review,
            errors: [
              .duplicateReviewer(
                pending.review.reviewer, unit: submission.unit.id, firstFile: first, line: pending.review.line)
            ]))
      } else {
        firstFile[pending.review.reviewer] = pending.file
        accepted.append(pending.review)
      }
    }
    pendingReviews[submission.unit.id] = candidates
    return accepted
  }
}

/// The outcome of one run: every accepted submission scored, every rejected file with its reasons.
public struct RoundResult: Sendable {
  /// The rubric the run used.
  public var rubric: Rubric
  /// The run's round (`nil` when no submission was accepted and none was given).
  public var round: String?
  /// Scorecards of accepted submissions, in path order.
  public var scorecards: [Scorecard]
  /// Rejected submissions and reviews, in path byte order.
  public var rejected: [Rejection]
  /// How many submission files were considered.
  public var submissionsSeen: Int
  /// How many reviews were accepted and applied.
  public var reviewsApplied: Int

  /// The scorecards in rank order.
  public func ranked() -> [RankedUnit] { Ranking(rubric: rubric).rank(scorecards) }
}
