import Foundation
import PilotEvalCore
import PilotEvalXML
import Testing

@testable import PilotEvalPortal

extension PortalTests {
  /// The expert's review form as data: filled from the unit's answers, turned into review XML
  /// that the CLI's review reader reads back as the expert meant it, and checked by the same
  /// validator as the API.
  @Suite("Review form")
  struct ReviewFormTests {
    /// A unit's sample submission, read as the portal reads it, with its evidence.
    struct Unit {
      let rubric: Rubric
      let bytes: [UInt8]
      let submission: Submission
      let evidence: EvidenceList
      let baseline: ReviewForm

      init(_ id: String) throws {
        rubric = try UploadValidatorTests.rubric()
        bytes = try PortalFixture.sample(id)
        submission = try #require(SubmissionReader(rubric: rubric).read(bytes: bytes, file: "\(id).xml").value)
        evidence = EvidenceReader().read(bytes: bytes)
        baseline = ReviewForm.prefilled(rubric: rubric, submission: submission)
      }

      func document(_ form: ReviewForm, reviewer: String = "E05") -> ReviewForm.Document {
        form.xml(
          rubric: rubric, submission: submission, baseline: baseline, evidence: evidence,
          unit: submission.unit.id, round: "2026H1", reviewer: reviewer)
      }

      func validate(_ document: ReviewForm.Document) -> UploadValidator.Outcome {
        ReviewValidator(rubric: rubric).validate(
          document.bytes, round: "2026H1", unit: submission.unit.id, reviewer: "E05", submission: bytes)
      }

      func read(_ document: ReviewForm.Document) throws -> Review {
        try #require(ReviewReader().read(bytes: document.bytes, file: "r.xml").value)
      }
    }

    @Test("filled from the unit's answers: level, measured value, checks with data items, points, deduction count")
    func prefilled() throws {
      let unit = try Unit(PortalFixture.unitA)
      let form = unit.baseline
      #expect(form.criteria["C1.1"]?.level == "B")
      #expect(form.criteria["C1.3"]?.points == "3")
      #expect(form.criteria["C4.4"]?.points == "4.5")
      #expect(form.criteria["C3.2"]?.value == "2")
      #expect(form.criteria["C1.2"]?.checks == ["a", "b", "c", "d", "e"])  // e: from the data
      // C2.2 is measured from the data: 37 of 38 items covered.
      #expect(Double(form.criteria["C2.2"]?.value ?? "") == 37.0 / 38.0)
      #expect(form.deductions["D1"] == "")
      #expect(form.deductions["D2"] == nil)  // counted by the data, no field
      // Unchanged, the form says nothing: a valid review that changes no score.
      let document = unit.document(form)
      #expect(!document.text.contains("<score"))
      #expect(unit.validate(document).status == .accepted)
    }

    /// One change of the unit's answer per method, and what the review reader must read back.
    struct Change: Sendable, CustomTestStringConvertible {
      let method: String
      let criterion: String
      let edit: @Sendable (inout ReviewForm.Entry) -> Void
      let expect: @Sendable (ScoreChange) -> Bool
      var testDescription: String { "\(method) (\(criterion))" }
    }

    static let changes: [Change] = [
      Change(method: "levels", criterion: "C4.3", edit: { $0.level = "B" }, expect: { $0.level == "B" }),
      Change(method: "scale, over a measured value", criterion: "C2.2", edit: { $0.value = "0.8" }) { $0.value == 0.8 },
      Change(method: "scale", criterion: "C6.1", edit: { $0.value = "0.91" }) { $0.value == 0.91 },
      Change(method: "bands", criterion: "C3.2", edit: { $0.value = "1" }) { $0.value == 1 },
      Change(method: "bands, measured", criterion: "C3.1", edit: { $0.value = "2" }) { $0.value == 2 },
      Change(method: "judgement within the step", criterion: "C1.3", edit: { $0.points = "2.5" }) { $0.points == 2.5 },
      Change(method: "checklist", criterion: "C1.2", edit: { $0.checks = ["a", "c"] }) { $0.checks == ["a", "c"] },
      Change(method: "comment only", criterion: "C1.4", edit: { $0.comment = "材料齐全 <认可>" }) {
        !$0.changesAnswer && $0.comment == "材料齐全 <认可>"
      },
    ]

