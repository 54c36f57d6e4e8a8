import Foundation
import PilotEvalCore
import PilotEvalReports
import Testing

/// A round of two units on a 10-point judgement rubric, one rejected file.
private func round() -> RoundResult {
  let criterion = Criterion(id: "C1", title: "领导小组", points: 10, method: .judgement(step: 0.5), section: 0)
  let rubric = Rubric(
    id: "r", version: "1", tiers: [Tier(id: "good", name: "良好", min: 8), Tier(id: "fail", name: "不合格", min: 0)],
    sections: [Section(id: "S1", title: "组织保障", parent: nil, depth: 0, criteria: [0])], criteria: [criterion])
  let engine = ScoringEngine(rubric: rubric)
  func card(_ id: String, _ name: String, _ points: Double) -> Scorecard {
    engine.score(
      Submission(
        rubricID: "r", rubricVersion: "1", unit: Unit(id: id, name: name, region: "广西"), round: "R1",
        responses: [Response(criterion: "C1", points: points)]), file: "\(id).xml")
  }
  return RoundResult(
    rubric: rubric, round: "R1", scorecards: [card("U1", "=南宁", 7.5), card("U2", "柳州", 9)],
    rejected: [Rejection(file: "bad.xml", kind: .submission, errors: [.error(Message(.xmlNotWellFormed), line: 3)])],
    submissionsSeen: 3, reviewsApplied: 0)
}

@Suite("The report's spreadsheet")
struct RoundWorkbookTests {
  @Test("the ranking sheet lists units in rank order with numeric scores; Chinese and '=' names stay text")
  func rankingSheet() throws {
    let data = try round().workbook()
    let sheet = try WorkbookTests.part("xl/worksheets/sheet1.xml", of: data)
    // U2 (9) ranks first, U1 (7.5) second.
    #expect(WorkbookTests.cell("B2", in: sheet)?.contains("U2") == true)
    #expect(WorkbookTests.cell("G2", in: sheet)?.contains("<v>9") == true)
    #expect(WorkbookTests.cell("A3", in: sheet)?.contains("<v>2</v>") == true)
    #expect(WorkbookTests.cell("G3", in: sheet)?.contains("<v>7.5</v>") == true)
    let name = try #require(WorkbookTests.cell("C3", in: sheet))
    #expect(name.contains("inlineStr") && name.contains("=南宁") && !name.contains("<f>"))
    #expect(WorkbookTests.cell("K1", in: sheet)?.contains("S1 组织保障") == true)
  }

  @Test("the criteria and rejected-files sheets hold every criterion and every reason")
  func otherSheets() throws {
    let data = try round().workbook(language: .en)
    let workbook = try WorkbookTests.part("xl/workbook.xml", of: data)
    #expect(workbook.contains("Ranking") && workbook.contains("Criteria") && workbook.contains("Rejected"))
    let criteria = try WorkbookTests.part("xl/worksheets/sheet2.xml", of: data)
    #expect(WorkbookTests.cell("E2", in: criteria)?.contains("<v>9") == true)
    let rejected = try WorkbookTests.part("xl/worksheets/sheet3.xml", of: data)
    #expect(WorkbookTests.cell("A2", in: rejected)?.contains("bad.xml") == true)
    #expect(WorkbookTests.cell("C2", in: rejected)?.contains("<v>3</v>") == true)
  }

  @Test("the rejected-files sheet gives each reason in the workbook's language")
  func rejectedReasonLanguage() throws {
    let zh = try WorkbookTests.part("xl/worksheets/sheet3.xml", of: round().workbook(language: .zh))
    #expect(WorkbookTests.cell("D2", in: zh)?.contains("不是格式正确的 XML") == true, "\(zh)")
    let en = try WorkbookTests.part("xl/worksheets/sheet3.xml", of: round().workbook(language: .en))
    #expect(WorkbookTests.cell("D2", in: en)?.contains("not well-formed XML") == true)
  }
}
