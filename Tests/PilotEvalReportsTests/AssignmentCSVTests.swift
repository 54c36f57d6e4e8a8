import PilotEvalReports
import Testing

@testable import PilotEvalCore

/// The plan as CSV: header, one line per assignment in the plan's order, written by the one CSV
/// writer (moved here from Core, which had its own copy of the quoting rules).
@Suite("assignment planner: CSV")
struct AssignmentCSVTests {
  @Test("the reviewer's region and organisation, quoted and neutralised as every PilotEval CSV")
  func bytes() {
    let plan = AssignmentPlan(
      perUnit: 2, seed: 0,
      assignments: [
        .init(unit: "GX-1", reviewer: "E1", region: "湖南", organisation: "长沙市机关事务管理局, 办公室", reviewed: true),
        .init(unit: "GX-1", reviewer: "E2", region: "=1+1", organisation: "", reviewed: false),
        .init(unit: "GX-1", reviewer: "E\"3", region: "江苏", organisation: "-", reviewed: false),
      ],
      exceptions: [],
      quality: .init(loads: [], expertPairs: 0, pairsSharing: 0, pairsPossible: 0, groups: 1, completeBlock: nil))
    #expect(
      plan.csv()
        == "\u{FEFF}unit,reviewer,region,organisation\r\n"
        + "GX-1,E1,湖南,\"长沙市机关事务管理局, 办公室\"\r\n"
        + "GX-1,E2,'=1+1,\r\n"
        + "GX-1,\"E\"\"3\",江苏,'-\r\n")
    #expect(plan.csv() == AssignmentPlan.csv(plan.assignments))
  }

  @Test("a cell longer than a spreadsheet holds is cut as in every other CSV (the writer's rule, not a copy)")
  func longCell() {
    let long = String(repeating: "局", count: 40_000)
    let text = AssignmentPlan.csv([.init(unit: "U", reviewer: "E", region: "R", organisation: long, reviewed: false)])
    var writer = CSVWriter(header: AssignmentPlan.csvHeader)
    writer.append([.text("U"), .text("E"), .text("R"), .text(long)])
    #expect(text == writer.render())
    #expect(text.utf16.count < 33_000)
  }

  @Test("a planned roster: one line per assignment, sorted by unit then reviewer")
  func planned() throws {
    let plan = try AssignmentPlanner.plan(
      AssignmentRequest(
        units: (1...6).map { .init(id: "U\($0)", region: $0 % 2 == 0 ? "湖南" : "广西") },
        experts: (1...4).map { .init(id: "E\($0)", name: "专家\($0)", region: $0 % 2 == 0 ? "江苏" : "四川") },
        perUnit: 2, seed: 5))
    let lines = plan.csv().split(separator: "\r\n").dropFirst()
    #expect(lines.count == 12)
    let keys = lines.map { $0.split(separator: ",").prefix(2).joined(separator: ",") }
    #expect(keys == keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
  }
}
