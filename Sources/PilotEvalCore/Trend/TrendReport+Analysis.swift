extension TrendReport {
  /// Compares `rounds`, given in chronological order.
  ///
  ///     let report = TrendReport([spring, autumn, nextSpring])
  ///     report.sigma.verdict  // .converging
  ///
  /// How each part is computed (every score, change and dispersion figure is on `basis`):
  ///
  /// - `basis` is `.points` when every round's rubric has the same total (also with no rounds or
  ///   one), else `.percent`: each score is `RoundSnapshot.percent(_:)` of its own round.
  /// - `rubricChanges`: one per consecutive pair, also when nothing changed; see `RubricChange`.
  /// - `units`: every unit id seen in any round, in UTF-8 byte order of the id. When a round lists
  ///   the same id twice, its first entry counts. Name, region and level come from the latest round
  ///   the unit appears in; `hadPartners` is whether its partner list was non-empty.
  /// - `mostImproved`: units whose `UnitTrend.change` is above 0, largest change first, ties in id
  ///   order, at most `options.mostImproved` of them.
  /// - `stalledLaggards`: units that, in the first round they appear in, were in one of the two lowest
  ///   tiers of that round's rubric or were vetoed, and whose change (they must appear at least twice)
  ///   is below `options.stallThreshold`; smallest change first, ties in id order.
  /// - `migrations`: each consecutive pair, then first → last when there are three or more rounds;
  ///   see `TierMigration`.
  /// - `dispersion`: one per round over every unit scored in it; regions are the ones the units give
  ///   in that round. See `Dispersion`.
  /// - `sigma`: the coefficients of variation of `dispersion`; converging when it fell strictly at
  ///   every step, diverging when it rose strictly at every step, else mixed; not defined with fewer
  ///   than two rounds (change 0).
  /// - `beta`: each consecutive pair, then first → last when there are three or more rounds; see
  ///   `BetaConvergence`.
  /// - `partnerEffects`: each consecutive pair; see `PartnerEffect`.
  ///
  /// Nothing depends on dictionary order: every list is in the order stated.
  ///
  /// - Parameter positions: each round's position in the order the rounds were recorded (the history's order),
  ///   so that β is per recorded round elapsed whichever rounds are compared; `nil` means the rounds follow
  ///   each other (positions 0, 1, 2 …).
  public init(_ rounds: [RoundSnapshot], options: TrendOptions = .init(), positions: [Int]? = nil) {
    let table = TrendTable(rounds, positions: positions)
    let units = table.unitTrends()
    let pairs = TrendTable.comparedPairs(rounds.count)
    let consecutive = rounds.count < 2 ? [] : (0..<(rounds.count - 1)).map { ($0, $0 + 1) }
    let dispersion = rounds.indices.map { Dispersion(table, round: $0) }
    self.init(
      options: options, rounds: rounds.map(\.round), basis: table.basis,
      rubricChanges: consecutive.map { RubricChange(from: rounds[$0.0], to: rounds[$0.1]) }, units: units,
      mostImproved: Self.mostImproved(units, limit: options.mostImproved),
      stalledLaggards: Self.stalledLaggards(units, table: table, threshold: options.stallThreshold),
      migrations: pairs.map { TierMigration(table, from: $0.0, to: $0.1) }, dispersion: dispersion,
      sigma: SigmaConvergence(dispersion.map(\.coefficientOfVariation)),
      beta: pairs.map { BetaConvergence(table, from: $0.0, to: $0.1, options: options) },
      partnerEffects: consecutive.map { PartnerEffect(table, from: $0.0, to: $0.1, options: options) })
  }

  /// Indexes of units with a positive change, largest first (ties by index, i.e. by id), at most `limit`.
  static func mostImproved(_ units: [UnitTrend], limit: Int) -> [Int] {
    let improved = units.indices.compactMap { index in units[index].change.map { (index, $0) } }.filter { $0.1 > 0 }
    let sorted = improved.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    return sorted.prefix(max(0, limit)).map(\.0)
  }

  /// Indexes of laggards (two lowest tiers of their first round's rubric, or vetoed, in their first
  /// round) whose change is below `threshold`, smallest change first (ties by index, i.e. by id).
  static func stalledLaggards(_ units: [UnitTrend], table: TrendTable, threshold: Double) -> [Int] {
    let stalled = units.indices.compactMap { index -> (Int, Double)? in
      guard let change = units[index].change, change < threshold,
        let first = table.cells[index].firstIndex(where: { $0 != nil }), let unit = table.cells[index][first]
      else { return nil }
      let lowest = table.rounds[first].rubric.tiers.suffix(2).map(\.id)
      let laggard = unit.vetoed || unit.tier == TrendTable.vetoed || lowest.contains(unit.tier)
      return laggard ? (index, change) : nil
    }
    return stalled.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0)
  }
}

