import PilotEvalCore

// Small builders for trend fixtures: a rubric shape with the usual four tiers, and rounds whose
// units get their tier and rank from their score unless a test states them.

extension RubricShape {
  /// The usual tiers, highest first: exemplary ≥ 90, good ≥ 80, pass ≥ 60, fail ≥ 0.
  static let usualTiers: [(String, Double)] = [("exemplary", 90), ("good", 80), ("pass", 60), ("fail", 0)]

  /// Rubric `r` at `version`: the criteria (id, points) in one section `S1`, total Σ points.
  static func trend(
    version: String = "1", _ criteria: [(String, Double)] = [("C1", 50), ("C2", 50)],
    tiers: [(String, Double)] = usualTiers
  ) -> RubricShape {
    let total = criteria.reduce(0) { $0 + $1.1 }
    return RubricShape(
      id: "r", version: version, title: "r", total: total,
      tiers: tiers.map { TierShape(id: $0.0, name: $0.0, min: $0.1) },
      sections: [SectionShape(id: "S1", title: "S1", parent: nil, max: total)],
      criteria: criteria.map { CriterionShape(id: $0.0, title: $0.0, section: "S1", points: $0.1) })
  }
}

extension UnitSnapshot {
  /// A unit scoring `score`; an empty `tier` is filled in by `RoundSnapshot.trend` from the rubric, a
  /// rank of 0 from the score.
  static func unit(
    _ id: String, _ score: Double, tier: String = "", region: String = "", level: String = "", name: String = "",
    exemplar: Bool = false, partners: [String] = []
  ) -> UnitSnapshot {
    UnitSnapshot(
      id: id, name: name, region: region, level: level, score: score, tier: tier, vetoed: tier == "vetoed",
      exemplar: exemplar, partners: partners)
  }
}

extension RoundSnapshot {
  /// Round `round` scored with `rubric`. A unit without a tier gets the highest tier whose minimum
  /// its score reaches; a unit without a rank gets 1 + the number of units scoring more.
  static func trend(
    _ round: String, rubric: RubricShape = .trend(), pairings: PairingSource = .recommended, _ units: [UnitSnapshot]
  ) -> RoundSnapshot {
    let filled = units.map { unit -> UnitSnapshot in
      var copy = unit
      if copy.tier.isEmpty { copy.tier = rubric.tiers.first { unit.score >= $0.min }?.id ?? "fail" }
      if copy.rank == 0 { copy.rank = 1 + units.filter { $0.score > unit.score }.count }
      return copy
    }
    return RoundSnapshot(round: round, rubric: rubric, units: filled, pairings: pairings)
  }
}

/// Whether `a` and `b` differ by at most `tolerance`.
func approximately(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
  abs(a - b) <= tolerance
}
