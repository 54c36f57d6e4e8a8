/// How lenient or harsh one rater is compared with the rest of the panel.
public struct RaterDeviation: Sendable, Equatable {
  /// The rater id.
  public var rater: String
  /// The mean, over the subjects the rater shares with another rater, of the rater's rating minus the
  /// mean of the other raters' ratings of that subject: positive = lenient, negative = harsh.
  public var meanDeviation: ReliabilityValue
  /// The ratings behind it: the subjects the rater shares with at least one other rater.
  public var ratings: Int
}

// MARK: - Leniency

extension RatingMatrix {
  /// Each rater's mean deviation from the other raters on the same subjects, in rater order.
  ///
  /// For rater r and each subject s rated by r and by at least one other rater,
  /// d_rs = x_rs − mean(x_js, j ≠ r); the rater's deviation is the mean of d_rs over those subjects.
  /// A rater who shares no subject has a `.notDefined` deviation and 0 ratings.
  public func raterDeviations() -> [RaterDeviation] {
    var sums = [Double](repeating: 0, count: raters.count)
    var counts = [Int](repeating: 0, count: raters.count)
    for row in ratings {
      let present = row.compactMap { $0 }
      guard present.count >= 2 else { continue }
      let total = present.reduce(0, +)
      let others = Double(present.count - 1)
      for (rater, rating) in row.enumerated() {
        guard let rating else { continue }
        sums[rater] += rating - (total - rating) / others
        counts[rater] += 1
      }
    }
    return raters.indices.map { rater in
      RaterDeviation(
        rater: raters[rater],
        meanDeviation: counts[rater] > 0 ? .value(sums[rater] / Double(counts[rater])) : .noSharedSubject,
        ratings: counts[rater])
    }
  }
}
