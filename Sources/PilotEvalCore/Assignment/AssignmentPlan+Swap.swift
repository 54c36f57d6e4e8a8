extension AssignmentPlan {
  /// Checks moving `unit` from expert `from` to expert `to`, against the roster the plan was made for.
  public func checkSwap(unit: String, from: String, to: String, roster: AssignmentRequest) -> SwapCheck {
    SwapCheck(unit: unit, from: from, to: to, assignments: assignments, roster: roster)
  }
}

extension SwapCheck {
  /// Checks moving `unit` from expert `from` to expert `to` in `assignments` (as stored, with their
  /// reviewed marks), against `roster`.
  public init(
    unit: String, from: String, to: String, assignments: [AssignmentPlan.Entry], roster: AssignmentRequest
  ) {
    var problems = [SwapCheck.Problem]()
    let target = roster.units.first { $0.id == unit }
    let expert = roster.experts.first { $0.id == to }
    if target == nil { problems.append(.unknownUnit(unit)) }
    for id in [from, to] where !roster.experts.contains(where: { $0.id == id }) { problems.append(.unknownExpert(id)) }
    if from == to { problems.append(.sameExpert(from)) }
    let panel = assignments.filter { $0.unit == unit }
    if target != nil, !panel.contains(where: { $0.reviewer == from }) {
      problems.append(.notAssigned(unit: unit, expert: from))
    }
    if target != nil, from != to, panel.contains(where: { $0.reviewer == to }) {
      problems.append(.alreadyAssigned(unit: unit, expert: to))
    }
    guard problems.isEmpty, let target, let expert else {
      self.init(problems: problems)
      return
    }

    if let rule = ConflictRule.broken(by: expert, reviewing: target) {
      let value = rule == .region ? target.region : target.organisation ?? ""
      problems.append(.conflict(unit: unit, expert: to, rule: rule, value: ConflictRule.trimmed(value)))
    }
    var loads = Dictionary(uniqueKeysWithValues: roster.experts.map { ($0.id, 0) })
    for entry in assignments { loads[entry.reviewer, default: 0] += 1 }
    let before = (loads.values.max() ?? 0) - (loads.values.min() ?? 0)
    loads[from, default: 0] -= 1
    loads[to, default: 0] += 1
    let (lowest, highest) = (loads.values.min() ?? 0, loads.values.max() ?? 0)
    if highest - lowest > max(1, before) { problems.append(.unevenLoads(lowest: lowest, highest: highest)) }
    if panel.contains(where: { $0.reviewer == from && $0.reviewed }) {
      problems.append(.reviewed(unit: unit, expert: from))
    }
    let swapped = assignments.map { entry in
      entry.unit == unit && entry.reviewer == from ? (entry.unit, to) : (entry.unit, entry.reviewer)
    }
    let groupsBefore = Self.groupCount(assignments.map { ($0.unit, $0.reviewer) }, experts: roster.experts)
    let groupsAfter = Self.groupCount(swapped, experts: roster.experts)
    if groupsAfter > groupsBefore { problems.append(.disconnects(groups: groupsAfter)) }
    self.init(problems: problems)
  }

  private static func groupCount(_ pairs: [(String, String)], experts: [AssignmentRequest.Expert]) -> Int {
    var index = [String: Int]()
    for expert in experts where index[expert.id] == nil { index[expert.id] = index.count }
    var sets = DisjointSets(count: index.count)
    var first = [String: Int]()
    for (unit, reviewer) in pairs {
      guard let member = index[reviewer] else { continue }
      if let head = first[unit] { sets.union(head, member) } else { first[unit] = member }
    }
    return sets.labels().count
  }
}
