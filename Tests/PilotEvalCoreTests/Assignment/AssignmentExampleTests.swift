import Testing

@testable import PilotEvalCore

/// Small rosters worked by hand, impossible ones included: what the plan must be and which exceptions
/// it must list, in order (units by id, then those about the whole plan).
@Suite("assignment planner: hand-checked examples")
struct AssignmentExampleTests {
  /// Six units and six experts, two of each per region, K = 2: 12 places, 2 per expert; every unit to
  /// two of the four experts outside its region; six units can cover at most six of the 15 pairs.
  static let threeRegions = AssignmentRequest(
    units: [
      unit("GX-1", "广西"), unit("GX-2", "广西"), unit("HN-1", "湖南"), unit("HN-2", "湖南"), unit("JS-1", "江苏"),
      unit("JS-2", "江苏"),
    ],
    experts: [
      expert("E1", "广西"), expert("E2", "广西"), expert("E3", "湖南"), expert("E4", "湖南"), expert("E5", "江苏"),
      expert("E6", "江苏"),
    ],
    perUnit: 2, seed: 2026)

  @Test("three regions: K per unit, no one from the unit's region, two units each, connected, six pairs")
  func threeRegionsPlan() throws {
    let plan = try AssignmentPlanner.plan(Self.threeRegions)
    #expect(plan.exceptions.isEmpty)
    for unit in Self.threeRegions.units {
      let reviewers = plan.reviewers(of: unit.id)
      #expect(reviewers.count == 2)
      let regions = reviewers.map { id in Self.threeRegions.experts.first { $0.id == id }!.region }
      #expect(!regions.contains(unit.region))
    }
    #expect(plan.quality.loads.map(\.units) == [2, 2, 2, 2, 2, 2])
    #expect(plan.quality.isConnected)
    #expect(plan.quality.expertPairs == 15 && plan.quality.pairsPossible == 15)
    #expect(plan.quality.pairsSharing == 6)
    #expect(plan.quality.pairShare == 0.4)
    // Six distinct pairs leave no pair on three units: no complete block of ≥ 3 subjects.
    #expect(plan.quality.completeBlock == nil)
  }

