import PilotEvalCore
import Testing

/// SPEC §2 step 7 and §1 `<tiers>`: which tier a unit reaches.
@Suite("§2.7 tiers")
struct TierTests {
  // MARK: - Minimum score

  @Test(
    "the first tier, highest first, whose min ≤ the score rounded to two decimals",
    arguments: [
      (100.0, "exemplary"),
      (90.0, "exemplary"),  // a min is inclusive
      (89.995, "exemplary"),  // round2 → 90.00, shown as 90.00, meets 90
      (89.994, "good"),  // round2 → 89.99
      (80.0, "good"),
      (79.99, "pass"),
      (60.0, "pass"),
      (59.5, "fail"),
      (0.0, "fail"),
    ])
  func tierByMin(score: Double, tier: String) {
    let rubric = Rubric.make([.judgement("C1", points: 100)])
    let card = rubric.score([Response(criterion: "C1", points: score)])
    #expect(card.tier == tier)
    #expect(card.blockedTiers.isEmpty)
  }

  @Test("the tier follows the score after bonus and deduction, not the base")
  func tierUsesScore() {
    // 88 + 2 = 90 → exemplary; 81 − 2 = 79 → pass.
    let rubric = Rubric.make(
      [.judgement("C1", points: 100)], bonuses: [.bonus("B1", 2)], deductions: [.deduction("D1", 2)])
    #expect(rubric.score(.make([Response(criterion: "C1", points: 88)], bonuses: ["B1"])).tier == "exemplary")
    #expect(rubric.score(.make([Response(criterion: "C1", points: 81)], deductions: [Claim(id: "D1")])).tier == "pass")
  }

  // MARK: - Section floor

  /// S1 holds 90 points, S2 10; exemplary needs every top-level section at 60 %, good at 50 %.
  private func floored(goodFloor: Double? = nil) -> Rubric {
    Rubric.make(
      [.judgement("C1", points: 90), .judgement("C2", points: 10)],
      sections: [.section("S1", ["C1"]), .section("S2", ["C2"])],
      tiers: [
        Tier(id: "exemplary", name: "示范", min: 90, sectionFloor: 0.6),
        Tier(id: "good", name: "良好", min: 80, sectionFloor: goodFloor),
        Tier(id: "pass", name: "合格", min: 60),
        Tier(id: "fail", name: "不合格", min: 0),
      ])
  }

  @Test("a unit that fails a tier's section floor falls to the next tier it meets")
  func floorFails() {
    // 90 + 5 = 95 ≥ 90, but S2 earned 5 < 0.6 × 10 = 6 → good.
    let card = floored().score([Response(criterion: "C1", points: 90), Response(criterion: "C2", points: 5)])
    #expect(card.tier == "good")
    #expect(card.blockedTiers.map(\.tier) == ["exemplary"])
    #expect(card.blockedTiers.map(\.reason) == [.sectionFloor(["S2"])])
  }

  @Test("earned exactly at floor × max meets the floor")
  func floorMet() {
    // S2 earned 6 = 0.6 × 10 → exemplary (score 96).
    let card = floored().score([Response(criterion: "C1", points: 90), Response(criterion: "C2", points: 6)])
    #expect(card.tier == "exemplary")
  }

  @Test("failing several floors falls past each of them")
  func floorsCascade() {
    // S2 earned 4 < 6 (exemplary) and < 5 (good) → pass (score 94).
    let card = floored(goodFloor: 0.5).score([
      Response(criterion: "C1", points: 90), Response(criterion: "C2", points: 4),
    ])
    #expect(card.tier == "pass")
    #expect(card.blockedTiers.map(\.tier) == ["exemplary", "good"])
    #expect(card.blockedTiers.map(\.reason) == [.sectionFloor(["S2"]), .sectionFloor(["S2"])])
  }

  @Test("only top-level sections are held to the floor")
  func floorTopLevelOnly() {
    // S1 ⊃ S1.1 {C1 0/10} and C2 80/80; S2 {C3 10/10}. S1: 80/90 ≥ 0.6; S1.1 at 0 does not matter.
    let rubric = Rubric.make(
      [.judgement("C1", points: 10), .judgement("C2", points: 80), .judgement("C3", points: 10)],
      sections: [.section("S1", ["C2"]), .section("S1.1", in: "S1", ["C1"]), .section("S2", ["C3"])],
      tiers: [Tier(id: "exemplary", name: "示范", min: 90, sectionFloor: 0.6), Tier(id: "fail", name: "不合格", min: 0)])
    let card = rubric.score([
      Response(criterion: "C1", points: 0), Response(criterion: "C2", points: 80),
      Response(criterion: "C3", points: 10),
    ])
    #expect(card.tier == "exemplary")
  }

