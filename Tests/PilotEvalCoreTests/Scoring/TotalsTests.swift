import PilotEvalCore
import Testing

/// SPEC §1 (rubric total) and §2 steps 2–5: applicable max, base, bonus, deduction, score.
@Suite("§2.2–2.5 base, bonus, deduction and score")
struct TotalsTests {
  /// One 100-point judgement criterion: the base is exactly the points given.
  private func hundred(
    bonuses: [Adjustment] = [], bonusCap: Double? = nil, deductions: [Adjustment] = [], deductionCap: Double? = nil
  ) -> Rubric {
    Rubric.make(
      [.judgement("C1", points: 100)], bonuses: bonuses, bonusCap: bonusCap, deductions: deductions,
      deductionCap: deductionCap)
  }

  private func fifty(bonuses: [String] = [], deductions: [Claim] = []) -> Submission {
    .make([Response(criterion: "C1", points: 50)], bonuses: bonuses, deductions: deductions)
  }

  // MARK: - Rubric total

  @Test("the rubric total is Σ criterion points; bonus and deductions are outside it")
  func rubricTotal() {
    let rubric = Rubric.make(
      [.abc("C1", points: 10), .judgement("C2", points: 20).optional(), .scale("C3", points: 70, from: 0, to: 1)],
      bonuses: [.bonus("B1", 5)], deductions: [.deduction("D1", 3)])
    #expect(rubric.total == 100)  // 10 + 20 + 70
  }

  // MARK: - 合理缺项

  @Test("base = Σ earned × (total ÷ applicable max): a reasonable omission neither helps nor hurts")
  func rescaling() {
    // C1 8/10, C2 not applicable (20), C3 56/70.
    // applicable max = 10 + 70 = 80; Σ earned = 64; base = 64 × (100 ÷ 80) = 80.
    let rubric = Rubric.make([
      .levels("C1", points: 10, [("A", 10), ("B", 8)]), .judgement("C2", points: 20).optional(),
      .judgement("C3", points: 70),
    ])
    let card = rubric.score([
      Response(criterion: "C1", level: "B"), .notApplicable("C2"), Response(criterion: "C3", points: 56),
    ])
    #expect(card.applicableMax == 80)
    #expect(card.base == 80)
    #expect(card.score == 80)
  }

  @Test("missing and insufficient-evidence criteria stay in the applicable max")
  func missingStaysApplicable() {
    // C1 8/10 scored, C2 missing (30), C3 insufficient evidence (60): applicable max 100, base = 8.
    let rubric = Rubric.make([
      .judgement("C1", points: 10), .judgement("C2", points: 30).optional(),
      .judgement("C3", points: 60).needingEvidence(1),
    ])
    let card = rubric.score([Response(criterion: "C1", points: 8), Response(criterion: "C3", points: 60)])
    #expect(card.applicableMax == 100)
    #expect(card.base == 8)
  }

  @Test("applicable max 0: the base is 0")
  func nothingApplicable() {
    let rubric = Rubric.make([.abc("C1", points: 10).optional(), .abc("C2", points: 5).optional()])
    let card = rubric.score([.notApplicable("C1"), .notApplicable("C2")])
    #expect(card.applicableMax == 0)
    #expect(card.base == 0)
    #expect(card.score == 0)
  }

  // MARK: - Bonus

  @Test("bonus = min(cap, Σ points of claimed bonuses)")
  func bonusCap() {
    // B1 3 + B2 4 = 7, cap 5 → 5; score = 50 + 5 = 55.
    let rubric = hundred(bonuses: [.bonus("B1", 3), .bonus("B2", 4), .bonus("B3", 1)], bonusCap: 5)
    let card = rubric.score(fifty(bonuses: ["B1", "B2"]))
    #expect(card.bonus == 5)
    #expect(card.score == 55)
  }

  @Test("bonus under the cap counts in full; unclaimed bonuses count nothing")
  func bonusUnderCap() {
    // Only B3 (1) claimed: 1 < 5.
    let rubric = hundred(bonuses: [.bonus("B1", 3), .bonus("B2", 4), .bonus("B3", 1)], bonusCap: 5)
    #expect(rubric.score(fifty(bonuses: ["B3"])).bonus == 1)
  }

  @Test("a bonus claimed twice counts once")
  func bonusClaimedTwice() {
    let rubric = hundred(bonuses: [.bonus("B1", 3)])
    #expect(rubric.score(fifty(bonuses: ["B1", "B1"])).bonus == 3)
  }