  @Test("all experts from one region: that region's units get no one, each listed; the rest is planned")
  func oneRegionOfExperts() throws {
    let request = AssignmentRequest(
      units: [unit("GX-1", "广西"), unit("GX-2", "广西"), unit("HN-1", "湖南"), unit("HN-2", "湖南"), unit("HN-3", "湖南")],
      experts: [expert("E1", "广西"), expert("E2", "广西"), expert("E3", "广西"), expert("E4", "广西")],
      perUnit: 2, seed: 1)
    let plan = try AssignmentPlanner.plan(request)
    #expect(
      plan.exceptions == [
        .understaffed(unit: "GX-1", assigned: 0, eligible: 0, required: 2),
        .understaffed(unit: "GX-2", assigned: 0, eligible: 0, required: 2),
      ])
    #expect(plan.reviewers(of: "GX-1").isEmpty && plan.reviewers(of: "GX-2").isEmpty)
    for id in ["HN-1", "HN-2", "HN-3"] { #expect(plan.reviewers(of: id).count == 2) }
    // Six places over four experts: loads 2, 2, 1, 1; three units link all four experts.
    #expect(plan.quality.loads.map(\.units).sorted() == [1, 1, 2, 2])
    #expect(plan.quality.isConnected)
    #expect(
      plan.exceptions.map { $0.message(.en) }.first
        == "unit GX-1: only 0 experts may review it under 回避, fewer than the 2 per unit; 0 assigned")
    #expect(plan.exceptions.first?.message() == "单位 GX-1：回避后只有 0 名专家可以评审，少于每单位 2 名；已分配 0 名")
  }

  @Test("K larger than the experts outside the region: all of them, and the exception")
  func perUnitAboveEligible() throws {
    let request = AssignmentRequest(
      units: [unit("SC-1", "四川")],
      experts: [expert("E1", "江苏"), expert("E2", "江苏"), expert("E3", "江苏"), expert("E4", "四川")],
      perUnit: 4, seed: 3)
    let plan = try AssignmentPlanner.plan(request)
    #expect(plan.reviewers(of: "SC-1") == ["E1", "E2", "E3"])
    #expect(
      plan.exceptions == [
        .understaffed(unit: "SC-1", assigned: 3, eligible: 3, required: 4),
        .disconnected(groups: [["E1", "E2", "E3"], ["E4"]], cause: .ruleSeparates),
      ])
  }

  @Test("an expert of the unit's organisation is not assigned it, spaces around names ignored")
  func organisationConflict() throws {
    let request = AssignmentRequest(
      units: [unit("GX-NN", "广西", " 南宁市机关事务管理局 "), unit("HN-CS", "湖南")],
      experts: [
        expert("E1", "湖北", "南宁市机关事务管理局"), expert("E2", "湖北", "武汉市机关事务管理局"),
        expert("E3", "江苏", "苏州市机关事务管理局"),
      ],
      perUnit: 2, seed: 4)
    let plan = try AssignmentPlanner.plan(request)
    #expect(plan.reviewers(of: "GX-NN") == ["E2", "E3"])
    #expect(plan.reviewers(of: "HN-CS").count == 2)
    #expect(plan.exceptions.isEmpty)
  }

  @Test("two regions reviewing each other: the rule splits the experts into two groups, listed")
  func ruleSeparates() throws {
    let request = AssignmentRequest(
      units: [unit("A1", "甲"), unit("A2", "甲"), unit("B1", "乙"), unit("B2", "乙")],
      experts: [expert("a1", "甲"), expert("a2", "甲"), expert("b1", "乙"), expert("b2", "乙")],
      perUnit: 2, seed: 5)
    let plan = try AssignmentPlanner.plan(request)
    #expect(plan.reviewers(of: "A1") == ["b1", "b2"] && plan.reviewers(of: "B2") == ["a1", "a2"])
    #expect(plan.exceptions == [.disconnected(groups: [["a1", "a2"], ["b1", "b2"]], cause: .ruleSeparates)])
    #expect(plan.quality.groups == 2 && plan.quality.pairsPossible == 2)
    // Each group rated both units of the other region: two 2 × 2 blocks, too few subjects for ICC(2).
    #expect(plan.quality.completeBlock == nil)
  }

  @Test("one expert in the only region with units: loads cannot be within one, listed")
  func unevenLoads() throws {
    let units = (1...10).map { unit("J\($0)", "甲") }
    let request = AssignmentRequest(
      units: units, experts: [expert("x", "甲"), expert("y1", "乙"), expert("y2", "乙"), expert("y3", "丙")],
      perUnit: 2, seed: 6)
    let plan = try AssignmentPlanner.plan(request)
    // 20 places over y1–y3: 7, 7, 6; x may review none.
    #expect(plan.quality.loads.first?.units == 0)
    #expect(plan.quality.loads.dropFirst().map(\.units).sorted() == [6, 7, 7])
    #expect(
      plan.exceptions == [
        .unevenLoads(lowest: 0, highest: 7),
        .disconnected(groups: [["x"], ["y1", "y2", "y3"]], cause: .ruleSeparates),
      ])
    // With K = 2 no unit has three raters: the largest block is the pair sharing the most units (the
    // three pairs share 10 units between them, so one shares at least 4).
    let block = try #require(plan.quality.completeBlock)
    #expect(block.raters.count == 2 && block.subjects.count >= 4)
  }

  @Test("a reviewed assignment that breaks 回避 is kept, marked and listed; the rest is re-planned")
  func keptConflict() throws {
    let request = AssignmentRequest(
      units: [unit("U1", "甲"), unit("U2", "丙")],
      experts: [expert("E1", "甲"), expert("E2", "乙"), expert("E3", "乙")],
      perUnit: 2, seed: 7, reviewed: [.init(unit: "U1", reviewer: "E1"), .init(unit: "U1", reviewer: "E1")])
    let plan = try AssignmentPlanner.plan(request)
    let kept = plan.assignments.filter(\.reviewed)
    #expect(kept.map(\.reviewer) == ["E1"] && kept.map(\.unit) == ["U1"])
    #expect(plan.reviewers(of: "U1").count == 2)
    #expect(plan.exceptions == [.keptConflict(unit: "U1", expert: "E1", rule: .region)])
  }

  @Test("re-planning keeps every reviewed assignment and still keeps the rules")
  func replanning() throws {
    let first = try AssignmentPlanner.plan(RandomRoster.make(900))
    var request = RandomRoster.make(900)
    request.reviewed = first.assignments.enumerated().filter { $0.offset % 3 == 0 }.map {
      ReviewAssignment(unit: $0.element.unit, reviewer: $0.element.reviewer)
    }
    request.seed = 12345
    let second = try AssignmentPlanner.plan(request)
    let kept = Set(second.assignments.filter(\.reviewed).map { [$0.unit, $0.reviewer] })
    #expect(kept == Set(request.reviewed.map { [$0.unit, $0.reviewer] }))
    for entry in second.assignments where !entry.reviewed {
      let unit = request.units.first { $0.id == entry.unit }!
      let expert = request.experts.first { $0.id == entry.reviewer }!
      #expect(ConflictRule.broken(by: expert, reviewing: unit) == nil)
    }
    #expect(
      second.quality.highestLoad - second.quality.lowestLoad <= 1
        || second.exceptions.contains {
          if case .unevenLoads = $0 { true } else { false }
        })
  }

  @Test("another seed gives another plan of the same quality rules")
  func seeds() throws {
    var request = RandomRoster.make(901)
    let first = try AssignmentPlanner.plan(request)
    request.seed &+= 1
    let second = try AssignmentPlanner.plan(request)
    #expect(first.assignments != second.assignments)
  }

  @Test("every unit is understaffed with no one eligible; no load or connectivity exception")
  func noExperts() throws {
    let request = AssignmentRequest(
      units: [.init(id: "U2", region: "甲"), .init(id: "U1", region: "乙")], experts: [], perUnit: 3, seed: 0)
    let plan = try AssignmentPlanner.plan(request)
    #expect(
      plan.exceptions == [
        .understaffed(unit: "U1", assigned: 0, eligible: 0, required: 3),
        .understaffed(unit: "U2", assigned: 0, eligible: 0, required: 3),
      ])
    #expect(plan.quality.pairShare == nil && plan.quality.expertPairs == 0 && plan.quality.loads.isEmpty)
  }
}

private func unit(_ id: String, _ region: String, _ organisation: String? = nil) -> AssignmentRequest.Unit {
  .init(id: id, region: region, organisation: organisation)
}

private func expert(_ id: String, _ region: String, _ organisation: String = "") -> AssignmentRequest.Expert {
  .init(id: id, name: "专家 \(id)", region: region, organisation: organisation)
}
