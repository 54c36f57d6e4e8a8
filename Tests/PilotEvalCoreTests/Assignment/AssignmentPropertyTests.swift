import Testing

@testable import PilotEvalCore

/// The planner's rules over many random rosters (1–12 regions, organisations, K 2–5, 5–400 units,
/// 3–60 experts, some with reviews already done), checked by `PlanAudit` from the rules themselves.
@Suite("assignment planner: properties over random rosters")
struct AssignmentPropertyTests {
  static let rosters: [UInt64] = Array(1...120)

  /// Each roster's request and plan, planned once for all the tests below.
  static let cases: [UInt64: (request: AssignmentRequest, plan: AssignmentPlan)] = Dictionary(
    uniqueKeysWithValues: rosters.map { number in
      let request = RandomRoster.make(number)
      return (number, (request, try! AssignmentPlanner.plan(request)))
    })

  @Test("回避 is never broken except by a reviewed assignment listed as an exception", arguments: rosters)
  func conflictRule(number: UInt64) throws {
    let (request, plan) = Self.cases[number]!
    let audit = PlanAudit(request, plan)
    for entry in plan.assignments {
      guard let rule = ConflictRule.broken(by: audit.expert(entry.reviewer), reviewing: audit.unit(entry.unit)) else {
        continue
      }
      #expect(entry.reviewed, "unit \(entry.unit) given to \(entry.reviewer) against 回避")
      #expect(plan.exceptions.contains(.keptConflict(unit: entry.unit, expert: entry.reviewer, rule: rule)))
    }
  }

  @Test("each unit gets K distinct experts, or all it may have and an exception saying so", arguments: rosters)
  func staffing(number: UInt64) throws {
    let (request, plan) = Self.cases[number]!
    let audit = PlanAudit(request, plan)
    let reviewed = audit.reviewedPairs
    for unit in request.units {
      let panel = audit.panels[unit.id] ?? []
      #expect(Set(panel).count == panel.count)
      let keptConflicting = request.experts.filter {
        reviewed.contains([unit.id, $0.id]) && ConflictRule.broken(by: $0, reviewing: unit) != nil
      }
      let eligible = audit.eligible(unit).count + keptConflicting.count
      if panel.count < request.perUnit {
        #expect(panel.count == eligible, "unit \(unit.id) left short while experts were free")
        #expect(
          plan.exceptions.contains(
            .understaffed(unit: unit.id, assigned: panel.count, eligible: eligible, required: request.perUnit)))
      } else {
        #expect(panel.count == max(request.perUnit, reviewed.filter { $0[0] == unit.id }.count))
      }
    }
  }

  @Test("reviewed assignments are kept, marked reviewed; no other is", arguments: rosters)
  func keptReviews(number: UInt64) throws {
    let (request, plan) = Self.cases[number]!
    let reviewed = PlanAudit(request, plan).reviewedPairs
    let marked = Set(plan.assignments.filter(\.reviewed).map { [$0.unit, $0.reviewer] })
    #expect(marked == reviewed)
  }

  @Test("loads are within one, or as even as 回避 allows and listed", arguments: rosters)
  func loads(number: UInt64) throws {
    let (request, plan) = Self.cases[number]!
    let audit = PlanAudit(request, plan)
    let (lowest, highest) = (audit.loads.values.min()!, audit.loads.values.max()!)
    #expect(plan.quality.lowestLoad == lowest && plan.quality.highestLoad == highest)
    if highest - lowest > 1 {
      #expect(plan.exceptions.contains(.unevenLoads(lowest: lowest, highest: highest)))
    }
    let improvable = audit.hasImprovingChain()
    #expect(!improvable, "a chain of moves would lower the highest load or raise the lowest")
  }

  @Test("the design is connected whenever 回避 and the places allow it", arguments: rosters)
  func connectivity(number: UInt64) throws {
    let (request, plan) = Self.cases[number]!
    let audit = PlanAudit(request, plan)
    let groups = audit.groups()
    #expect(plan.quality.groups == groups)
    let evenLoads = plan.quality.highestLoad - plan.quality.lowestLoad <= 1
    let mayConnect = audit.connectedPlanMayExist()
    if mayConnect && evenLoads {
      #expect(groups == 1)
    }
    if groups > 1 {
      let cause = plan.exceptions.lazy.compactMap { exception -> AssignmentException.Disconnection? in
        if case .disconnected(let members, let cause) = exception, members.count == groups { cause } else { nil }
      }.first
      #expect(cause != nil && cause != .notFound)
      #expect((cause == .evenLoadsFirst) == (mayConnect && !evenLoads))
    }
  }

  @Test("same request and seed give the same plan, whatever the input order", arguments: rosters.prefix(40))
  func determinism(number: UInt64) throws {
    let (request, plan) = Self.cases[number]!
    #expect(try AssignmentPlanner.plan(request) == plan)
    let shuffled = try AssignmentPlanner.plan(RandomRoster.shuffled(request, seed: number))
    #expect(shuffled == plan)
    #expect(shuffled.assignments == plan.assignments)
  }

  @Test("pair coverage and the complete block are measured right", arguments: rosters)
  func quality(number: UInt64) throws {
    let (request, plan) = Self.cases[number]!
    let audit = PlanAudit(request, plan)
    let quality = plan.quality
    #expect(quality.pairsSharing == audit.pairsSharing())
    #expect(quality.pairsSharing <= quality.pairsPossible && quality.pairsPossible <= quality.expertPairs)
    if let block = quality.completeBlock {
      #expect(block.raters.count >= 2 && block.subjects.count >= 3)
      for subject in block.subjects { #expect(block.raters.allSatisfy(audit.panels[subject]!.contains)) }
      let others = audit.panels.filter { !block.subjects.contains($0.key) }
      #expect(!others.values.contains { panel in block.raters.allSatisfy(panel.contains) })
    }
    if request.experts.count <= 12 {
      let brute = audit.largestBlockByBruteForce()
      #expect(brute?.ratings == quality.completeBlock?.ratings)
      #expect(brute?.subjects == quality.completeBlock?.subjects.count)
    }
  }
}
