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
    rejected: [
      Rejection(
        file: "bad.xml", kind: .submission,
        errors: [
          .error(Message(.xmlNotWellFormed), line: 3), .error(Message(.submissionUnknownCriterion, "C9"), line: 7),
        ]),
      Rejection(file: "empty.xml", kind: .review, errors: [.error(Message(.xmlNotWellFormed), line: 0)]),
    ],
    submissionsSeen: 3, reviewsApplied: 0)
}

@Suite("The report's spreadsheet")
struct RoundWorkbookTests {
  @Test("the ranking sheet lists units in rank order with numeric scores; Chinese and '=' names stay text")
  func rankingSheet() throws {
    let data = try round().workbook()
    let sheet = try WorkbookTests.part("xl/worksheets/sheet1.xml", of: data)
    // U2 (9) ranks first, U1 (7.5) second.
    #expect(WorkbookTests.cell("C2", in: sheet)?.contains("U2") == true)
    #expect(WorkbookTests.cell("H2", in: sheet)?.contains("<v>9") == true)
    #expect(WorkbookTests.cell("A3", in: sheet)?.contains("<v>2</v>") == true)
    #expect(WorkbookTests.cell("H3", in: sheet)?.contains("<v>7.5</v>") == true)
    let name = try #require(WorkbookTests.cell("D3", in: sheet))
    #expect(name.contains("inlineStr") && name.contains("=南宁") && !name.contains("<f>"))
    #expect(WorkbookTests.cell("M1", in: sheet)?.contains("S1 组织保障") == true)
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
    #expect(WorkbookTests.cell("C2", in: rejected)?.contains("line 3: not well-formed") == true)
  }

  @Test("one row per rejected file, all its reasons with their lines in one cell")
  func rejectedRows() throws {
    let rejected = try WorkbookTests.part("xl/worksheets/sheet3.xml", of: try round().workbook())
    #expect(rejected.components(separatedBy: "<row ").count - 1 == 3)
    let reasons = try #require(WorkbookTests.cell("C2", in: rejected))
    #expect(reasons.contains("第 3 行：不是格式正确的 XML") && reasons.contains("第 7 行：评估细则中没有指标“C9”"))
    #expect(WorkbookTests.cell("B2", in: rejected)?.contains("自评报告") == true)
    #expect(WorkbookTests.cell("C3", in: rejected)?.contains("不是格式正确的 XML") == true)
    #expect(WorkbookTests.cell("C3", in: rejected)?.contains("第 0 行") == false)
  }

  @Test("status values are words in the report's language, not the JSON codes")
  func statusWords() throws {
    let zh = try WorkbookTests.part("xl/worksheets/sheet2.xml", of: try round().workbook())
    #expect(WorkbookTests.cell("H2", in: zh)?.contains("已计分") == true)
    #expect(!zh.contains(">scored<"))
    let en = try WorkbookTests.part("xl/worksheets/sheet2.xml", of: try round().workbook(language: .en))
    #expect(WorkbookTests.cell("H2", in: en)?.contains("scored") == true)
  }

  @Test("every sheet prints landscape, one page wide, header repeated, with an autofilter and frozen header")
  func printSetup() throws {
    let data = try round().workbook()
    let workbook = try WorkbookTests.part("xl/workbook.xml", of: data)
    for (index, range) in ["A1:M3", "A1:H3", "A1:C3"].enumerated() {
      let sheet = try WorkbookTests.part("xl/worksheets/sheet\(index + 1).xml", of: data)
      #expect(sheet.contains("<pageSetUpPr fitToPage=\"1\"/>"))
      #expect(sheet.contains("orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\""))
      #expect(sheet.contains("<autoFilter ref=\"\(range)\"/>"))
      #expect(sheet.contains("state=\"frozen\""))
      // The schema's order: autoFilter after sheetData, pageSetup after pageMargins.
      let order = ["</sheetData>", "<autoFilter", "<pageMargins", "<pageSetup", "<headerFooter"].compactMap {
        sheet.range(of: $0)?.lowerBound
      }
      #expect(order.count == 5 && order == order.sorted())
      #expect(workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">"))
    }
    #expect(workbook.contains("&#39;排名&#39;!$1:$1"))
    #expect(workbook.contains("!$A$1:$M$3</definedName>"))
  }

  @Test("with the analysis, the ranking sheet has the rank interval, exemplar and robustness")
  func analysisColumns() throws {
    let result = round()
    let analysis = RoundAnalysis(result, options: AnalysisOptions(robustness: RobustnessOptions(draws: 50)))
    let sheet = try WorkbookTests.part("xl/worksheets/sheet1.xml", of: try result.workbook(analysis: analysis))
    #expect(WorkbookTests.cell("B1", in: sheet)?.contains("名次区间") == true)
    let interval = try #require(WorkbookTests.cell("B2", in: sheet))
    #expect(interval.contains("1–"))
    // U2 (9 of 10) is 良好, the top tier: the exemplar; U1 is not.
    #expect(WorkbookTests.cell("K2", in: sheet)?.contains("是") == true)
    #expect(WorkbookTests.cell("L2", in: sheet).map { $0.contains("是") || $0.contains("否") } == true)
    #expect(WorkbookTests.cell("K3", in: sheet) == nil)
  }

  @Test("the rejected-files sheet gives each reason in the workbook's language")
  func rejectedReasonLanguage() throws {
    let zh = try WorkbookTests.part("xl/worksheets/sheet3.xml", of: round().workbook(language: .zh))
    #expect(WorkbookTests.cell("C2", in: zh)?.contains("不是格式正确的 XML") == true, "\(zh)")
    let en = try WorkbookTests.part("xl/worksheets/sheet3.xml", of: round().workbook(language: .en))
    #expect(WorkbookTests.cell("C2", in: en)?.contains("not well-formed XML") == true)
  }
}
