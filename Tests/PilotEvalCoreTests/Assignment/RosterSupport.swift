@testable import PilotEvalCore

/// Random rosters for the planner's property tests, and an audit of a plan written independently of
/// the planner (straight from the rules, on ids rather than indices).
struct RandomRoster {
  /// A roster: 1–12 regions, some units and experts with organisations shared across them, K 2–5,
  /// 5–400 units, 3–60 experts, sometimes with assignments already reviewed.
  static func make(_ number: UInt64) -> AssignmentRequest {
    var random = SeededRandom(seed: number, stream: 99)
    let regions = 1 + random.next(below: 12)
    let organisations = 1 + random.next(below: 8)
    let unitCount = 5 + random.next(below: 396)
    let expertCount = 3 + random.next(below: 58)
    let perUnit = 2 + random.next(below: 4)
    // Skewed regions: region r is drawn with weight r + 1, so some regions hold many units or experts.
    func region(_ random: inout SeededRandom) -> String {
      var pick = random.next(below: regions * (regions + 1) / 2)
      for r in 0..<regions {
        if pick <= r { return "R\(r)" }
        pick -= r + 1
      }
      return "R0"
    }
    let units = (0..<unitCount).map { index in
      AssignmentRequest.Unit(
        id: "U\(index)", region: region(&random),
        organisation: random.next(below: 3) == 0 ? "O\(random.next(below: organisations))" : nil)
    }
    let experts = (0..<expertCount).map { index in
      AssignmentRequest.Expert(
        id: "E\(index)", name: "专家\(index)", region: region(&random),
        organisation: random.next(below: 4) == 0 ? "" : "O\(random.next(below: organisations))")
    }
    var reviewed = [ReviewAssignment]()
    if random.next(below: 3) == 0 {
      for _ in 0..<random.next(below: unitCount / 2 + 1) {
        reviewed.append(
          .init(unit: "U\(random.next(below: unitCount))", reviewer: "E\(random.next(below: expertCount))"))
      }
    }
    return AssignmentRequest(
      units: units, experts: experts, perUnit: perUnit, seed: number &* 7919, reviewed: reviewed)
  }

  /// The request with every array in a seeded random order.
  static func shuffled(_ request: AssignmentRequest, seed: UInt64) -> AssignmentRequest {
    var random = SeededRandom(seed: seed, stream: 5)
    func shuffle<T>(_ items: [T]) -> [T] {
      var items = items
      for index in items.indices.reversed() where index > 0 { items.swapAt(index, random.next(below: index + 1)) }
      return items
    }
    var copy = request
    copy.units = shuffle(request.units)
    copy.experts = shuffle(request.experts)
    copy.reviewed = shuffle(request.reviewed)
    return copy
  }
}

/// The rules, checked from the plan's entries and the request alone.
struct PlanAudit {
  let request: AssignmentRequest
  let plan: AssignmentPlan
  let panels: [String: [String]]
  let loads: [String: Int]

  init(_ request: AssignmentRequest, _ plan: AssignmentPlan) {
    self.request = request
    self.plan = plan
    var panels = [String: [String]]()
    var loads = Dictionary(uniqueKeysWithValues: request.experts.map { ($0.id, 0) })
    for entry in plan.assignments {
      panels[entry.unit, default: []].append(entry.reviewer)
      loads[entry.reviewer, default: 0] += 1
    }
    self.panels = panels
    self.loads = loads
  }

  func unit(_ id: String) -> AssignmentRequest.Unit { request.units.first { $0.id == id }! }
  func expert(_ id: String) -> AssignmentRequest.Expert { request.experts.first { $0.id == id }! }

  var reviewedPairs: Set<[String]> { Set(request.reviewed.map { [$0.unit, $0.reviewer] }) }

  /// Experts who may review `unit` under 回避.
  func eligible(_ unit: AssignmentRequest.Unit) -> [String] {
    request.experts.filter { ConflictRule.broken(by: $0, reviewing: unit) == nil }.map(\.id)
  }

