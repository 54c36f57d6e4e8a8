import PilotEvalCore
import Testing

/// SPEC §3 rejection rules that need only the rubric.
@Suite("§3 review rejections")
struct ReviewCheckerTests {
  private let checker = ReviewChecker(rubric: checkedRubric)

  @Test("a review that breaks no rule has no errors")
  func accepted() {
    let review = Review.by(
      "E1",
      scores: [
        ScoreChange(criterion: "C1", level: "C"), ScoreChange(criterion: "C2", checks: ["b"]),
        ScoreChange(criterion: "C3", points: 0.5), ScoreChange(criterion: "C5", comment: "好"),
      ],
      rejectingEvidence: [EvidenceRejection(criterion: "C1", count: 2)],
      bonuses: [BonusVerdict(id: "B1", rejected: true)],
      deductions: [Claim(id: "D1", count: 3)], vetoes: [VetoFinding(id: "V1", triggered: true)])
    #expect(checker.errors(in: review).isEmpty)
  }

  @Test("naming another rubric id is rejected")
  func wrongRubric() {
    var review = Review.by("E1")
    review.rubricID = "other"
    #expect(checker.errors(in: review).isSingleError(saying: "rubric", "other"))
  }

  @Test("scoring an unknown criterion is rejected")
  func unknownCriterionScore() {
    #expect(
      checker.errors(in: .by("E1", scores: [ScoreChange(criterion: "C9", level: "A")])).isSingleError(
        saying: "unknown criterion 'C9'"))
  }

  @Test("rejecting evidence of an unknown criterion is rejected")
  func unknownCriterionEvidence() {
    let review = Review.by("E1", rejectingEvidence: [EvidenceRejection(criterion: "C9", count: 1)])
    #expect(checker.errors(in: review).isSingleError(saying: "unknown criterion 'C9'"))
  }

  @Test("an unknown level is rejected")
  func unknownLevel() {
    #expect(
      checker.errors(in: .by("E1", scores: [ScoreChange(criterion: "C1", level: "Z")])).isSingleError(saying: "'Z'"))
  }

  @Test("an unknown checklist item is rejected")
  func unknownItem() {
    #expect(
      checker.errors(in: .by("E1", scores: [ScoreChange(criterion: "C2", checks: ["z"])])).isSingleError(saying: "'z'"))
  }

  @Test("an unknown bonus is rejected")
  func unknownBonus() {
    let review = Review.by("E1", bonuses: [BonusVerdict(id: "B9", rejected: true)])
    #expect(checker.errors(in: review).isSingleError(saying: "unknown bonus 'B9'"))
  }

  @Test("an unknown deduction is rejected")
  func unknownDeduction() {
    #expect(
      checker.errors(in: .by("E1", deductions: [Claim(id: "D9")])).isSingleError(saying: "unknown deduction 'D9'"))
  }

  @Test("an unknown veto is rejected")
  func unknownVeto() {
    let review = Review.by("E1", vetoes: [VetoFinding(id: "V9", triggered: true)])
    #expect(checker.errors(in: review).isSingleError(saying: "unknown veto 'V9'"))
  }

  @Test("scoring one criterion twice is rejected")
  func scoredTwice() {
    let review = Review.by(
      "E1",
      scores: [ScoreChange(criterion: "C1", level: "A", line: 3), ScoreChange(criterion: "C1", comment: "补充", line: 4)])
    #expect(checker.errors(in: review).isSingleError(saying: "C1", "twice", "3"))
  }

  @Test("a negative count is rejected")
  func negativeCount() {
    #expect(
      checker.errors(in: .by("E1", deductions: [Claim(id: "D1", count: -2)])).isSingleError(saying: "count", "-2"))
  }

  @Test("a negative `rejected` is rejected")
  func negativeRejected() {
    let review = Review.by("E1", rejectingEvidence: [EvidenceRejection(criterion: "C1", count: -1)])
    #expect(checker.errors(in: review).isSingleError(saying: "rejected", "-1"))
  }

  @Test("a judgement out of range is rejected", arguments: [-1.0, 4.5])
  func judgementOutOfRange(points: Double) {
    #expect(
      checker.errors(in: .by("E1", scores: [ScoreChange(criterion: "C3", points: points)])).isSingleError(saying: "C3"))
  }

  @Test("a judgement off its step is rejected; within ε it is not")
  func judgementOffStep() {
    #expect(
      checker.errors(in: .by("E1", scores: [ScoreChange(criterion: "C3", points: 1.2)])).isSingleError(saying: "step"))
    #expect(checker.errors(in: .by("E1", scores: [ScoreChange(criterion: "C3", points: 1.5 + 1e-10)])).isEmpty)
  }

  @Test("a score of a not-applicable criterion is not a rejection (it is ignored when scoring)")
  func scoreOfOptional() {
    #expect(checker.errors(in: .by("E1", scores: [ScoreChange(criterion: "C4", level: "A")])).isEmpty)
  }
}
