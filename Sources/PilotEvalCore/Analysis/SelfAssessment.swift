/// How far units' self scores stand from their verified scores, unit by unit and cohort by cohort.
///
/// The EU CAF guide warns that self-assessment scores are not comparable across organisations without
/// expert calibration; this report shows the calibration. A unit's gap is `selfScore − score`: positive
/// when the unit scored itself higher than the experts did.
///
/// A unit without accepted reviews has no verified score of its own (its score is its self score), so its
/// gap is 0 and it is counted as unreviewed. Unreviewed units take no part in any mean and are never
/// listed as overstating: counting their zeros would pull every mean towards "accurate" for no reason.
///
///     let report = SelfAssessmentReport(scorecards)
///     report.overstating  // ["GX-NN-01", "HN-CS-02"]: gaps above 5 points, largest first
///     report.cohorts.first { $0.cohort == .region && $0.value == "广西" }?.meanGap  // 3.2
public struct SelfAssessmentReport: Sendable, Hashable {
  /// One unit's self score against its verified score.
  public struct UnitGap: Sendable, Hashable {
    /// The unit id.
    public var unit: String
    /// The self score (no reviews).
    public var selfScore: Double
    /// The verified score (with reviews).
    public var score: Double
    /// `selfScore − score`; 0 for an unreviewed unit.
    public var gap: Double
    /// Whether at least one accepted review verified the score.
    public var reviewed: Bool
  }

  /// The mean gap of one cohort's reviewed units.
  public struct CohortGap: Sendable, Hashable {
    /// The cohort kind.
    public var cohort: Cohort
    /// The cohort's value; `nil` for the units lacking it.
    public var value: String?
    /// The mean gap of the reviewed units (added in ascending order); `nil` when none is reviewed.
    public var meanGap: Double?
    /// The number of reviewed units, the ones the mean is over.
    public var count: Int
    /// The number of unreviewed units, left out of the mean.
    public var unreviewed: Int
  }

  /// Every unit's gap, in the order of the scorecards given.
  public var units: [UnitGap]
  /// Every cohort's mean gap: by region, then level, then category; values in UTF-8 byte order, `nil` last.
  public var cohorts: [CohortGap]
  /// The mean gap over all reviewed units; `nil` when none is reviewed.
  public var meanGap: Double?
  /// The number of reviewed units.
  public var reviewed: Int
  /// The number of units without accepted reviews (gap 0, left out of every mean).
  public var unreviewed: Int
  /// The gap above which a unit is listed as overstating.
  public var threshold: Double
  /// Ids of the reviewed units whose gap exceeds `threshold` (by more than ε = 1e-9, so float noise on a
  /// gap of exactly the threshold does not count), largest gap first, then by id in UTF-8 byte order.
  public var overstating: [String]

  /// The report on `scorecards` (one round's), listing gaps above `threshold` points as overstating.
  public init(_ scorecards: [Scorecard], threshold: Double = 5) {
    units = scorecards.map { card in
      let reviewed = !card.reviewers.isEmpty
      return UnitGap(
        unit: card.unit.id, selfScore: card.selfScore, score: card.score,
        gap: reviewed ? card.selfScore - card.score : 0, reviewed: reviewed)
    }
    let gaps = units
    cohorts = Cohort.allCases.flatMap { cohort in
      CohortSummary.groups(scorecards, by: cohort).map { value, members in
        let reviewed = members.map { gaps[$0] }.filter(\.reviewed)
        return CohortGap(
          cohort: cohort, value: value, meanGap: Self.mean(reviewed), count: reviewed.count,
          unreviewed: members.count - reviewed.count)
      }
    }
    let reviewed = units.filter(\.reviewed)
    meanGap = Self.mean(reviewed)
    self.reviewed = reviewed.count
    unreviewed = units.count - reviewed.count
    self.threshold = threshold
    overstating =
      reviewed
      .filter { $0.gap - threshold > scoringEpsilon }
      .sorted { a, b in a.gap != b.gap ? a.gap > b.gap : a.unit.utf8.lexicographicallyPrecedes(b.unit.utf8) }
      .map(\.unit)
  }

  private static func mean(_ gaps: [UnitGap]) -> Double? {
    gaps.isEmpty ? nil : Aggregation.mean.combine(gaps.map(\.gap))
  }
}
