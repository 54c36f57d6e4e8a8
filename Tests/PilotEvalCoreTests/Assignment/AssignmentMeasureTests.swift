import Testing

@testable import PilotEvalCore

/// Measuring assignments as stored (what the office's plan page shows after swaps) agrees with the
/// planner's own measure of its plan.
@Suite("assignment planner: measuring stored assignments")
struct AssignmentMeasureTests {
  @Test("the planner's plan, measured again, has the planner's loads, pairs, groups and block")
  func samePlan() throws {
    for request in [WorkedExampleTests.request, AssignmentExampleTests.threeRegions] {
      let plan = try AssignmentPlanner.plan(request)
      let measured = AssignmentQuality(measuring: plan.assignments, roster: request)
      #expect(measured.loads == plan.quality.loads)
      #expect(measured.pairsSharing == plan.quality.pairsSharing)
      #expect(measured.expertPairs == plan.quality.expertPairs)
      #expect(measured.groups == plan.quality.groups)
      #expect(measured.completeBlock == plan.quality.completeBlock)
      #expect(measured.pairsPossible >= measured.pairsSharing)
    }
  }

  @Test("a hand change is measured: two experts sharing nothing, an idle expert, a split design")
  func handMade() {
    let roster = AssignmentRequest(
      units: [.init(id: "U1", region: "甲"), .init(id: "U2", region: "甲"), .init(id: "U3", region: "甲")],
      experts: [
        .init(id: "A", name: "A", region: "乙"), .init(id: "B", name: "B", region: "乙"),
        .init(id: "C", name: "C", region: "丙"), .init(id: "D", name: "D", region: "丙"),
      ],
      perUnit: 2, seed: 0)
    let entries: [AssignmentPlan.Entry] = [
      ("U1", "A"), ("U1", "B"), ("U2", "A"), ("U2", "B"), ("U3", "A"), ("U3", "B"),
    ]
    .map { .init(unit: $0.0, reviewer: $0.1, region: "乙", organisation: "", reviewed: false) }
    let quality = AssignmentQuality(measuring: entries, roster: roster)
    #expect(quality.loads.map(\.units) == [3, 3, 0, 0])
    #expect(quality.pairsSharing == 1 && quality.expertPairs == 6 && quality.pairsPossible == 6)
    #expect(quality.groups == 3 && !quality.isConnected)
    #expect(quality.completeBlock?.raters == ["A", "B"] && quality.completeBlock?.subjects == ["U1", "U2", "U3"])
  }
}
