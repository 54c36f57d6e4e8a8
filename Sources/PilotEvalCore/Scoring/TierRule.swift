/// A unit's points as the tier rule reads them: its top-level sections (numbered 0, 1, … in rubric order, as
/// `TierRule.topLevelSections` lists them) and its criteria (numbered as `Rubric.criteria`).
package protocol TierEvidence {
  /// Points earned in the top-level section numbered `slot`.
  func sectionEarned(_ slot: Int) -> Double
  /// Σ points of the applicable criteria in the top-level section numbered `slot`.
  func sectionMax(_ slot: Int) -> Double
  /// Whether the criterion at `criterion` applies to the unit.
  func applies(_ criterion: Int) -> Bool
  /// The points of the criterion at `criterion`.
  func points(_ criterion: Int) -> Double
}

/// SPEC §2 step 7, written once for the scoring engine, the exemplar rule, the robustness draws and the report's
/// "what it takes to reach the next tier".
///
/// A unit reaches a tier when round2(score) ≥ min − ε. A tier it reaches is closed to it when a top-level section
/// with max > 0 has earned < floor × max − ε (the tier's section floor), or when an applicable ★ key criterion
/// has ≤ ε points and the tier is not the lowest. The unit is placed in the first tier it reaches that is open
/// to it, else in the lowest; a veto places it in `Scorecard.vetoedTier` whatever its points.
package struct TierRule: Sendable {
  /// The rubric's tiers, highest first.
  package let tiers: [Tier]
  /// Positions in `Rubric.sections` of the top-level sections, in rubric order.
  package let topLevelSections: [Int]
  /// Positions in `Rubric.criteria` of the ★ key criteria, in rubric order.
  package let keyCriteria: [Int]
  private let lowest: String?

  /// The rule of `rubric`'s tiers.
  package init(rubric: Rubric) {
    tiers = rubric.tiers
    topLevelSections = rubric.sections.indices.filter { rubric.sections[$0].parent == nil }
    keyCriteria = rubric.criteria.indices.filter { rubric.criteria[$0].isKey }
    lowest = rubric.lowestTier?.id
  }

  /// Whether a unit whose score shows as `shown` (round2 of the score) reaches `tier`.
  package static func reaches(_ tier: Tier, shown: Double) -> Bool {
    shown >= tier.min - scoringEpsilon
  }

  /// Calls `body` with each top-level section (its slot) below `tier`'s floor, in rubric order, until `body`
  /// returns false.
  package func sectionsBelowFloor<Evidence: TierEvidence>(
    of tier: Tier, in evidence: Evidence, _ body: (Int) -> Bool
  ) {
    guard let floor = tier.sectionFloor else { return }
    for slot in topLevelSections.indices {
      let max = evidence.sectionMax(slot)
      if max > 0 && evidence.sectionEarned(slot) < floor * max - scoringEpsilon && !body(slot) { return }
    }
  }

  /// Calls `body` with each applicable ★ key criterion at zero that keeps the unit out of `tier`, in rubric
  /// order, until `body` returns false; none keeps it out of the lowest tier.
  package func keyCriteriaAtZero<Evidence: TierEvidence>(
    closing tier: Tier, in evidence: Evidence, _ body: (Int) -> Bool
  ) {
    guard tier.id != lowest else { return }
    for criterion in keyCriteria
    where evidence.applies(criterion) && isZero(evidence.points(criterion)) && !body(criterion) {
      return
    }
  }

  /// Whether `tier`'s section floor and key rule let the unit in (whether its score reaches `tier` aside).
  package func admits<Evidence: TierEvidence>(_ tier: Tier, _ evidence: Evidence) -> Bool {
    var open = true
    sectionsBelowFloor(of: tier, in: evidence) { _ in
      open = false
      return false
    }
    guard open else { return false }
    keyCriteriaAtZero(closing: tier, in: evidence) { _ in
      open = false
      return false
    }
    return open
  }

  /// The tier a unit is placed in, and the tiers it reached but was kept out of (with why), highest first.
  ///
  /// - Parameters:
  ///   - shown: round2 of the unit's score.
  ///   - vetoes: the ids of the vetoes that apply to it.
  ///   - rubric: the rubric this rule was made from, for section and criterion ids.
  package func place<Evidence: TierEvidence>(
    shown: Double, vetoes: [String], _ evidence: Evidence, rubric: Rubric
  ) -> (tier: String, blocks: [TierBlock]) {
    let reached = tiers.filter { Self.reaches($0, shown: shown) }
    if !vetoes.isEmpty {
      let blocks = reached.prefix(1).map { TierBlock(tier: $0.id, reason: .veto(vetoes)) }
      return (Scorecard.vetoedTier, blocks)
    }
    var blocks: [TierBlock] = []
    for tier in reached {
      var below: [String] = []
      sectionsBelowFloor(of: tier, in: evidence) { slot in
        below.append(rubric.sections[topLevelSections[slot]].id)
        return true
      }
      if !below.isEmpty {
        blocks.append(TierBlock(tier: tier.id, reason: .sectionFloor(below)))
        continue
      }
      var atZero: [String] = []
      keyCriteriaAtZero(closing: tier, in: evidence) { criterion in
        atZero.append(rubric.criteria[criterion].id)
        return true
      }
      if !atZero.isEmpty {
        blocks.append(TierBlock(tier: tier.id, reason: .keyItemAtZero(atZero)))
        continue
      }
      return (tier.id, blocks)
    }
    return (lowest ?? "", blocks)
  }
}
