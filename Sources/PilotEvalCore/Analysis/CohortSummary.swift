/// How one cohort of a round did: its size, its tiers, its median score and its median share of each
/// top-level section.
///
/// A cohort is the units sharing one value of `region`, `level` or `category` (units lacking the value form
/// a cohort of their own, as in ranking, SPEC §4). All figures are verified (with reviews); vetoed units are
/// counted under `vetoed` and their scores still enter the medians, since a veto does not change a score.
///
///     let summaries = CohortSummary.summaries(scorecards, rubric: rubric)
///     let guangxi = summaries.first { $0.cohort == .region && $0.value == "广西" }
///     guangxi?.medianScore  // 84.5
///     guangxi?.tiers.map(\.count)  // [2, 5, 3, 0, 1]: exemplary, good, pass, fail, vetoed
public struct CohortSummary: Sendable, Hashable {
  /// How many units of a cohort reached one tier.
  public struct TierCount: Sendable, Hashable {
    /// The tier id, or `vetoed`.
    public var tier: String
    /// The number of units in it.
    public var count: Int
  }

  /// A cohort's median share of one top-level section's points.
  public struct SectionShare: Sendable, Hashable {
    /// The section id.
    public var section: String
    /// The median of earned ÷ max over the units counted, as a fraction (0.8 is 80%); `nil` when none is.
    public var median: Double?
    /// The units counted: those for which the section has max > 0 (some criterion in it applies).
    public var units: Int
  }

  /// The cohort kind; `nil` for the summary of the whole round (`overall(_:rubric:)`).
  public var cohort: Cohort?
  /// The cohort's value, e.g. 广西; `nil` for the units lacking it (and for the whole round).
  public var value: String?
  /// The number of units in the cohort.
  public var units: Int
  /// Units per tier: every rubric tier, highest first, then `vetoed`; tiers no unit reached count 0.
  public var tiers: [TierCount]
  /// The median verified score (of an even count, the mean of the two middle values); `nil` with no units.
  public var medianScore: Double?
  /// The median share of each top-level section, in rubric order.
  public var sections: [SectionShare]

  /// The summary of every cohort: by region, then level, then category; within a kind, values in UTF-8
  /// byte order, the units lacking a value last.
  ///
  /// Only values some unit has appear: there are no empty cohorts.
  public static func summaries(_ scorecards: [Scorecard], rubric: Rubric) -> [CohortSummary] {
    Cohort.allCases.flatMap { cohort in
      groups(scorecards, by: cohort).map { value, members in
        summary(members.map { scorecards[$0] }, cohort: cohort, value: value, rubric: rubric)
      }
    }
  }

  /// The summary of the whole round: every scorecard, `cohort` and `value` `nil`.
  public static func overall(_ scorecards: [Scorecard], rubric: Rubric) -> CohortSummary {
    summary(scorecards, cohort: nil, value: nil, rubric: rubric)
  }

  // MARK: - Building

  private static func summary(
    _ members: [Scorecard], cohort: Cohort?, value: String?, rubric: Rubric
  ) -> CohortSummary {
    let tierIDs = rubric.tiers.map(\.id) + [Scorecard.vetoedTier]
    let tiers = tierIDs.map { id in TierCount(tier: id, count: members.count { $0.tier == id }) }
    let sections = rubric.sections.indices.filter { rubric.sections[$0].parent == nil }.map { position in
      let shares = members.compactMap { share(of: $0.sections[position]) }
      return SectionShare(section: rubric.sections[position].id, median: median(shares), units: shares.count)
    }
    return CohortSummary(
      cohort: cohort, value: value, units: members.count, tiers: tiers,
      medianScore: median(members.map(\.score)), sections: sections)
  }

  /// Earned ÷ max of a section, `nil` when its max is 0 (nothing in it applies).
  static func share(of section: SectionResult) -> Double? {
    section.max > 0 ? section.earned / section.max : nil
  }

  private static func median(_ values: [Double]) -> Double? {
    values.isEmpty ? nil : Aggregation.median.combine(values)
  }

  /// Scorecard positions grouped by their value for `cohort`: values in UTF-8 byte order, `nil` last; the
  /// positions in each group ascending.
  static func groups(_ scorecards: [Scorecard], by cohort: Cohort) -> [(value: String?, members: [Int])] {
    var members: [String?: [Int]] = [:]
    for index in scorecards.indices {
      members[cohort.value(of: scorecards[index].unit), default: []].append(index)
    }
    let values = members.keys.sorted { a, b in
      switch (a, b) {
      case (let a?, let b?): a.utf8.lexicographicallyPrecedes(b.utf8)
      case (.some, .none): true
      case (.none, _): false
      }
    }
    return values.map { ($0, members[$0]!) }
  }
}
