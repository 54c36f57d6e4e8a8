import PilotEvalCore
import Testing

/// SPEC §3: each reviewer's view of a criterion is the unit's answer with that review's changes applied.
@Suite("§3 reviewer views")
struct ReviewerViewTests {
  @Test("a <score level> replaces the unit's level")
  func replacesLevel() {
    // A 4 → B 2.
    let result = Rubric.make([.abc("C1", points: 4)])
      .score(
        [Response(criterion: "C1", level: "A")],
        reviews: [.by("E1", scores: [ScoreChange(criterion: "C1", level: "B")])]
      )
      .criterion("C1")
    #expect(result.points == 2)
    #expect(result.selfPoints == 4)
  }

  @Test("a <score value> replaces the unit's value")
  func replacesValue() {
    // scale 0 → 1 for 10 points: 0.9 → 9; reviewer 0.8 → 8.
    let result = Rubric.make([.scale("C1", points: 10, from: 0, to: 1)])
      .score(
        [Response(criterion: "C1", value: 0.9)],
        reviews: [.by("E1", scores: [ScoreChange(criterion: "C1", value: 0.8)])]
      )
      .criterion("C1")
    #expect(result.points.isClose(to: 8))
    #expect(result.selfPoints.isClose(to: 9))
  }

  @Test("a <score value> replaces a measured value too")
  func replacesMeasuredValue() {
    // scale 0.5 → 1.0 for 4 points: measured 0.9 → 4 × 0.8 = 3.2; reviewer 0.75 → 4 × 0.5 = 2.
    let rubric = Rubric.make([.scale("C1", points: 4, from: 0.5, to: 1.0).measured()])
    let result = rubric.score(
      [], derived: DerivedData(measured: ["C1": 0.9]),
      reviews: [.by("E1", scores: [ScoreChange(criterion: "C1", value: 0.75)])]
    ).criterion("C1")
    #expect(result.points.isClose(to: 2))
    #expect(result.selfPoints.isClose(to: 3.2))
  }

  @Test("a reviewer may supply the value a NaN measure could not")
  func suppliesMissingMeasure() {
    // bands: 75 in [50, 100) → 3.
    let rubric = Rubric.make([.bands("C1", points: 6, [.from(100, points: 6), .range(50, 100, points: 3)]).measured()])
    let result = rubric.score(
      [], derived: DerivedData(measured: ["C1": .nan]),
      reviews: [.by("E1", scores: [ScoreChange(criterion: "C1", value: 75)])]
    ).criterion("C1")
    #expect(result.selfStatus == .missing)
    #expect(result.status == .scored)
    #expect(result.points == 3)
  }

  @Test("a <score points> replaces the unit's judgement")
  func replacesPoints() {
    let result = Rubric.make([.judgement("C1", points: 4, step: 0.5)])
      .score(
        [Response(criterion: "C1", points: 3.5)],
        reviews: [.by("E1", scores: [ScoreChange(criterion: "C1", points: 2)])]
      )
      .criterion("C1")
    #expect(result.points == 2)
  }

  @Test("<check> children replace the whole checked set, select items included")
  func replacesCheckSet() {
    // a (select, 2), b (2), c (1). Unit: data selects a, checks b → 4. Reviewer checks only c → 1.
    let rubric = Rubric.make([.checklist("C1", points: 5, [.selected("a", 2), .item("b", 2), .item("c", 1)])])
    let result = rubric.score(
      [Response(criterion: "C1", checks: ["b"])], derived: DerivedData(selectedItems: ["C1": ["a"]]),
      reviews: [.by("E1", scores: [ScoreChange(criterion: "C1", checks: ["c"])])]
    ).criterion("C1")
    #expect(result.selfPoints == 4)
    #expect(result.points == 1)
  }

  @Test("a <score> that carries nothing to replace is a comment and changes nothing")
  func commentOnly() {
    let result = Rubric.make([.abc("C1", points: 4)])
      .score(
        [Response(criterion: "C1", level: "A")],
        reviews: [.by("E1", scores: [ScoreChange(criterion: "C1", comment: "材料齐全")])]
      )
      .criterion("C1")
    #expect(result.points == 4)
    #expect(result.reviews.map(\.changed) == [false])
  }

  @Test("a <score> applies also where the unit gave no answer")
  func scoresUnanswered() {
    let result = Rubric.make([.abc("C1", points: 4)])
      .score([], reviews: [.by("E1", scores: [ScoreChange(criterion: "C1", level: "A")])]).criterion("C1")
    #expect(result.selfStatus == .missing)
    #expect(result.status == .scored)
    #expect(result.points == 4)
  }

