/// Why the planner refuses a request before planning: the roster itself is wrong, so no plan (and no
/// list of exceptions) would mean anything.
public enum AssignmentInputError: Error, Sendable, Hashable {
  /// K is below 2 or above `AssignmentRequest.maximumPerUnit`.
  case perUnitOutOfRange(Int)
  /// More experts or units than the planner accepts.
  case tooLarge(units: Int, experts: Int)
  /// A unit or expert with an empty id.
  case emptyId
  /// A unit or expert without a region: 回避 could not be checked.
  case emptyRegion(id: String)
  /// Two units with the same id.
  case duplicateUnit(String)
  /// Two experts with the same id.
  case duplicateExpert(String)
  /// A reviewed assignment names a unit that is not in the request.
  case unknownUnit(String)
  /// A reviewed assignment names an expert who is not in the request.
  case unknownExpert(String)

  /// The refusal as a message of the one catalog (``MessageTable``).
  public var catalogMessage: Message {
    switch self {
    case .perUnitOutOfRange(let k):
      return Message(.assignmentPerUnitOutOfRange, String(k), String(AssignmentRequest.maximumPerUnit))
    case .tooLarge(let units, let experts):
      return Message(
        .assignmentTooLarge, String(units), String(experts), String(AssignmentRequest.maximumUnits),
        String(AssignmentRequest.maximumExperts))
    case .emptyId: return Message(.assignmentEmptyId)
    case .emptyRegion(let id): return Message(.assignmentEmptyRegion, id)
    case .duplicateUnit(let id): return Message(.assignmentDuplicateUnit, id)
    case .duplicateExpert(let id): return Message(.assignmentDuplicateExpert, id)
    case .unknownUnit(let id): return Message(.assignmentUnknownUnit, id)
    case .unknownExpert(let id): return Message(.assignmentUnknownExpert, id)
    }
  }

  /// The message, in Chinese (default) or English.
  public func message(_ language: Language = .zh) -> String {
    catalogMessage.text(in: language)
  }
}