extension SigmaConvergence {
  /// The verdict on `coefficientsOfVariation` (one per round, in order): converging when every step
  /// fell strictly, diverging when every step rose strictly, else mixed (a step that does not move
  /// makes it mixed); not defined, with change 0 and a reason, for fewer than two rounds or when no
  /// round has any spread. A step smaller than 1e-9 of the largest coefficient is rounding, not a move.
  init(_ coefficientsOfVariation: [Double]) {
    let values = coefficientsOfVariation
    guard values.count >= 2, let first = values.first, let last = values.last else {
      self.init(
        coefficientsOfVariation: values, change: 0, verdict: .notDefined,
        reason: "fewer than two rounds are compared")
      return
    }
    let largest = values.map { Swift.abs($0) }.max() ?? 0
    guard largest > 0 else {
      self.init(
        coefficientsOfVariation: values, change: 0, verdict: .notDefined,
        reason: "every unit had the same score in every round, so there is no gap to narrow")
      return
    }
    let tolerance = 1e-9 * largest
    let steps = zip(values, values.dropFirst())
    let verdict: Verdict =
      if steps.allSatisfy({ $1 < $0 - tolerance }) {
        .converging
      } else if steps.allSatisfy({ $1 > $0 + tolerance }) {
        .diverging
      } else {
        .mixed
      }
    self.init(coefficientsOfVariation: values, change: last - first, verdict: verdict)
  }
}

/// The rounds lined up by unit: the basis, the unit ids in byte order, and each unit's snapshot in
/// each round. Every part of the trend report is built from it.
struct TrendTable {
  /// The tier id of a vetoed unit.
  static let vetoed = Scorecard.vetoedTier

  /// The rounds, chronological.
  let rounds: [RoundSnapshot]
  /// The scale of every score.
  let basis: TrendReport.Basis
  /// Every unit id in any round, in UTF-8 byte order.
  let ids: [String]
  /// `cells[u][r]`: unit `ids[u]` in round `r` (its first entry there), `nil` when not scored.
  let cells: [[UnitSnapshot?]]

  /// Each round's position in the recording order (β's periods are their differences).
  let positions: [Int]

  /// Lines up `rounds`; `positions` are their places in the recording order (`nil` or a count that does not
  /// match: 0, 1, 2 …).
  init(_ rounds: [RoundSnapshot], positions: [Int]? = nil) {
    self.rounds = rounds
    self.positions = positions.flatMap { $0.count == rounds.count ? $0 : nil } ?? Array(rounds.indices)
    let totals = rounds.map(\.rubric.total)
    basis = totals.allSatisfy { $0 == totals.first } ? .points : .percent
    var byRound = [[String: UnitSnapshot]]()
    var seen = Set<String>()
    for round in rounds {
      var units = [String: UnitSnapshot]()
      for unit in round.units where units[unit.id] == nil {
        units[unit.id] = unit
        seen.insert(unit.id)
      }
      byRound.append(units)
    }
    ids = seen.sorted(by: TrendTable.precedes)
    cells = ids.map { id in byRound.map { $0[id] } }
  }

  /// Whether `a` comes before `b` in UTF-8 byte order.
  static func precedes(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
  }

  /// The pairs of round indexes compared: each consecutive pair, then (first, last) when there are
  /// three or more rounds.
  static func comparedPairs(_ count: Int) -> [(Int, Int)] {
    guard count >= 2 else { return [] }
    let consecutive = (0..<(count - 1)).map { ($0, $0 + 1) }
    return count >= 3 ? consecutive + [(0, count - 1)] : consecutive
  }

  /// Unit `unit`'s score in round `round` on the basis, `nil` when not scored.
  func score(_ unit: Int, _ round: Int) -> Double? {
    cells[unit][round].map { basis == .points ? $0.score : rounds[round].percent($0) }
  }

  /// One trend per unit, in id order.
  func unitTrends() -> [UnitTrend] {
    ids.indices.map { index in
      let row = cells[index]
      let latest = row.last { $0 != nil }.flatMap { $0 }
      return UnitTrend(
        id: ids[index], name: latest?.name ?? "", region: latest?.region ?? "", level: latest?.level ?? "",
        scores: rounds.indices.map { score(index, $0) }, ranks: row.map { $0?.rank }, tiers: row.map { $0?.tier },
        hadPartners: row.map { $0.map { !$0.partners.isEmpty } }, exemplar: row.map { $0?.exemplar })
    }
  }
}
