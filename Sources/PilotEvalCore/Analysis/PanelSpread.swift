/// How far apart one subject's ratings are: the lowest, the highest, and whether the panel should meet.
public struct SubjectSpread: Sendable, Equatable {
  /// The subject id.
  public var subject: String
  /// The lowest rating.
  public var lowest: Double
  /// The highest rating.
  public var highest: Double
  /// `true` when `range` exceeds the limit it was checked against: the panel should reach a consensus.
  public var needsConsensus: Bool

  /// The max − min range of the ratings.
  public var range: Double { highest - lowest }
}

/// The spread of the ratings of one criterion, subject by subject.
public struct CriterionSpread: Sendable, Equatable {
  /// The criterion id.
  public var criterion: String
  /// The criterion's full points.
  public var max: Double
  /// The largest range that needs no consensus: the report's threshold × `max`.
  public var limit: Double
  /// Every subject with 2 or more ratings of the criterion, in scorecard order.
  public var subjects: [SubjectSpread]

  /// The subjects whose range exceeds `limit`.
  public var needingConsensus: [SubjectSpread] { subjects.filter(\.needsConsensus) }
}

// MARK: - Ranges

extension RatingMatrix {
  /// The max − min range of each subject's ratings, for subjects with 2 or more ratings, in subject order.
  ///
  /// A subject needs consensus when its range exceeds `limit` by more than `scoringEpsilon`, so that a range
  /// of exactly the limit is not flagged when binary rounding puts it a hair above (2.1 − 1.2 against
  /// 0.3 × 3, say).
  public func spreads(flaggingAbove limit: Double) -> [SubjectSpread] {
    subjects.indices.compactMap { subject in
      let values = values(of: subject)
      guard values.count >= 2, let lowest = values.min(), let highest = values.max() else { return nil }
      return SubjectSpread(
        subject: subjects[subject], lowest: lowest, highest: highest,
        needsConsensus: highest - lowest > limit + scoringEpsilon)
    }
  }
}
