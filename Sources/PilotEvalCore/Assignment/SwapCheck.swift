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
    public var key: MessageKey {
      switch self {
      case .unknownUnit: return .assignmentSwapUnknownUnit
      case .unknownExpert: return .assignmentSwapUnknownExpert
      case .sameExpert: return .assignmentSwapSameExpert
      case .notAssigned: return .assignmentSwapNotAssigned
      case .alreadyAssigned: return .assignmentSwapAlreadyAssigned
      case .conflict(_, _, .region, _): return .assignmentSwapRegionConflict
      case .conflict(_, _, .organisation, _): return .assignmentSwapOrganisationConflict
      case .unevenLoads: return .assignmentSwapUnevenLoads
      case .reviewed: return .assignmentSwapReviewed
      case .disconnects: return .assignmentSwapDisconnects
      }
    }

    /// The problem as a message of the one catalog (``MessageTable``).
    public var catalogMessage: Message {
      switch self {
      case .unknownUnit(let unit): return Message(key, unit)
      case .unknownExpert(let expert), .sameExpert(let expert): return Message(key, expert)
      case .notAssigned(let unit, let expert), .alreadyAssigned(let unit, let expert), .reviewed(let unit, let expert):
        return Message(key, unit, expert)
      case .conflict(let unit, let expert, _, let value): return Message(key, unit, expert, value)
      case .unevenLoads(let lowest, let highest): return Message(key, String(lowest), String(highest))
      case .disconnects(let groups): return Message(key, String(groups))
      }
    }

    /// The message, in Chinese (default) or English.
    public func message(_ language: Language = .zh) -> String {
      catalogMessage.text(in: language)
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