  @Test("a <score> of a not-applicable criterion is ignored: reviewers do not change applicability")
  func notApplicableIgnored() {
    let rubric = Rubric.make([.abc("C1", points: 4).optional(), .abc("C2", points: 6)])
    let card = rubric.score(
      [.notApplicable("C1"), Response(criterion: "C2", level: "A")],
      reviews: [.by("E1", scores: [ScoreChange(criterion: "C1", level: "A")])])
    #expect(card.criterion("C1").status == .notApplicable)
    #expect(card.criterion("C1").points == 0)
    #expect(card.applicableMax == 6)
  }

  @Test("a reviewer who says nothing of a criterion accepts the unit's answer")
  func silentReviewerAccepts() {
    // Views: E1 B → 2, E2 silent → A 4; mean (2 + 4) ÷ 2 = 3.
    let result = Rubric.make([.abc("C1", points: 4)])
      .score(
        [Response(criterion: "C1", level: "A")],
        reviews: [.by("E1", scores: [ScoreChange(criterion: "C1", level: "B")]), .by("E2")]
      ).criterion("C1")
    #expect(result.reviews.map(\.points) == [2, 4])
    #expect(result.points == 3)
  }

  @Test("one reviewer's evidence rejection stays in that reviewer's view")
  func evidenceRejectionPerReviewer() {
    // min 1, one item. E1 rejects it → 0, insufficient; E2 accepts → 4. Mean 2, status scored.
    let result = Rubric.make([.abc("C1", points: 4).needingEvidence(1)])
      .score(
        [Response(criterion: "C1", level: "A", evidenceCount: 1)],
        reviews: [.by("E1", rejectingEvidence: [EvidenceRejection(criterion: "C1", count: 1)]), .by("E2")]
      ).criterion("C1")
    #expect(result.reviews.map(\.status) == [.insufficientEvidence, .scored])
    #expect(result.points == 2)
    #expect(result.status == .scored)
  }

  // MARK: - Verified status

  @Test("verified status: scored if any view is scored")
  func statusScoredIfAny() {
    // Unit gave nothing (missing). E1 supplies A → scored 4; E2 silent → missing 0. Mean 2.
    let result = Rubric.make([.abc("C1", points: 4)])
      .score([], reviews: [.by("E1", scores: [ScoreChange(criterion: "C1", level: "A")]), .by("E2")]).criterion("C1")
    #expect(result.status == .scored)
    #expect(result.points == 2)
  }

  @Test("verified status: else insufficient-evidence if any view has it")
  func statusInsufficientIfAny() {
    // min 1, no response. E1 supplies A but there is no evidence → insufficient; E2 silent → missing.
    let result = Rubric.make([.abc("C1", points: 4).needingEvidence(1)])
      .score([], reviews: [.by("E1", scores: [ScoreChange(criterion: "C1", level: "A")]), .by("E2")]).criterion("C1")
    #expect(result.status == .insufficientEvidence)
  }

  @Test("verified status: else missing")
  func statusMissing() {
    let result = Rubric.make([.abc("C1", points: 4)]).score([], reviews: [.by("E1"), .by("E2")]).criterion("C1")
    #expect(result.status == .missing)
  }

  // MARK: - Self score

  @Test("the self score is the submission scored with no reviews")
  func selfScoreIgnoresReviews() {
    // C1 A 40 + C2 60 → self 100; reviewer C1 → B 20 → 80.
    let rubric = Rubric.make([.abc("C1", points: 40), .judgement("C2", points: 60)])
    let responses = [Response(criterion: "C1", level: "A"), Response(criterion: "C2", points: 60)]
    let card = rubric.score(responses, reviews: [.by("E1", scores: [ScoreChange(criterion: "C1", level: "B")])])
    #expect(card.selfScore == 100)
    #expect(card.score == 80)
    #expect(card.selfScore == rubric.score(responses).score)
  }

  @Test("with no accepted review, score and self score are equal")
  func noReviewsEqual() {
    let rubric = Rubric.make([.abc("C1", points: 40), .judgement("C2", points: 60)], bonuses: [.bonus("B1", 2)])
    let card = rubric.score(
      .make([Response(criterion: "C1", level: "B"), Response(criterion: "C2", points: 33)], bonuses: ["B1"]))
    #expect(card.score == 55)  // 20 + 33 + 2
    #expect(card.selfScore == card.score)
    #expect(card.reviewers.isEmpty)
  }
}
