/// What a hand-made change of one assignment (unit U from expert X to expert Y) would break.
///
/// Problems that make the swap impossible (an unknown id, X not on U, Y already on U) block it; the
/// others (回避, uneven loads, a finished review dropped, a design split) are what an office may still
/// accept with an override and a reason.
///
///     let check = plan.checkSwap(unit: "GX-NN-01", from: "E01", to: "E07", roster: request)
///     if check.breaksConflictRule { … }  // refuse unless overridden
public struct SwapCheck: Sendable, Hashable {
  /// One thing the swap would break.
  public enum Problem: Sendable, Hashable {
    /// No such unit in the plan's roster.
    case unknownUnit(String)
    /// No such expert in the roster.
    case unknownExpert(String)
    /// X and Y are the same expert.
    case sameExpert(String)
    /// X is not assigned the unit.
    case notAssigned(unit: String, expert: String)
    /// Y is already assigned the unit.
    case alreadyAssigned(unit: String, expert: String)
    /// Y is of the unit's region or organisation (`value` names it).
    case conflict(unit: String, expert: String, rule: ConflictRule, value: String)
    /// After the swap the loads are more than one apart, and further apart than before.
    case unevenLoads(lowest: Int, highest: Int)
    /// X has already reviewed the unit: the review would no longer count.
    case reviewed(unit: String, expert: String)
    /// After the swap the experts fall into more groups than before.
    case disconnects(groups: Int)

    /// Whether the problem makes the swap impossible (no override can apply it).
    public var blocks: Bool {
      switch self {
      case .unknownUnit, .unknownExpert, .sameExpert, .notAssigned, .alreadyAssigned: return true
      case .conflict, .unevenLoads, .reviewed, .disconnects: return false
      }
    }

    /// The message key.
    public var key: AssignmentMessages.Key {
      switch self {
      case .unknownUnit: return .swapUnknownUnit
      case .unknownExpert: return .swapUnknownExpert
      case .sameExpert: return .swapSameExpert
      case .notAssigned: return .swapNotAssigned
      case .alreadyAssigned: return .swapAlreadyAssigned
      case .conflict(_, _, .region, _): return .swapRegionConflict
      case .conflict(_, _, .organisation, _): return .swapOrganisationConflict
      case .unevenLoads: return .swapUnevenLoads
      case .reviewed: return .swapReviewed
      case .disconnects: return .swapDisconnects
      }
    }

    /// The message, in Chinese (default) or English.
    public func message(_ language: AssignmentLanguage = .zh) -> String {
      let arguments: [String: String]
      switch self {
      case .unknownUnit(let unit): arguments = ["unit": unit]
      case .unknownExpert(let expert), .sameExpert(let expert): arguments = ["expert": expert]
      case .notAssigned(let unit, let expert), .alreadyAssigned(let unit, let expert), .reviewed(let unit, let expert):
        arguments = ["unit": unit, "expert": expert]
      case .conflict(let unit, let expert, _, let value): arguments = ["unit": unit, "expert": expert, "value": value]
      case .unevenLoads(let lowest, let highest): arguments = ["lowest": "\(lowest)", "highest": "\(highest)"]
      case .disconnects(let groups): arguments = ["count": "\(groups)"]
      }
      return AssignmentMessages.text(key, language, arguments)
    }
  }

  /// Every problem found, blocking ones first.
  public var problems: [Problem]

  /// Whether the swap can be applied at all.
  public var isPossible: Bool { !problems.contains(where: \.blocks) }
  /// Whether Y reviewing the unit breaks 回避.
  public var breaksConflictRule: Bool { problems.contains { if case .conflict = $0 { true } else { false } } }
  /// Whether the loads would end more than one apart (and further apart than before).
  public var breaksLoadBalance: Bool { problems.contains { if case .unevenLoads = $0 { true } else { false } } }
}

extension AssignmentPlan {
  /// Checks moving `unit` from expert `from` to expert `to`, against the roster the plan was made for.
  public func checkSwap(unit: String, from: String, to: String, roster: AssignmentRequest) -> SwapCheck {
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
    guard problems.isEmpty, let target, let expert else { return SwapCheck(problems: problems) }

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
    return SwapCheck(problems: problems)
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
