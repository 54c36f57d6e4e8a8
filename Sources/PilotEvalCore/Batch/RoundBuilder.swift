/// Assembles one run (SPEC §4): decides which submissions and reviews are
/// accepted, scores each accepted submission, and accounts for every file.
///
/// Submissions must be added in ascending byte order of their paths: the
/// run's default round, duplicates and review matching all depend on it.
/// `prepare` may run on many threads at once (it checks and scores a
/// submission as if it will be accepted; it changes nothing, but reads the
/// shared review pool, which `add` changes, under its lock); `add` then takes
/// the prepared submissions in path order and decides. Only scorecards are kept.
///
///     var builder = RoundBuilder(rubric: rubric, round: nil, reviews: loadedReviews)
///     for file in loadedSubmissions { builder.add(file) }
///     let result = builder.finish()
public struct RoundBuilder: Sendable {
  private let engine: ScoringEngine
  private let submissionChecker: SubmissionChecker
  private let pool: SharedReviewPool
  private let givenRound: String?
  private var acceptedUnits: [String: String] = [:]
  private var scorecards: [Scorecard] = []
  private var rejections: [Rejection] = []
  private var reviewsApplied = 0
  private var filesSeen = 0
  private var rubricFailure: Diagnostic?
  /// The run's round: given, or the round of the first accepted submission.
  public private(set) var round: String?

  /// Creates a builder. `reviews` are every review file, in path byte order.
  public init(rubric: Rubric, round: String?, reviews: [LoadedFile<Review>]) {
    self.init(rubric: rubric, round: round, pool: ReviewPool(rubric: rubric, reviews: reviews))
  }

  /// Creates a builder over reviews already gathered in a pool.
  public init(rubric: Rubric, round: String?, pool: ReviewPool) {
    engine = ScoringEngine(rubric: rubric)
    submissionChecker = SubmissionChecker(rubric: rubric)
    self.pool = SharedReviewPool(pool, rubric: rubric)
    givenRound = round
    self.round = round
  }

  /// A submission checked and, when it passes, scored with its reviews — as far
  /// as that can be decided without the files before it.
  public struct Prepared: Sendable {
    /// The file, as found.
    public var file: String
    /// The submission, when it loaded.
    public var submission: Submission?
    /// Reasons to reject it found so far.
    public var errors: [Diagnostic]
    /// Its scorecard, if it is accepted.
    public var scorecard: Scorecard?
    /// How many reviews the scorecard used.
    var reviewCount = 0
    /// The unit's later reviews by a reviewer already counted, rejected if it is accepted.
    var duplicateReviews: [Rejection] = []
    /// A fault of the rubric found on this file: the run stops.
    var stopsRun: Diagnostic?
  }

  /// Checks and scores `loaded` on its own; safe to call from several threads.
  public func prepare(_ loaded: LoadedFile<Submission>) -> Prepared {
    guard let submission = loaded.value else {
      return Prepared(file: loaded.file, submission: nil, errors: loaded.errors, stopsRun: loaded.stopsRun)
    }
    let errors = submissionChecker.errors(in: submission)
    var prepared = Prepared(file: loaded.file, submission: submission, errors: errors)
    if errors.isEmpty && (givenRound == nil || givenRound == submission.round) {
      // The unit's reviews stay in the pool until a submission of the unit in
      // this round is accepted, and any later one is a duplicate: what is
      // matched here is what `add` would find.
      let matching = pool.matching(unit: submission.unit.id, round: submission.round)
      let reviews = matching.accepted.map(\.review)
      let card = engine.score(submission, file: loaded.file, reviews: reviews)
      if let what = card.firstNonFinite {
        prepared.errors = [.internalNonFinite(what, file: loaded.file)]
        return prepared
      }
      prepared.scorecard = card
      prepared.reviewCount = reviews.count
      prepared.duplicateReviews = matching.duplicates.map { duplicate in
        Rejection(
          file: duplicate.entry.file, kind: .review,
          errors: [
            .duplicateReviewer(
              duplicate.entry.review.reviewer, unit: submission.unit.id, firstFile: duplicate.firstFile,
              line: duplicate.entry.review.line)
          ])
      }
    }
    return prepared
  }

  /// Adds the next submission file (in path byte order); returns its scorecard when accepted.
  @discardableResult
  public mutating func add(_ loaded: LoadedFile<Submission>) -> Scorecard? {
    add(prepare(loaded))
  }

  /// Adds the next prepared submission (in path byte order); returns its scorecard when accepted.
  @discardableResult
  public mutating func add(_ prepared: Prepared) -> Scorecard? {
    filesSeen += 1
    if let failure = prepared.stopsRun {
      if rubricFailure == nil { rubricFailure = failure }
      return nil
    }
    guard let submission = prepared.submission, prepared.errors.isEmpty else {
      reject(prepared.file, prepared.errors)
      return nil
    }
    if let round, submission.round != round {
      reject(prepared.file, [.wrongRound(submission.round, runRound: round, line: submission.line)])
      return nil
    }
    if let first = acceptedUnits[submission.unit.id] {
      reject(
        prepared.file, [.duplicateSubmission(unit: submission.unit.id, round: submission.round, firstFile: first)])
      return nil
    }
    guard let card = prepared.scorecard else {
      preconditionFailure("a submission that passed its checks in its own round is always scored in prepare")
    }
    round = submission.round
    acceptedUnits[submission.unit.id] = prepared.file
    rejections += prepared.duplicateReviews
    pool.release(unit: submission.unit.id, round: submission.round)
    reviewsApplied += prepared.reviewCount
    scorecards.append(card)
    return card
  }

  /// Makes room for `count` scorecards (the number of submission files, when known).
  public mutating func reserveCapacity(_ count: Int) {
    scorecards.reserveCapacity(count)
  }

  /// Ends the run: reviews that matched no accepted submission are rejected.
  public func finish() -> RoundResult {
    var rejected = pool.rejected + rejections
    rejected += pool.unmatched()
    rejected.sort { $0.file.utf8.lexicographicallyPrecedes($1.file.utf8) }
    return RoundResult(
      rubric: engine.rubric, round: round, scorecards: scorecards, rejected: rejected,
      submissionsSeen: filesSeen, reviewsApplied: reviewsApplied, rubricFailure: rubricFailure)
  }

  private mutating func reject(_ file: String, _ errors: [Diagnostic]) {
    rejections.append(Rejection(file: file, kind: .submission, errors: errors))
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
  /// Warnings about files the run used that change what they seem to say (a review's
  /// veto written `triggered="TRUE"`, which is not a veto), in path order: every
  /// command's account mentions them.
  public var notes: [Diagnostic] = []
  /// A fault of the rubric found while scoring (an XPath that raised an error on
  /// some file, located in the rubric): when set, the result must not be used.
  public var rubricFailure: Diagnostic?

  /// Creates a result.
  public init(
    rubric: Rubric, round: String?, scorecards: [Scorecard], rejected: [Rejection], submissionsSeen: Int,
    reviewsApplied: Int, rubricFailure: Diagnostic? = nil
  ) {
    self.rubricFailure = rubricFailure
    self.rubric = rubric
    self.round = round
    self.scorecards = scorecards
    self.rejected = rejected
    self.submissionsSeen = submissionsSeen
    self.reviewsApplied = reviewsApplied
  }

  /// The scorecards in rank order.
  public func ranked() -> [RankedUnit] { Ranking(rubric: rubric).rank(scorecards) }

  /// Where each scorecard stands, in rank order (indexes into `scorecards`).
  public func placements() -> [Placement] { Ranking(rubric: rubric).places(scorecards) }
}
