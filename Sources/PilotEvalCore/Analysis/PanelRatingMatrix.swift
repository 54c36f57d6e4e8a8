/// Ratings of subjects (units) by raters (reviewers), with missing cells: the
/// input of every panel statistic.
///
///     let matrix = RatingMatrix(
///       subjects: ["U1", "U2", "U3"], raters: ["E1", "E2"],
///       ratings: [[8, 7], [5, 6], [9, nil]])
///     matrix.krippendorffAlpha()  // .value(…)
public struct RatingMatrix: Sendable, Equatable {
  /// Subject ids, one per row.
  public let subjects: [String]
  /// Rater ids, one per column.
  public let raters: [String]
  /// `ratings[s][r]`: subject `s` as rated by rater `r`, `nil` where `r` did not rate `s`.
  public let ratings: [[Double?]]

  /// Creates a matrix; `ratings` holds one row per subject and, in each row, one cell per rater.
  ///
  /// A NaN or infinite cell is treated as missing, so that no statistic is ever NaN.
  public init(subjects: [String], raters: [String], ratings: [[Double?]]) {
    precondition(ratings.count == subjects.count, "one row of ratings per subject")
    precondition(ratings.allSatisfy { $0.count == raters.count }, "one cell per rater in every row")
    self.subjects = subjects
    self.raters = raters
    self.ratings = ratings.map { row in row.map { $0.flatMap { $0.isFinite ? $0 : nil } } }
  }

  /// The number of ratings (cells that are not missing).
  public var ratingCount: Int {
    ratings.reduce(0) { count, row in count + row.lazy.filter { $0 != nil }.count }
  }

  /// The ratings of subject `subject`, in rater order, missing cells left out.
  func values(of subject: Int) -> [Double] { ratings[subject].compactMap { $0 } }

  /// The positions of the raters who rated subject `subject`, ascending.
  func panel(of subject: Int) -> [Int] { ratings[subject].indices.filter { ratings[subject][$0] != nil } }

  /// The number of raters with at least one rating.
  var activeRaters: Int { raters.indices.count { rater in ratings.contains { $0[rater] != nil } } }
}

// MARK: - From scorecards

extension RatingMatrix {
  /// The reviewers' points in `scorecards`: one subject per scorecard that has reviews, named by its unit id.
  ///
  /// - `criterion == nil`: each reviewer's total, Σ of their points for the criteria whose verified status is
  ///   not `.notApplicable` (in rubric order).
  /// - `criterion == i`: each reviewer's points for the criterion at position `i`; scorecards where it is
  ///   not applicable are left out.
  ///
  /// Raters are the union of the reviewer ids, sorted by their UTF-8 bytes. Scorecards without reviews are
  /// left out. Should a reviewer appear twice in one scorecard, the first review counts. Pass the scorecards
  /// of one round: a unit scored in two rounds would be two subjects with the same id.
  ///
  ///     let totals = RatingMatrix.from(scorecards, criterion: nil)
  ///     let c1 = RatingMatrix.from(scorecards, criterion: rubric.criterionPosition("C1")!)
  public static func from(_ scorecards: [Scorecard], criterion: Int?) -> RatingMatrix {
    var rows: [(subject: String, points: [String: Double])] = []
    var raterSet: Set<String> = []
    for card in scorecards {
      if let criterion, card.criteria.status(at: criterion) == .notApplicable { continue }
      let points = reviewerPoints(card, criterion: criterion)
      guard !points.isEmpty else { continue }
      raterSet.formUnion(points.keys)
      rows.append((card.unit.id, points))
    }
    let raters = raterSet.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    return RatingMatrix(
      subjects: rows.map(\.subject), raters: raters,
      ratings: rows.map { row in raters.map { row.points[$0] } })
  }
}

extension RatingMatrix {
  /// Each reviewer's total in `card`: Σ of their points over the criteria whose verified status is not
  /// `.notApplicable`, keyed by reviewer id (a reviewer's first review counts).
  public static func reviewerTotals(_ card: Scorecard) -> [String: Double] {
    reviewerPoints(card, criterion: nil)
  }

  /// Each reviewer's points for criterion `criterion`, or their total when `nil`.
  static func reviewerPoints(_ card: Scorecard, criterion: Int?) -> [String: Double] {
    let criteria = card.criteria
    let counted = criterion.map { [$0] } ?? criteria.indices.filter { criteria.status(at: $0) != .notApplicable }
    var points: [String: Double] = [:]
    for (position, reviewer) in criteria.reviewerIDs.enumerated() where points[reviewer] == nil {
      points[reviewer] = counted.reduce(0) { $0 + criteria.reviewerPoints(criterion: $1, reviewer: position) }
    }
    return points
  }
}
