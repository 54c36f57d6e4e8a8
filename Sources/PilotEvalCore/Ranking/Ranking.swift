/// A scored unit with its place in the round (SPEC §4).
public struct RankedUnit: Sendable {
  /// The unit's scorecard.
  public var scorecard: Scorecard
  /// Competition rank ("1224") over all units of the run.
  public var rank: Int
  /// Competition ranks within the unit's region, level and category.
  public var cohortRanks: CohortRanks

  /// Creates a ranked unit.
  public init(scorecard: Scorecard, rank: Int, cohortRanks: CohortRanks) {
    self.scorecard = scorecard
    self.rank = rank
    self.cohortRanks = cohortRanks
  }
}

/// Where one scorecard stands: its position in the input, its rank and cohort ranks.
public struct Placement: Sendable, Hashable {
  /// The scorecard's position in the array that was ranked.
  public var index: Int
  /// Competition rank ("1224") over all units of the run.
  public var rank: Int
  /// Competition ranks within the unit's region, level and category.
  public var cohortRanks: CohortRanks
}

/// Ranks within the three cohorts a unit belongs to.
public struct CohortRanks: Sendable, Hashable {
  /// Rank among units of the same region (units without one rank together).
  public var region: Int
  /// Rank among units of the same level.
  public var level: Int
  /// Rank among units of the same category.
  public var category: Int
}

/// The cohorts a unit is ranked in besides the whole run.
public enum Cohort: String, Sendable, CaseIterable {
  /// By `region`.
  case region
  /// By `level`.
  case level
  /// By `category`.
  case category

  /// The unit's value for this cohort (`nil` when it has none).
  public func value(of unit: Unit) -> String? {
    switch self {
    case .region: unit.region
    case .level: unit.level
    case .category: unit.category
    }
  }
}

/// Orders scorecards and assigns competition ranks (SPEC §4).
///
///     let ranked = Ranking(rubric: rubric).rank(scorecards)
///     ranked.first?.rank  // 1
public struct Ranking: Sendable {
  private let tiebreak: [Int]

  /// Creates a ranking for `rubric`'s tiebreak sections.
  public init(rubric: Rubric) {
    tiebreak = rubric.tiebreak.compactMap { rubric.sectionPosition($0) }
  }

  /// The scorecards in rank order, with overall and cohort ranks.
  public func rank(_ scorecards: [Scorecard]) -> [RankedUnit] {
    places(scorecards).map {
      RankedUnit(scorecard: scorecards[$0.index], rank: $0.rank, cohortRanks: $0.cohortRanks)
    }
  }

  /// Where each scorecard stands, in rank order, without copying the scorecards.
  public func places(_ scorecards: [Scorecard]) -> [Placement] {
    let keys = ScorecardKeys(scorecards, tiebreak: tiebreak)
    let order = scorecards.indices.sorted { keys.precedes($0, $1) }
    var overall = [Int](repeating: 0, count: scorecards.count)
    keys.competitionRanks(order) { overall[$0] = $1 }
    var cohortRanks = [CohortRanks](repeating: CohortRanks(region: 0, level: 0, category: 0), count: scorecards.count)
    for cohort in Cohort.allCases {
      var groups: [String?: [Int]] = [:]
      for index in order { groups[cohort.value(of: scorecards[index].unit), default: []].append(index) }
      for members in groups.values {
        keys.competitionRanks(members) { index, rank in
          switch cohort {
          case .region: cohortRanks[index].region = rank
          case .level: cohortRanks[index].level = rank
          case .category: cohortRanks[index].category = rank
          }
        }
      }
    }
    return order.map { Placement(index: $0, rank: overall[$0], cohortRanks: cohortRanks[$0]) }
  }
}

/// The keys SPEC §4 ranks scorecards by, read once.
private struct ScorecardKeys: RankOrder {
  let tiebreakCount: Int
  private let vetoed: [Bool]
  private let scores: [Double]
  /// Scorecards × tiebreak sections.
  private let tiebreaks: [Double]
  private let ids: [[UInt8]]

  init(_ scorecards: [Scorecard], tiebreak: [Int]) {
    tiebreakCount = tiebreak.count
    vetoed = scorecards.map(\.vetoed)
    scores = scorecards.map { round2($0.score) }
    tiebreaks = scorecards.flatMap { card in tiebreak.map { round2(card.sections[$0].earned) } }
    ids = scorecards.map { Array($0.unit.id.utf8) }
  }

  func isVetoed(_ unit: Int) -> Bool { vetoed[unit] }
  func shownScore(_ unit: Int) -> Double { scores[unit] }
  func tiebreak(_ index: Int, of unit: Int) -> Double { tiebreaks[unit * tiebreakCount + index] }
  func idPrecedes(_ a: Int, _ b: Int) -> Bool { ids[a].lexicographicallyPrecedes(ids[b]) }
}
