import PilotEvalCore
import Testing

/// The rubric every checker test uses: one criterion of each kind the rules concern.
let checkedRubric = Rubric.make(
  [
    .abc("C1", points: 4), .checklist("C2", points: 4, [.item("a", 2), .item("b", 2)]),
    .judgement("C3", points: 4, step: 0.5), .abc("C4", points: 4).optional(), .judgement("C5", points: 4),
  ],
  vetoes: [Veto(id: "V1", title: "安全事故")], bonuses: [.bonus("B1", 2)], deductions: [.deduction("D1", 1)])

/// SPEC §2 rejection rules that need the rubric.
@Suite("§2 submission rejections")
struct SubmissionCheckerTests {
  private let checker = SubmissionChecker(rubric: checkedRubric)

  private func errors(_ responses: [Response], bonuses: [String] = [], deductions: [Claim] = []) -> [Diagnostic] {
    checker.errors(in: .make(responses, bonuses: bonuses, deductions: deductions))
  }

  @Test("a submission that breaks no rule has no errors")
  func accepted() {
    let problems = errors(
      [
        Response(criterion: "C1", level: "B"), Response(criterion: "C2", checks: ["a", "b"]),
        Response(criterion: "C3", points: 3.5), .notApplicable("C4"),
      ],
      bonuses: ["B1"], deductions: [Claim(id: "D1", count: 0)])
    #expect(problems.isEmpty)
  }

  @Test("a missing response is not a rejection")
  func missingIsAccepted() {
    #expect(errors([]).isEmpty)
  }

  @Test("naming another rubric id or version is rejected", arguments: [("other", "1"), ("r", "2")])
  func wrongRubric(id: String, version: String) {
    var submission = Submission.make()
    submission.rubricID = id
    submission.rubricVersion = version
    let problems = checker.errors(in: submission)
    #expect(problems.isSingleError(saying: "rubric", id, version))
  }

  @Test("a response to an unknown criterion is rejected")
  func unknownCriterion() {
    let problems = errors([Response(criterion: "C9", level: "A", line: 7)])
    #expect(problems.isSingleError(saying: "unknown criterion 'C9'"))
    #expect(problems.map(\.line) == [7])
  }

  @Test("an unknown level code is rejected")
  func unknownLevel() {
    let problems = errors([Response(criterion: "C1", level: "Z")])
    #expect(problems.isSingleError(saying: "unknown level 'Z'", "C1"))
    #expect(problems.map(\.subject) == ["C1"])
  }

  @Test("a canonically equivalent level code names the same level (docs/DECISIONS.md)")
  func levelByCanonicalEquivalence() {
    // Rubric level "\u{C5}" (Å); the response names "\u{212B}" (ANGSTROM SIGN), which Unicode says is the same letter.
    let rubric = Rubric.make([.levels("C1", points: 4, [("\u{C5}", 4)])])
    let problems = SubmissionChecker(rubric: rubric).errors(in: .make([Response(criterion: "C1", level: "\u{212B}")]))
    #expect(problems.isEmpty)
  }

  @Test("an unknown checklist item is rejected")
  func unknownItem() {
    let problems = errors([Response(criterion: "C2", checks: ["a", "z"])])
    #expect(problems.isSingleError(saying: "'z'", "C2"))
  }

  @Test("an unknown bonus is rejected")
  func unknownBonus() {
    #expect(errors([], bonuses: ["B9"]).isSingleError(saying: "unknown bonus 'B9'"))
  }

  @Test("an unknown deduction is rejected")
  func unknownDeduction() {
    #expect(errors([], deductions: [Claim(id: "D9")]).isSingleError(saying: "unknown deduction 'D9'"))
  }

  @Test("a negative deduction count is rejected; zero is not")
  func negativeCount() {
    #expect(errors([], deductions: [Claim(id: "D1", count: -1)]).isSingleError(saying: "count", "-1"))
    #expect(errors([], deductions: [Claim(id: "D1", count: 0)]).isEmpty)
  }

  @Test("a required criterion answered not applicable is rejected; an optional one is not")
  func requiredNotApplicable() {
    let problems = errors([.notApplicable("C1")])
    #expect(problems.isSingleError(saying: "C1", "applicable"))
    #expect(errors([.notApplicable("C4")]).isEmpty)
  }

  @Test("a criterion answered twice is rejected, pointing at the second answer")
  func answeredTwice() {
    let problems = errors([
      Response(criterion: "C1", level: "A", line: 5), Response(criterion: "C1", level: "B", line: 9),
    ])
    #expect(problems.isSingleError(saying: "C1", "twice", "5"))
    #expect(problems.map(\.line) == [9])
  }

  @Test("a criterion answered twice is rejected even when one answer is applicable=\"false\"")
  func answeredTwiceNotApplicable() {
    #expect(errors([.notApplicable("C4"), Response(criterion: "C4", level: "A")]).isSingleError(saying: "C4", "twice"))
  }

  @Test("a judgement outside 0 … points is rejected", arguments: [-0.5, 4.5, 100])
  func judgementOutOfRange(points: Double) {
    let problems = errors([Response(criterion: "C5", points: points)])
    #expect(problems.isSingleError(saying: "out of range"))
  }

  @Test("a judgement off its step is rejected", arguments: [1.25, 0.1, 3.75])
  func judgementOffStep(points: Double) {
    let problems = errors([Response(criterion: "C3", points: points)])
    #expect(problems.isSingleError(saying: "step", "0.5"))
  }

  @Test(
    "judgement range and step allow ε = 1e-9",
    arguments: [0.0, 4.0, 2.5, 4 + 1e-10, -1e-10, 1.5 + 1e-10, 1.5 - 1e-10])
  func judgementEpsilon(points: Double) {
    #expect(errors([Response(criterion: "C3", points: points)]).isEmpty)
  }

  @Test("a judgement without step takes any number in range")
  func judgementNoStep() {
    #expect(errors([Response(criterion: "C5", points: 1.2345)]).isEmpty)
  }

  @Test("a step that does not divide exactly in binary still accepts its multiples", arguments: [0.3, 0.7, 2.9, 3.3])
  func judgementBinaryStep(points: Double) {
    let rubric = Rubric.make([.judgement("C1", points: 4, step: 0.1)])
    #expect(SubmissionChecker(rubric: rubric).errors(in: .make([Response(criterion: "C1", points: points)])).isEmpty)
  }

  @Test("every rule broken is reported, in document order")
  func allErrors() {
    let problems = errors(
      [Response(criterion: "C9", line: 3), Response(criterion: "C1", level: "Z", line: 4)], bonuses: ["B9"])
    #expect(problems.count == 3)
  }
}
