import PilotEvalCore
import Testing

/// SPEC §2 step 1 (and §1's evidence rule): the status each criterion gets.
@Suite("§2.1 criterion status")
struct CriterionStatusTests {
  // MARK: - not-applicable

  @Test("not-applicable: an optional criterion answered applicable=\"false\" earns 0 and leaves the applicable max")
  func optionalNotApplicable() {
    let rubric = Rubric.make([.abc("C1", points: 4).optional(), .abc("C2", points: 6)])
    let card = rubric.score([.notApplicable("C1"), Response(criterion: "C2", level: "A")])
    #expect(card.criterion("C1").status == .notApplicable)
    #expect(card.criterion("C1").points == 0)
    #expect(card.applicableMax == 6)
  }

  @Test("not-applicable is only for optional criteria: a required one answered so is not excused")
  func requiredIsNeverNotApplicable() {
    // (SubmissionChecker rejects such a file; the engine still never treats it as a reasonable omission.)
    let rubric = Rubric.make([.abc("C1", points: 4), .abc("C2", points: 6)])
    let card = rubric.score([.notApplicable("C1"), Response(criterion: "C2", level: "A")])
    #expect(card.criterion("C1").status != .notApplicable)
    #expect(card.applicableMax == 10)
  }

  @Test("an optional criterion that the unit answers is scored like any other")
  func optionalAnswered() {
    let rubric = Rubric.make([.abc("C1", points: 4).optional()])
    let result = rubric.score([Response(criterion: "C1", level: "B")]).criterion("C1")
    #expect(result.status == .scored)
    #expect(result.points == 2)
  }

  // MARK: - missing

  @Test(
    "missing: no response at all earns 0",
    arguments: ["levels", "scale", "bands", "checklist", "judgement"])
  func noResponseIsMissing(method: String) {
    let result = Rubric.make([.example(method)]).score([]).criterion("C1")
    #expect(result.status == .missing)
    #expect(result.points == 0)
  }

  @Test(
    "missing: a response without its method's attribute (level, value, points) earns 0",
    arguments: ["levels", "scale", "bands", "judgement"])
  func responseWithoutAttributeIsMissing(method: String) {
    // The response carries evidence and a note, but not the attribute its method reads.
    let response = Response(criterion: "C1", evidenceCount: 2, notes: ["见附件"])
    let result = Rubric.make([.example(method)]).score([response]).criterion("C1")
    #expect(result.status == .missing)
    #expect(result.points == 0)
  }

  @Test("missing: an attribute the method does not read does not count as an answer")
  func foreignAttributeIsMissing() {
    // `value` on a levels criterion is ignored; the answer has no level.
    let rubric = Rubric.make([.abc("C1", points: 4)])
    #expect(rubric.score([Response(criterion: "C1", value: 4)]).criterion("C1").status == .missing)
  }

  @Test("missing: a measured value that is NaN, even when the unit wrote a value (never a fallback)")
  func measuredNaNIsMissing() {
    let rubric = Rubric.make([.scale("C1", points: 4, from: 0, to: 1).measured()])
    let result = rubric.score([Response(criterion: "C1", value: 0.9)], derived: DerivedData(measured: ["C1": .nan]))
      .criterion("C1")
    #expect(result.status == .missing)
    #expect(result.points == 0)
  }

  @Test("missing: a measured criterion whose measure gave nothing at all")
  func measuredAbsentIsMissing() {
    let rubric = Rubric.make([.bands("C1", points: 4, [.from(0, points: 4)]).measured()])
    #expect(rubric.score([Response(criterion: "C1", value: 5)]).criterion("C1").status == .missing)
  }

  @Test("missing comes before the evidence rule: no answer is missing, not insufficient-evidence")
  func missingBeforeEvidence() {
    let rubric = Rubric.make([.abc("C1", points: 4).needingEvidence(1)])
    #expect(rubric.score([]).criterion("C1").status == .missing)
  }

  // MARK: - checklist with nothing checked

  @Test("a checklist response with no checked item is not missing: it earns 0, scored")
  func emptyChecklistIsScoredZero() {
    let rubric = Rubric.make([.checklist("C1", points: 4, [.item("a", 2), .item("b", 2)])])
    let result = rubric.score([Response(criterion: "C1")]).criterion("C1")
    #expect(result.status == .scored)
    #expect(result.points == 0)
  }

  @Test("a checklist response with no checked item still needs its evidence")
  func emptyChecklistEvidenceRule() {
    let rubric = Rubric.make([.checklist("C1", points: 4, [.item("a", 2)]).needingEvidence(1)])
    #expect(rubric.score([Response(criterion: "C1")]).criterion("C1").status == .insufficientEvidence)
  }

  // MARK: - insufficient-evidence

  @Test(
    "insufficient-evidence: fewer <evidence> than min earns 0; enough is scored",
    arguments: [
      (0, CriterionStatus.insufficientEvidence, 0.0), (1, .insufficientEvidence, 0), (2, .scored, 4), (3, .scored, 4),
    ])
  func evidenceMinimum(evidence: Int, status: CriterionStatus, points: Double) {
    let rubric = Rubric.make([.abc("C1", points: 4).needingEvidence(2)])
    let result = rubric.score([Response(criterion: "C1", level: "A", evidenceCount: evidence)]).criterion("C1")
    #expect(result.status == status)
    #expect(result.points == points)
  }

  @Test("a criterion without <evidence> needs none")
  func noEvidenceRule() {
    let rubric = Rubric.make([.abc("C1", points: 4)])
    #expect(rubric.score([Response(criterion: "C1", level: "A")]).criterion("C1").status == .scored)
  }

  @Test("a reviewer's evidence rejections for one criterion add up")
  func evidenceRejectionsAddUp() {
    // 3 items, min 2. Rejecting 1 leaves 2: still scored. Rejecting 1 + 1 leaves 1: insufficient.
    let rubric = Rubric.make([.abc("C1", points: 4).needingEvidence(2)])
    let response = Response(criterion: "C1", level: "A", evidenceCount: 3)
    let one = Review.by("E1", rejectingEvidence: [EvidenceRejection(criterion: "C1", count: 1)])
    let twice = Review.by(
      "E1",
      rejectingEvidence: [EvidenceRejection(criterion: "C1", count: 1), EvidenceRejection(criterion: "C1", count: 1)])

    let kept = rubric.score([response], reviews: [one]).criterion("C1")
    #expect(kept.status == .scored)
    #expect(kept.points == 4)
    let dropped = rubric.score([response], reviews: [twice]).criterion("C1")
    #expect(dropped.status == .insufficientEvidence)
    #expect(dropped.points == 0)
  }

  @Test("a rejection of another criterion's evidence does not count against this one")
  func evidenceRejectionIsPerCriterion() {
    let rubric = Rubric.make([.abc("C1", points: 4).needingEvidence(1), .abc("C2", points: 4)])
    let review = Review.by("E1", rejectingEvidence: [EvidenceRejection(criterion: "C2", count: 5)])
    let card = rubric.score(
      [Response(criterion: "C1", level: "A", evidenceCount: 1), Response(criterion: "C2", level: "A")],
      reviews: [review])
    #expect(card.criterion("C1").status == .scored)
  }

  // MARK: - scored

  @Test("scored: an answer with enough evidence")
  func scored() {
    let rubric = Rubric.make([.judgement("C1", points: 4).needingEvidence(1)])
    let result = rubric.score([Response(criterion: "C1", points: 3, evidenceCount: 1)]).criterion("C1")
    #expect(result.status == .scored)
    #expect(result.points == 3)
    #expect(result.selfStatus == .scored)
  }
}
