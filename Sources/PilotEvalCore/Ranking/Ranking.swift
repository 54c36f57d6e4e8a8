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
    let keys = scorecards.map(key)
    let order = scorecards.indices.sorted { precedes(keys[$0], keys[$1]) }
    let overall = competitionRanks(order, keys: keys)
    var cohortRanks = [CohortRanks](repeating: CohortRanks(region: 0, level: 0, category: 0), count: scorecards.count)
    for cohort in Cohort.allCases {
      var groups: [String?: [Int]] = [:]
      for index in order { groups[cohort.value(of: scorecards[index].unit), default: []].append(index) }
      for members in groups.values {
        for (index, rank) in zip(members, competitionRanks(members, keys: keys)) {
          switch cohort {
          case .region: cohortRanks[index].region = rank
          case .level: cohortRanks[index].level = rank
          case .category: cohortRanks[index].category = rank
          }
        }
      }
    }
    return zip(order, overall).map { Placement(index: $0, rank: $1, cohortRanks: cohortRanks[$0]) }
  }

  // MARK: - Order

  private struct Key {
    var vetoed: Bool
    var score: Double
    var tiebreak: [Double]
    var unit: [UInt8]
  }

  private func key(_ card: Scorecard) -> Key {
    Key(
      vetoed: card.vetoed, score: round2(card.score),
      tiebreak: tiebreak.map { round2(card.sections[$0].earned) }, unit: Array(card.unit.id.utf8))
  }

  private func tied(_ a: Key, _ b: Key) -> Bool {
    a.vetoed == b.vetoed && a.score == b.score && a.tiebreak == b.tiebreak
  }

  private func precedes(_ a: Key, _ b: Key) -> Bool {
    if a.vetoed != b.vetoed { return !a.vetoed }
    if a.score != b.score { return a.score > b.score }
    for (x, y) in zip(a.tiebreak, b.tiebreak) where x != y { return x > y }
    return a.unit.lexicographicallyPrecedes(b.unit)
  }

  /// Competition ranks for `ordered` (already in rank order): ties share the first rank.
  private func competitionRanks(_ ordered: [Int], keys: [Key]) -> [Int] {
    var ranks: [Int] = []
    ranks.reserveCapacity(ordered.count)
    for (position, index) in ordered.enumerated() {
      if position > 0, tied(keys[ordered[position - 1]], keys[index]) {
        ranks.append(ranks[position - 1])
      } else {
        ranks.append(position + 1)
      }
    }
    return ranks
  }
}
