import Testing

@testable import PilotEvalCore

/// The worked example of docs/ASSIGNMENT.md, byte for byte: if the planner changes, this test and the
/// page change together.
@Suite("assignment planner: the worked example of docs/ASSIGNMENT.md")
struct WorkedExampleTests {
  static let request = AssignmentRequest(
    units: [
      .init(id: "GX-NN", region: "广西"), .init(id: "HN-CS", region: "湖南"), .init(id: "HN-YY", region: "湖南"),
      .init(id: "JS-SZ", region: "江苏"), .init(id: "SC-CD", region: "四川"),
      .init(id: "BJ-BZY", region: "北京", organisation: "中国标准化研究院"), .init(id: "XZ-LS", region: "西藏"),
    ],
    experts: [
      .init(id: "E01", name: "王芳", region: "广西", organisation: "广西标准化协会"),
      .init(id: "E02", name: "李强", region: "湖南", organisation: "湖南大学"),
      .init(id: "E03", name: "张伟", region: "江苏", organisation: "江苏省标准化研究院"),
      .init(id: "E04", name: "刘洋", region: "四川", organisation: "四川省机关事务管理局"),
      .init(id: "E05", name: "陈静", region: "全国", organisation: "中国标准化研究院"),
      .init(id: "E06", name: "赵敏", region: "全国", organisation: "中国标准化研究院"),
    ],
    perUnit: 3, seed: 2026)

  @Test("seven units, six experts, K = 3, seed 2026")
  func firstPlan() throws {
    let plan = try AssignmentPlanner.plan(Self.request)
    let lines = [
      "unit,reviewer,region,organisation",
      "BJ-BZY,E01,广西,广西标准化协会",
      "BJ-BZY,E03,江苏,江苏省标准化研究院",
      "BJ-BZY,E04,四川,四川省机关事务管理局",
      "GX-NN,E02,湖南,湖南大学",
      "GX-NN,E03,江苏,江苏省标准化研究院",
      "GX-NN,E06,全国,中国标准化研究院",
      "HN-CS,E01,广西,广西标准化协会",
      "HN-CS,E05,全国,中国标准化研究院",
      "HN-CS,E06,全国,中国标准化研究院",
      "HN-YY,E04,四川,四川省机关事务管理局",
      "HN-YY,E05,全国,中国标准化研究院",
      "HN-YY,E06,全国,中国标准化研究院",
      "JS-SZ,E01,广西,广西标准化协会",
      "JS-SZ,E02,湖南,湖南大学",
      "JS-SZ,E04,四川,四川省机关事务管理局",
      "SC-CD,E02,湖南,湖南大学",
      "SC-CD,E03,江苏,江苏省标准化研究院",
      "SC-CD,E05,全国,中国标准化研究院",
      "XZ-LS,E02,湖南,湖南大学",
      "XZ-LS,E04,四川,四川省机关事务管理局",
      "XZ-LS,E06,全国,中国标准化研究院",
    ]
    let rows = plan.assignments.map { "\($0.unit),\($0.reviewer),\($0.region),\($0.organisation)" }
    #expect(rows == Array(lines.dropFirst()))
    #expect(plan.exceptions.isEmpty)
    #expect(plan.quality.loads.map(\.units) == [3, 4, 3, 4, 3, 4])
    #expect(plan.quality.pairsSharing == 15 && plan.quality.groups == 1 && plan.quality.completeBlock == nil)
    let check = plan.checkSwap(unit: "BJ-BZY", from: "E01", to: "E05", roster: Self.request)
    #expect(
      check.problems == [
        .conflict(unit: "BJ-BZY", expert: "E05", rule: .organisation, value: "中国标准化研究院"),
        .unevenLoads(lowest: 2, highest: 4),
      ])
  }

  @Test("the second run: a national unit, K = 5, one review done by hand against 回避")
  func secondPlan() throws {
    var request = Self.request
    request.units.append(.init(id: "QG-01", region: "全国"))
    request.perUnit = 5
    request.reviewed = [.init(unit: "HN-YY", reviewer: "E02")]
    let plan = try AssignmentPlanner.plan(request)
    #expect(
      plan.exceptions == [
        .understaffed(unit: "BJ-BZY", assigned: 4, eligible: 4, required: 5),
        .keptConflict(unit: "HN-YY", expert: "E02", rule: .region),
        .understaffed(unit: "QG-01", assigned: 4, eligible: 4, required: 5),
      ])
    #expect(plan.reviewers(of: "HN-YY") == ["E01", "E02", "E03", "E05", "E06"])
    #expect(plan.quality.loads.map(\.units) == [7, 7, 6, 6, 6, 6])
    #expect(
      plan.quality.completeBlock
        == .init(raters: ["E01", "E02", "E05", "E06"], subjects: ["HN-YY", "JS-SZ", "SC-CD", "XZ-LS"], exact: true))
  }
}
