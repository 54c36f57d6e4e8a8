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

  /// The message, in Chinese or English, from the planner's message table.
  public func message(_ language: Language = .zh) -> String {
    switch self {
    case .perUnitOutOfRange(let k):
      return AssignmentMessages.text(
        .perUnitOutOfRange, language, ["k": "\(k)", "max": "\(AssignmentRequest.maximumPerUnit)"])
    case .tooLarge(let units, let experts):
      return AssignmentMessages.text(
        .tooLarge, language,
        [
          "units": "\(units)", "experts": "\(experts)", "maxUnits": "\(AssignmentRequest.maximumUnits)",
          "maxExperts": "\(AssignmentRequest.maximumExperts)",
        ])
    case .emptyId: return AssignmentMessages.text(.emptyId, language, [:])
    case .emptyRegion(let id): return AssignmentMessages.text(.emptyRegion, language, ["id": id])
    case .duplicateUnit(let id): return AssignmentMessages.text(.duplicateUnit, language, ["unit": id])
    case .duplicateExpert(let id): return AssignmentMessages.text(.duplicateExpert, language, ["expert": id])
    case .unknownUnit(let id): return AssignmentMessages.text(.unknownUnit, language, ["unit": id])
    case .unknownExpert(let id): return AssignmentMessages.text(.unknownExpert, language, ["expert": id])
    }
  }
}
