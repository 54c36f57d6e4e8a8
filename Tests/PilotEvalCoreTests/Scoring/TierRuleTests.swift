import Testing

@testable import PilotEvalCore

/// The one tier rule (SPEC §2 step 7) that the scoring engine and the robustness draws share.
@Suite("§2.7 the tier rule, one source")
struct TierRuleTests {
  /// S1 (C1 ★, 60 points) and S2 (C2, 40 points); exemplary and good have section floors.
  private let rubric = Rubric.make(
    [.judgement("C1", points: 60).key(), .judgement("C2", points: 40)],
    sections: [.section("S1", ["C1"]), .section("S2", ["C2"])],
    tiers: [
      Tier(id: "exemplary", name: "示范", min: 90, sectionFloor: 0.8),
      Tier(id: "good", name: "良好", min: 70, sectionFloor: 0.5),
      Tier(id: "pass", name: "合格", min: 40),
      Tier(id: "fail", name: "不合格", min: 0),
    ])

  @Test(
    "a tier a unit reaches is blocked in its scorecard exactly when the rule's admits refuses it",
    arguments: Array(stride(from: 0.0, through: 60, by: 7.5)))
  func blocksAreAdmits(first: Double) {
    let rule = TierRule(rubric: rubric)
    for second in stride(from: 0.0, through: 40, by: 5) {
      let card = rubric.score([Response(criterion: "C1", points: first), Response(criterion: "C2", points: second)])
      let points = UnitPoints(
        sections: card.sections, topLevel: rule.topLevelSections, criteria: card.criteria, selfAssessed: false)
      for tier in rubric.tiers where TierRule.reaches(tier, shown: round2(card.score)) {
        let blocked = card.blockedTiers.contains { $0.tier == tier.id }
        #expect(blocked == !rule.admits(tier, points), "C1 \(first), C2 \(second), tier \(tier.id)")
      }
      let open = rubric.tiers.first { TierRule.reaches($0, shown: round2(card.score)) && rule.admits($0, points) }
      #expect(card.tier == (open?.id ?? "fail"), "C1 \(first), C2 \(second)")
    }
  }

  @Test("a ★ key criterion at zero closes every tier but the lowest; the lowest has no key rule")
  func keyRuleSparesLowest() {
    let rule = TierRule(rubric: rubric)
    let card = rubric.score([Response(criterion: "C1", points: 0), Response(criterion: "C2", points: 40)])
    let points = UnitPoints(
      sections: card.sections, topLevel: rule.topLevelSections, criteria: card.criteria, selfAssessed: false)
    #expect(rubric.tiers.map { rule.admits($0, points) } == [false, false, false, true])
    #expect(card.tier == "fail")
    #expect(card.blockedTiers.map(\.reason) == [.keyItemAtZero(["C1"])])
  }
}