  @Test("a section with max 0 (all its criteria not applicable) passes the floor")
  func floorEmptySection() {
    // S2's only criterion is not applicable: max 0. Base = 90 × (100 ÷ 90) = 100.
    let rubric = Rubric.make(
      [.judgement("C1", points: 90), .judgement("C2", points: 10).optional()],
      sections: [.section("S1", ["C1"]), .section("S2", ["C2"])],
      tiers: [Tier(id: "exemplary", name: "示范", min: 90, sectionFloor: 0.6), Tier(id: "fail", name: "不合格", min: 0)])
    let card = rubric.score([Response(criterion: "C1", points: 90), .notApplicable("C2")])
    #expect(card.section("S2").max == 0)
    #expect(card.tier == "exemplary")
  }

  @Test("the floor compares the plain (not rescaled) section points")
  func floorUsesPlainPoints() {
    // S1 {C1 5/10, C2 not applicable}, S2 {C3 90/90}; total 110, applicable max 100.
    // base = (5 + 90) × (110 ÷ 100) = 104.5 ≥ 90, but S1 earned 5 < 0.6 × 10 → not exemplary.
    let rubric = Rubric.make(
      [.judgement("C1", points: 10), .judgement("C2", points: 10).optional(), .judgement("C3", points: 90)],
      sections: [.section("S1", ["C1", "C2"]), .section("S2", ["C3"])],
      tiers: [Tier(id: "exemplary", name: "示范", min: 90, sectionFloor: 0.6), Tier(id: "fail", name: "不合格", min: 0)])
    let card = rubric.score([
      Response(criterion: "C1", points: 5), .notApplicable("C2"), Response(criterion: "C3", points: 90),
    ])
    #expect(card.base.isClose(to: 104.5))
    #expect((card.section("S1").earned, card.section("S1").max) == (5, 10))
    #expect(card.tier == "fail")
  }

  // MARK: - ★ key items

  /// C1 is a ★ key item worth 10; C2 a 90-point judgement.
  private let keyed = Rubric.make([.abc("C1", points: 10).key(), .judgement("C2", points: 90)])

  @Test("a ★ key item at zero puts the unit in the lowest tier whatever its score")
  func keyItemAtZero() {
    // 0 + 90 = 90 → would be exemplary.
    let card = keyed.score([Response(criterion: "C1", level: "C"), Response(criterion: "C2", points: 90)])
    #expect(card.score == 90)
    #expect(card.tier == "fail")
    #expect(card.blockedTiers.map(\.tier) == ["exemplary", "good", "pass"])
    #expect(card.blockedTiers.allSatisfy { $0.reason == .keyItemAtZero(["C1"]) })
  }

  @Test("a ★ key item that is missing is at zero too")
  func keyItemMissing() {
    let card = keyed.score([Response(criterion: "C2", points: 90)])
    #expect(card.tier == "fail")
  }

  @Test("a ★ key item above zero does not block")
  func keyItemScored() {
    // 5 + 90 = 95.
    let card = keyed.score([Response(criterion: "C1", level: "B"), Response(criterion: "C2", points: 90)])
    #expect(card.tier == "exemplary")
  }

  @Test("points ≤ ε count as zero for a ★ key item")
  func keyItemEpsilon() {
    let rubric = Rubric.make([.judgement("C1", points: 10).key(), .judgement("C2", points: 90)])
    let card = rubric.score([Response(criterion: "C1", points: 1e-10), Response(criterion: "C2", points: 90)])
    #expect(card.tier == "fail")
  }

  @Test("a ★ key item that is not applicable does not block")
  func keyItemNotApplicable() {
    // Base = 90 × (100 ÷ 90) = 100.
    let rubric = Rubric.make([.abc("C1", points: 10).key().optional(), .judgement("C2", points: 90)])
    let card = rubric.score([.notApplicable("C1"), Response(criterion: "C2", points: 90)])
    #expect(card.tier == "exemplary")
  }

  @Test("the ★ rule uses verified points: a reviewer's zero blocks, the self tier keeps the unit's own")
  func keyItemVerified() {
    let card = keyed.score(
      [Response(criterion: "C1", level: "A"), Response(criterion: "C2", points: 90)],
      reviews: [.by("E1", scores: [ScoreChange(criterion: "C1", level: "C")])])
    #expect(card.tier == "fail")
    #expect(card.selfTier == "exemplary")
  }
}
