import Testing

@testable import PilotEvalCore

/// Checking a hand-made swap (unit U from expert X to expert Y) against a small plan written out here.
@Suite("assignment planner: checking a manual swap")
struct SwapCheckTests {
  /// Units U1 (甲), U2 (乙, organisation 乙局), U3 (丙); experts A (乙), B (丙), C (甲), D (丁, 乙局).
  ///
  ///     U1: A B     U2: B C     U3: A C(reviewed)      loads A 2, B 2, C 2, D 0 (D in no unit)
  private let roster = AssignmentRequest(
    units: [
      .init(id: "U1", region: "甲"), .init(id: "U2", region: "乙", organisation: "乙局"), .init(id: "U3", region: "丙"),
    ],
    experts: [
      .init(id: "A", name: "A", region: "乙"), .init(id: "B", name: "B", region: "丙"),
      .init(id: "C", name: "C", region: "甲"), .init(id: "D", name: "D", region: "丁", organisation: "乙局"),
    ],
    perUnit: 2, seed: 0)

  private var plan: AssignmentPlan {
    func entry(_ unit: String, _ reviewer: String, reviewed: Bool = false) -> AssignmentPlan.Entry {
      let expert = roster.experts.first { $0.id == reviewer }!
      return .init(
        unit: unit, reviewer: reviewer, region: expert.region, organisation: expert.organisation ?? "",
        reviewed: reviewed)
    }
    return AssignmentPlan(
      perUnit: 2, seed: 0,
      assignments: [
        entry("U1", "A"), entry("U1", "B"), entry("U2", "B"), entry("U2", "C"), entry("U3", "A"),
        entry("U3", "C", reviewed: true),
      ],
      exceptions: [],
      quality: .init(loads: [], expertPairs: 6, pairsSharing: 3, pairsPossible: 6, groups: 2, completeBlock: nil))
  }

  @Test("impossible swaps are blocked")
  func blocked() {
    #expect(plan.checkSwap(unit: "U9", from: "A", to: "B", roster: roster).problems == [.unknownUnit("U9")])
    #expect(plan.checkSwap(unit: "U1", from: "A", to: "Z", roster: roster).problems == [.unknownExpert("Z")])
    #expect(plan.checkSwap(unit: "U1", from: "A", to: "A", roster: roster).problems == [.sameExpert("A")])
    #expect(
      plan.checkSwap(unit: "U1", from: "C", to: "D", roster: roster).problems == [.notAssigned(unit: "U1", expert: "C")]
    )
    let taken = plan.checkSwap(unit: "U1", from: "A", to: "B", roster: roster)
    #expect(taken.problems == [.alreadyAssigned(unit: "U1", expert: "B")])
    #expect(!taken.isPossible)
  }

  @Test("a swap to an expert of the unit's region breaks 回避 (and here the loads)")
  func regionConflict() {
    let check = plan.checkSwap(unit: "U2", from: "B", to: "A", roster: roster)
    #expect(check.isPossible && check.breaksConflictRule && check.breaksLoadBalance)
    #expect(
      check.problems == [
        .conflict(unit: "U2", expert: "A", rule: .region, value: "乙"), .unevenLoads(lowest: 0, highest: 3),
      ])
  }

  @Test("a swap to an expert of the unit's organisation breaks 回避; loads stay within one of before")
  func organisationConflict() {
    // B 2 → 1, D 0 → 1: loads 2, 1, 2, 1.
    let check = plan.checkSwap(unit: "U2", from: "B", to: "D", roster: roster)
    #expect(check.breaksConflictRule && !check.breaksLoadBalance)
    #expect(check.problems == [.conflict(unit: "U2", expert: "D", rule: .organisation, value: "乙局")])
  }

  @Test("moving a reviewed assignment says the review would no longer count")
  func reviewed() {
    let check = plan.checkSwap(unit: "U3", from: "C", to: "D", roster: roster)
    #expect(check.problems == [.reviewed(unit: "U3", expert: "C")])
    #expect(check.isPossible && !check.breaksConflictRule && !check.breaksLoadBalance)
  }

  @Test("a swap that cuts the only link between two experts reports the new group count")
  func cutsLink() {
    let roster = AssignmentRequest(
      units: [.init(id: "U1", region: "甲"), .init(id: "U2", region: "甲")],
      experts: ["A", "B", "C", "D"].map { .init(id: $0, name: $0, region: "乙") }, perUnit: 2, seed: 0)
    let entries = [("U1", "A"), ("U1", "B"), ("U2", "B"), ("U2", "C")].map {
      AssignmentPlan.Entry(unit: $0.0, reviewer: $0.1, region: "乙", organisation: "", reviewed: false)
    }
    let plan = AssignmentPlan(
      perUnit: 2, seed: 0, assignments: entries, exceptions: [],
      quality: .init(loads: [], expertPairs: 6, pairsSharing: 2, pairsPossible: 6, groups: 2, completeBlock: nil))
    // U1 {A, B}, U2 {B, C}; D in no unit: 2 groups, {A, B, C} and {D}. U2 from B to D gives {A, B} and
    // {C, D}; U1 from A to D gives {B, C, D} and {A}: still 2 groups either way, and loads within one.
    #expect(plan.checkSwap(unit: "U2", from: "B", to: "D", roster: roster).problems.isEmpty)
    #expect(plan.checkSwap(unit: "U1", from: "A", to: "D", roster: roster).problems.isEmpty)
    let split = AssignmentPlan(
      perUnit: 2, seed: 0,
      assignments: entries + [.init(unit: "U2", reviewer: "D", region: "乙", organisation: "", reviewed: false)],
      exceptions: [], quality: plan.quality)
    // U1 {A, B}, U2 {B, C, D}: one group. U1 from A to D leaves A in no unit: 2 groups.
    #expect(split.checkSwap(unit: "U1", from: "A", to: "D", roster: roster).problems.contains(.disconnects(groups: 2)))
  }
}