  @Test("a bonus a reviewer rejects does not count in the score, but does in the self score")
  func bonusRejectedByReviewer() {
    // Claimed B1 3 + B2 4 = 7 → cap 5 (self). E2 rejects B2: 3 (verified). E1 says nothing of it.
    let rubric = hundred(bonuses: [.bonus("B1", 3), .bonus("B2", 4)], bonusCap: 5)
    let card = rubric.score(
      fifty(bonuses: ["B1", "B2"]),
      reviews: [.by("E1"), .by("E2", bonuses: [BonusVerdict(id: "B2", rejected: true)])])
    #expect(card.bonus == 3)
    #expect(card.selfBonus == 5)
    #expect(card.score == 53)
    #expect(card.selfScore == 55)
  }

  @Test("a reviewer's bonus verdict that does not reject leaves the claim standing")
  func bonusAcceptedByReviewer() {
    let rubric = hundred(bonuses: [.bonus("B1", 3)])
    let card = rubric.score(
      fifty(bonuses: ["B1"]), reviews: [.by("E1", bonuses: [BonusVerdict(id: "B1", rejected: false)])])
    #expect(card.bonus == 3)
  }

  @Test("a reviewer cannot award a bonus the unit did not claim")
  func bonusNotClaimed() {
    let rubric = hundred(bonuses: [.bonus("B1", 3)])
    let card = rubric.score(fifty(), reviews: [.by("E1", bonuses: [BonusVerdict(id: "B1", rejected: false)])])
    #expect(card.bonus == 0)
  }

  // MARK: - Deduction

  @Test("deduction = min(cap, Σ points × count)")
  func deductionCap() {
    // D1 2 × 3 + D2 3 × 2 = 12, cap 10 → 10; score = 50 − 10 = 40.
    let rubric = hundred(deductions: [.deduction("D1", 2), .deduction("D2", 3)], deductionCap: 10)
    let card = rubric.score(fifty(deductions: [Claim(id: "D1", count: 3), Claim(id: "D2", count: 2)]))
    #expect(card.deduction == 10)
    #expect(card.score == 40)
  }

  @Test("a deduction without cap is uncapped")
  func deductionUncapped() {
    // 2 × 3 + 3 × 2 = 12.
    let rubric = hundred(deductions: [.deduction("D1", 2), .deduction("D2", 3)])
    let card = rubric.score(fifty(deductions: [Claim(id: "D1", count: 3), Claim(id: "D2", count: 2)]))
    #expect(card.deduction == 12)
    #expect(card.score == 38)
  }

  @Test("count comes from the select XPath when given; written and reviewed counts are not used")
  func deductionCountFromSelect() {
    // Data count 2 × 2 points = 4, although the unit wrote 5 and a reviewer 7.
    let rubric = hundred(deductions: [.deduction("D1", 2, select: "count(//s:incident)")])
    let submission = Submission.make(
      [Response(criterion: "C1", points: 50)], deductions: [Claim(id: "D1", count: 5)],
      derived: DerivedData(deductionCounts: ["D1": 2]))
    let card = rubric.score(submission, reviews: [.by("E1", deductions: [Claim(id: "D1", count: 7)])])
    #expect(card.deduction == 4)
    #expect(card.selfDeduction == 4)
  }

  @Test("count is the highest among the submission and its accepted reviews")
  func deductionHighestCount() {
    // Unit 1, E1 3, E2 2 → 3 × 2 = 6 (self: 1 × 2 = 2).
    let rubric = hundred(deductions: [.deduction("D1", 2)])
    let card = rubric.score(
      fifty(deductions: [Claim(id: "D1", count: 1)]),
      reviews: [.by("E1", deductions: [Claim(id: "D1", count: 3)]), .by("E2", deductions: [Claim(id: "D1", count: 2)])])
    #expect(card.deduction == 6)
    #expect(card.selfDeduction == 2)
  }

  @Test("a reviewer's lower count does not lower the unit's own")
  func deductionReviewerLower() {
    // Unit 3, E1 1 → 3 × 2 = 6.
    let rubric = hundred(deductions: [.deduction("D1", 2)])
    let card = rubric.score(
      fifty(deductions: [Claim(id: "D1", count: 3)]), reviews: [.by("E1", deductions: [Claim(id: "D1", count: 1)])])
    #expect(card.deduction == 6)
  }

