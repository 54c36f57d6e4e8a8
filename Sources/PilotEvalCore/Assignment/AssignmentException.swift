/// A rule the plan could not keep, with its reason. The planner still gives the best plan it can and
/// lists every exception, so the office sees what to fix (more experts, another region's experts …).
public enum AssignmentException: Sendable, Hashable {
  /// Why the experts could not all be linked through shared units.
  public enum Disconnection: String, Sendable, Hashable {
    /// 回避 splits the experts into groups that can never review the same unit.
    case ruleSeparates
    /// There are too few unit places to link every expert (each unit links at most K experts).
    case tooFewUnits
    /// 回避 keeps the loads more than one apart, and while holding them as even as it allows (the
    /// planner's first aim), the planner found no way to link the groups.
    case evenLoadsFirst
    /// A connected plan may exist, but the planner's search did not find one.
    case notFound
  }

  /// The unit has fewer than K experts: only `eligible` experts may review it under 回避 (its reviewed
  /// experts included), and `assigned` of them are assigned (all of them).
  case understaffed(unit: String, assigned: Int, eligible: Int, required: Int)
  /// A reviewed assignment, kept as it is, breaks `rule`.
  case keptConflict(unit: String, expert: String, rule: ConflictRule)
  /// Loads could not be kept within one of each other; the plan's loads are as even as 回避 and the kept
  /// reviews allow (no other plan has a smaller highest or a larger lowest load).
  case unevenLoads(lowest: Int, highest: Int)
  /// The experts form several groups not linked through shared units; `groups` lists each group's
  /// expert ids (ids in byte order, groups by their first id).
  case disconnected(groups: [[String]], cause: Disconnection)

  /// The unit the exception is about, or `nil` for one about the whole plan.
  public var unit: String? {
    switch self {
    case .understaffed(let unit, _, _, _), .keptConflict(let unit, _, _): return unit
    case .unevenLoads, .disconnected: return nil
    }
  }

  /// The message key of the exception.
  public var key: MessageKey {
    switch self {
    case .understaffed: return .assignmentUnderstaffed
    case .keptConflict(_, _, .region): return .assignmentKeptConflictRegion
    case .keptConflict(_, _, .organisation): return .assignmentKeptConflictOrganisation
    case .unevenLoads: return .assignmentUnevenLoads
    case .disconnected(_, .ruleSeparates): return .assignmentDisconnectedRuleSeparates
    case .disconnected(_, .tooFewUnits): return .assignmentDisconnectedTooFewUnits
    case .disconnected(_, .evenLoadsFirst): return .assignmentDisconnectedEvenLoadsFirst
    case .disconnected(_, .notFound): return .assignmentDisconnectedNotFound
    }
  }

  /// The reason as a message of the one catalog (``MessageTable``).
  public var catalogMessage: Message {
    switch self {
    case .understaffed(let unit, let assigned, let eligible, let required):
      return Message(key, unit, String(eligible), String(required), String(assigned))
    case .keptConflict(let unit, let expert, _):
      return Message(key, unit, expert)
    case .unevenLoads(let lowest, let highest):
      return Message(key, String(lowest), String(highest))
    case .disconnected(let groups, _):
      return Message(
        key, String(groups.count), groups.map { String($0.count) }.joined(separator: "/"),
        String(groups.reduce(0) { $0 + $1.count }))
    }
  }

  /// The reason, in Chinese (default) or English.
  public func message(_ language: Language = .zh) -> String {
    catalogMessage.text(in: language)
  }
}
