import Testing

@testable import PilotEvalCore

/// The size the issue names: 2,000 units, 60 experts, K = 3, 12 regions. No timing is asserted here
/// (docs/ASSIGNMENT.md gives the measured time); the rules must hold at this size too.
@Suite("assignment planner: a national round")
struct AssignmentScaleTests {
  static func nationalRound(seed: UInt64) -> AssignmentRequest {
    let regions = ["北京", "天津", "河北", "山西", "江苏", "浙江", "安徽", "福建", "湖北", "湖南", "广西", "四川"]
    let units = (0..<2000).map { AssignmentRequest.Unit(id: String(format4($0)), region: regions[$0 % 12]) }
    let experts = (0..<60).map {
      AssignmentRequest.Expert(
        id: "E" + format4($0), name: "专家\($0)", region: regions[($0 * 7) % 12], organisation: "机构\($0 % 20)")
    }
    return AssignmentRequest(units: units, experts: experts, perUnit: 3, seed: seed)
  }

  @Test("2,000 units × 60 experts × K = 3: every rule kept, every pair of experts sharing a unit")
  func national() throws {
    let request = Self.nationalRound(seed: 1)
    let plan = try AssignmentPlanner.plan(request)
    #expect(plan.exceptions.isEmpty)
    #expect(plan.assignments.count == 6000)
    #expect(plan.quality.highestLoad == 100 && plan.quality.lowestLoad == 100)
    #expect(plan.quality.isConnected)
    let audit = PlanAudit(request, plan)
    #expect(audit.pairsSharing() == plan.quality.pairsSharing)
    #expect(plan.quality.pairsSharing == plan.quality.pairsPossible)
  }
}

private func format4(_ number: Int) -> String {
  let digits = String(number)
  return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
