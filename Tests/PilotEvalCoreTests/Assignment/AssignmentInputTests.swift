import Testing

@testable import PilotEvalCore

/// Requests the planner refuses before planning, because no plan of them would mean anything.
@Suite("assignment planner: malformed requests")
struct AssignmentInputTests {
  private let units = [AssignmentRequest.Unit(id: "U1", region: "甲"), .init(id: "U2", region: "乙")]
  private let experts = [
    AssignmentRequest.Expert(id: "E1", name: "甲一", region: "甲"), .init(id: "E2", name: "乙一", region: "乙"),
    .init(id: "E3", name: "丙一", region: "丙"),
  ]

  private func refusal(_ request: AssignmentRequest) -> AssignmentInputError? {
    do {
      _ = try AssignmentPlanner.plan(request)
      return nil
    } catch {
      return error
    }
  }

  @Test("K below 2 or above the maximum", arguments: [Int.min, -1, 0, 1, 101])
  func perUnit(k: Int) {
    #expect(refusal(.init(units: units, experts: experts, perUnit: k, seed: 0)) == .perUnitOutOfRange(k))
  }

  @Test("duplicate ids, canonically equivalent ones included")
  func duplicates() {
    let twice = units + [.init(id: "U1", region: "丙")]
    #expect(refusal(.init(units: twice, experts: experts, perUnit: 2, seed: 0)) == .duplicateUnit("U1"))
    let accents =
      experts + [.init(id: "Ren\u{E9}", name: "a", region: "丁"), .init(id: "Rene\u{301}", name: "b", region: "丁")]
    let error = refusal(.init(units: units, experts: accents, perUnit: 2, seed: 0))
    #expect(error == .duplicateExpert("Ren\u{E9}") || error == .duplicateExpert("Rene\u{301}"))
  }

  @Test("empty ids and regions")
  func empty() {
    #expect(
      refusal(.init(units: units + [.init(id: "", region: "丙")], experts: experts, perUnit: 2, seed: 0)) == .emptyId)
    #expect(
      refusal(.init(units: units + [.init(id: "U3", region: "  ")], experts: experts, perUnit: 2, seed: 0))
        == .emptyRegion(id: "U3"))
  }

  @Test("reviewed assignments naming someone not listed")
  func unknownReviewed() {
    #expect(
      refusal(.init(units: units, experts: experts, perUnit: 2, seed: 0, reviewed: [.init(unit: "U9", reviewer: "E1")]))
        == .unknownUnit("U9"))
    #expect(
      refusal(.init(units: units, experts: experts, perUnit: 2, seed: 0, reviewed: [.init(unit: "U1", reviewer: "E9")]))
        == .unknownExpert("E9"))
  }

  @Test("an empty round gives an empty plan without exceptions")
  func emptyRound() throws {
    let plan = try AssignmentPlanner.plan(.init(units: [], experts: experts, perUnit: 2, seed: 0))
    #expect(plan.assignments.isEmpty && plan.exceptions.isEmpty)
    #expect(plan.quality.loads.allSatisfy { $0.units == 0 })
  }
}