    @Test("form → review XML → review reader: each method's change comes back as entered", arguments: changes)
    func roundTrip(_ change: Change) throws {
      let unit = try Unit(PortalFixture.unitA)
      var form = unit.baseline
      change.edit(&form.criteria[change.criterion, default: ReviewForm.Entry()])
      let document = unit.document(form)
      let review = try unit.read(document)
      #expect(review.scores.count == 1)
      let score = try #require(review.scores.first)
      #expect(score.criterion == change.criterion)
      #expect(change.expect(score))
      #expect(review.unitID == PortalFixture.unitA && review.round == "2026H1" && review.reviewer == "E05")
      #expect(unit.validate(document).status == .accepted)
    }

    @Test("a number equal to the unit's is no change; a different spelling of it neither")
    func numbersCompareByValue() throws {
      let unit = try Unit(PortalFixture.unitA)
      var form = unit.baseline
      form.criteria["C1.3"]?.points = "3.0"
      form.criteria["C6.1"]?.value = "0.960"
      form.criteria["C4.3"]?.level = "A"
      #expect(!unit.document(form).text.contains("<score"))
      #expect(ReviewForm.differs("3.5", "3"))
      #expect(!ReviewForm.differs("", "3"))
      #expect(ReviewForm.differs("abc", "3"))
    }

    @Test("rejected evidence: the count, with the items named and the reason; bonus, deduction and veto verdicts")
    func evidenceAndAdjustments() throws {
      let unit = try Unit(PortalFixture.unitB)
      var form = unit.baseline
      form.criteria["C1.1", default: ReviewForm.Entry()].rejected = [2]
      form.criteria["C1.1", default: ReviewForm.Entry()].rejectReason = "未加盖公章"
      form.rejectedBonuses = ["B3"]
      form.deductions["D1"] = "2"
      form.vetoes["V3"] = "佐证材料日期与事实不符"
      let document = unit.document(form)
      let review = try unit.read(document)
      #expect(review.evidenceRejections.map(\.criterion) == ["C1.1"])
      #expect(review.evidenceRejections.first?.count == 1)
      let second = try #require(unit.evidence.criteria["C1.1"]?[1])
      #expect(document.text.contains("#2 \(FormAnswers.escape(second.reference)): 未加盖公章"))
      #expect(
        review.bonusVerdicts == [BonusVerdict(id: "B3", rejected: true, line: review.bonusVerdicts.first?.line ?? 0)])
      #expect(review.deductions.map(\.id) == ["D1"] && review.deductions.first?.count == 2)
      #expect(review.vetoes.map(\.id) == ["V3"] && review.vetoes.first?.reason == "佐证材料日期与事实不符")
      #expect(unit.validate(document).status == .accepted)
      // Each element's line is anchored to its group of fields.
      let anchors = Set(document.anchors.values)
      #expect(anchors.isSuperset(of: ["criterion:C1.1", "bonus:B3", "deduction:D1", "veto:V3"]))
    }

    @Test("an off-step judgement is rejected by the validator, at the line anchored to its criterion")
    func offStep() throws {
      let unit = try Unit(PortalFixture.unitA)
      var form = unit.baseline
      form.criteria["C1.3"]?.points = "2.3"
      let document = unit.document(form)
      let outcome = unit.validate(document)
      #expect(outcome.status == .rejected)
      let error = try #require(outcome.diagnostics.first { $0.severity == "error" })
      #expect(document.anchors[error.line] == "criterion:C1.3")
    }

    @Test("clearing every item of a checklist is something the review format cannot say: flagged, not sent")
    func emptiedChecklist() throws {
      let unit = try Unit(PortalFixture.unitA)
      var form = unit.baseline
      form.criteria["C1.2"]?.checks = []
      #expect(unit.document(form).unsayable == ["criterion:C1.2"])
    }

    @Test("the draft as JSON reads back equal; evidence items carry reference, title and number")
    func draftJSON() throws {
      let unit = try Unit(PortalFixture.unitA)
      var form = unit.baseline
      form.criteria["C1.1"]?.rejected = [1, 2]
      form.vetoes["V2"] = "通报"
      #expect(ReviewForm.decode(form.json()) == form)
      let first = try #require(unit.evidence.criteria["C1.1"]?.first)
      #expect(first.number == 1)
      #expect(first.reference == "台账/2026/组织保障/领导小组通知.pdf")
      #expect(first.title == "关于成立机关事务标准化试点工作领导小组的通知")
      #expect(unit.evidence.criteria["C4.3"]?.count == 3)
    }
  }
}