  /// Whether a chain of moves of places not reviewed (a hands a unit to b, b one to c, …) could lower
  /// the highest load or raise the lowest: from an expert at the highest load to one at least two
  /// below it, or from one at least two above the lowest load to one at it.
  func hasImprovingChain() -> Bool {
    let (lowest, highest) = (loads.values.min() ?? 0, loads.values.max() ?? 0)
    let ids = request.experts.map(\.id)
    return reaches(from: ids.filter { loads[$0]! == highest }, { loads[$0]! <= highest - 2 })
      || reaches(from: ids.filter { loads[$0]! >= lowest + 2 }, { loads[$0]! == lowest })
  }

  private func reaches(from starts: [String], _ isTarget: (String) -> Bool) -> Bool {
    let reviewed = reviewedPairs
    var held = [String: [String]]()
    for entry in plan.assignments where !reviewed.contains([entry.unit, entry.reviewer]) {
      held[entry.reviewer, default: []].append(entry.unit)
    }
    let eligibleByUnit = Dictionary(uniqueKeysWithValues: request.units.map { ($0.id, eligible($0)) })
    var seen = Set(starts)
    var queue = starts
    while let giver = queue.popLast() {
      for unit in held[giver] ?? [] {
        for taker in eligibleByUnit[unit]! where !seen.contains(taker) && !panels[unit]!.contains(taker) {
          if isTarget(taker) { return true }
          seen.insert(taker)
          queue.append(taker)
        }
      }
    }
    return false
  }

  /// Groups of experts linked through shared units.
  func groups() -> Int {
    var group = Dictionary(uniqueKeysWithValues: request.experts.map { ($0.id, $0.id) })
    func root(_ id: String) -> String {
      var x = id
      while group[x]! != x { x = group[x]! }
      return x
    }
    for members in panels.values {
      for other in members.dropFirst() { group[root(other)] = root(members[0]) }
    }
    return Set(request.experts.map { root($0.id) }).count
  }

  /// Whether 回避 and the places allow a connected design at all: every two experts joined by a chain
  /// of experts who could share a unit, and enough places to link them.
  func connectedPlanMayExist() -> Bool {
    let reviewed = reviewedPairs
    var group = Dictionary(uniqueKeysWithValues: request.experts.map { ($0.id, $0.id) })
    func root(_ id: String) -> String {
      var x = id
      while group[x]! != x { x = group[x]! }
      return x
    }
    var links = 0
    for unit in request.units {
      let kept = request.experts.map(\.id).filter { reviewed.contains([unit.id, $0]) }
      let open = max(0, request.perUnit - kept.count)
      let free = eligible(unit).filter { !kept.contains($0) }
      let candidates = kept + (open >= 2 || !kept.isEmpty ? (open > 0 ? free : []) : [])
      for other in candidates.dropFirst() { group[root(other)] = root(candidates[0]) }
      links += max(0, kept.count + min(open, free.count) - 1)
    }
    let connectedByRule = Set(request.experts.map { root($0.id) }).count <= 1
    return connectedByRule && links >= request.experts.count - 1
  }

  /// Pairs of experts who share a unit.
  func pairsSharing() -> Int {
    var pairs = Set<[String]>()
    for members in panels.values {
      for x in members {
        for y in members where x.utf8.lexicographicallyPrecedes(y.utf8) { pairs.insert([x, y]) }
      }
    }
    return pairs.count
  }

  /// The largest complete block by brute force over every set of raters: (ratings, subjects).
  func largestBlockByBruteForce() -> (ratings: Int, subjects: Int)? {
    let raters = request.experts.map(\.id).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    var best: (ratings: Int, subjects: Int)?
    for mask in 1..<(1 << raters.count) where mask.nonzeroBitCount >= 2 {
      let chosen = raters.indices.filter { mask & (1 << $0) != 0 }.map { raters[$0] }
      let subjects = panels.values.filter { panel in chosen.allSatisfy(panel.contains) }.count
      guard subjects >= 3 else { continue }
      let ratings = subjects * chosen.count
      if best == nil || ratings > best!.ratings || (ratings == best!.ratings && subjects > best!.subjects) {
        best = (ratings, subjects)
      }
    }
    return best
  }
}