  @Test("a deduction no one names counts 0; one only a reviewer names counts")
  func deductionNamedByReviewerOnly() {
    // D1 named by nobody: 0. D2 named by E1 with count 2: 2 × 3 = 6.
    let rubric = hundred(deductions: [.deduction("D1", 2), .deduction("D2", 3)])
    let card = rubric.score(fifty(), reviews: [.by("E1", deductions: [Claim(id: "D2", count: 2)])])
    #expect(card.deduction == 6)
    #expect(card.selfDeduction == 0)
  }

  @Test("a deduction named twice takes the highest count, not the sum or the last")
  func deductionNamedTwice() {
    // counts 2 and 1 → 2 × 2 = 4 (the sum would give 6, the last 2).
    let rubric = hundred(deductions: [.deduction("D1", 2)])
    let card = rubric.score(fifty(deductions: [Claim(id: "D1", count: 2), Claim(id: "D1", count: 1)]))
    #expect(card.deduction == 4)
  }

  @Test("a fractional count multiplies the points")
  func deductionFractionalCount() {
    // 2 × 1.5 = 3.
    let rubric = hundred(deductions: [.deduction("D1", 2)])
    #expect(rubric.score(fifty(deductions: [Claim(id: "D1", count: 1.5)])).deduction == 3)
  }

  // MARK: - Score

  @Test("score = base + bonus − deduction")
  func scoreFormula() {
    // 50 + 3 − 2 = 51.
    let rubric = hundred(bonuses: [.bonus("B1", 3)], deductions: [.deduction("D1", 2)])
    let card = rubric.score(fifty(bonuses: ["B1"], deductions: [Claim(id: "D1")]))
    #expect(card.score == 51)
  }

  @Test("score is clamped at 0")
  func scoreFloor() {
    // 5 − 5 × 2 = −5 → 0.
    let rubric = hundred(deductions: [.deduction("D1", 5)])
    let card = rubric.score(.make([Response(criterion: "C1", points: 5)], deductions: [Claim(id: "D1", count: 2)]))
    #expect(card.score == 0)
    #expect(card.selfScore == 0)
  }

  @Test("score is clamped at total + bonus cap")
  func scoreCeiling() {
    // A valid rubric cannot get past the ceiling (levels are refused above their criterion's points),
    // so this rubric breaks that rule to reach the clamp: a level worth 30 on a 10-point criterion.
    // Ceiling = total 10 + cap 2 = 12; 30 + 2 → 12.
    let rubric = Rubric.make(
      [.levels("C1", points: 10, [("X", 30)])], bonuses: [.bonus("B1", 2), .bonus("B2", 1)], bonusCap: 2)
    let card = rubric.score(.make([Response(criterion: "C1", level: "X")], bonuses: ["B1", "B2"]))
    #expect(card.score == 12)
  }

  @Test("uncapped bonuses: the bonus cap is Σ bonus points, also for the score's ceiling")
  func uncappedBonusCeiling() {
    // Cap = 2 + 1 = 3; ceiling = 10 + 3 = 13; 30 + 3 → 13.
    let rubric = Rubric.make([.levels("C1", points: 10, [("X", 30)])], bonuses: [.bonus("B1", 2), .bonus("B2", 1)])
    #expect(rubric.effectiveBonusCap == 3)
    let card = rubric.score(.make([Response(criterion: "C1", level: "X")], bonuses: ["B1", "B2"]))
    #expect(card.bonus == 3)
    #expect(card.score == 13)
  }

  // MARK: - Sections

  @Test("a section's earned and max are the plain sums over its applicable criteria, at any depth")
  func sectionSums() {
    // S1 ⊃ S1.1 {C1 4/10, C2 n/a 5}, S1 {C3 6/10}; S2 {C4 20/80}.
    // S1.1: earned 4, max 10. S1: earned 4 + 6 = 10, max 20 (not rescaled). S2: 20 / 80.
    let rubric = Rubric.make(
      [
        .judgement("C1", points: 10), .judgement("C2", points: 5).optional(), .judgement("C3", points: 10),
        .judgement("C4", points: 80),
      ],
      sections: [.section("S1", ["C3"]), .section("S1.1", in: "S1", ["C1", "C2"]), .section("S2", ["C4"])])
    let card = rubric.score([
      Response(criterion: "C1", points: 4), .notApplicable("C2"), Response(criterion: "C3", points: 6),
      Response(criterion: "C4", points: 20),
    ])
    #expect((card.section("S1.1").earned, card.section("S1.1").max) == (4, 10))
    #expect((card.section("S1").earned, card.section("S1").max) == (10, 20))
    #expect((card.section("S2").earned, card.section("S2").max) == (20, 80))
    #expect(card.sections.map(\.id) == ["S1", "S1.1", "S2"])
  }
}
