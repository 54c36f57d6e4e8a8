import Testing

@testable import PilotEvalCore

/// The planner's messages live in the one catalog (``MessageTable``, area `assignment`): every message
/// the planner can give is filled in completely in both languages, and no second table exists.
@Suite("assignment planner: messages in the one catalog")
struct AssignmentMessagesTests {
  static let exceptions: [AssignmentException] = [
    .understaffed(unit: "U", assigned: 1, eligible: 1, required: 3),
    .keptConflict(unit: "U", expert: "E", rule: .region), .keptConflict(unit: "U", expert: "E", rule: .organisation),
    .unevenLoads(lowest: 0, highest: 4), .disconnected(groups: [["A"], ["B", "C"]], cause: .ruleSeparates),
    .disconnected(groups: [["A"], ["B"]], cause: .tooFewUnits),
    .disconnected(groups: [["A"], ["B"]], cause: .evenLoadsFirst),
    .disconnected(groups: [["A"], ["B"]], cause: .notFound),
  ]

  static let problems: [SwapCheck.Problem] = [
    .unknownUnit("U"), .unknownExpert("E"), .sameExpert("E"), .notAssigned(unit: "U", expert: "E"),
    .alreadyAssigned(unit: "U", expert: "E"), .conflict(unit: "U", expert: "E", rule: .region, value: "广西"),
    .conflict(unit: "U", expert: "E", rule: .organisation, value: "南宁市机关事务管理局"),
    .unevenLoads(lowest: 1, highest: 3), .reviewed(unit: "U", expert: "E"), .disconnects(groups: 2),
  ]

  static let errors: [AssignmentInputError] = [
    .perUnitOutOfRange(1), .tooLarge(units: 1, experts: 2000), .emptyId, .emptyRegion(id: "U"),
    .duplicateUnit("U"), .duplicateExpert("E"), .unknownUnit("U"), .unknownExpert("E"),
  ]

  @Test("every exception, swap problem and input error renders with no placeholder left, in both languages")
  func filledIn() {
    let texts =
      Self.exceptions.flatMap { [$0.message(.zh), $0.message(.en)] }
      + Self.problems.flatMap { [$0.message(.zh), $0.message(.en)] }
      + Self.errors.flatMap { [$0.message(.zh), $0.message(.en)] }
    for text in texts { #expect(!text.contains("{") && !text.contains("}"), "\(text)") }
    let keys = Set(Self.exceptions.map(\.key) + Self.problems.map(\.key) + Self.errors.map(\.catalogMessage.key))
    #expect(keys.count == Self.exceptions.count + Self.problems.count + Self.errors.count, "two cases share a key")
    for key in keys {
      #expect(key.rawValue.hasPrefix("assignment."), "\(key)")
      #expect(MessageTable.zh[key] != nil && MessageTable.en[key] != nil)
    }
    let area = MessageKey.allCases.filter { $0.rawValue.hasPrefix("assignment.") }
    #expect(Set(area) == keys, "a catalog key of the planner no case uses, or the reverse")
  }

  @Test("arguments are filled in where the placeholders stand")
  func arguments() {
    #expect(
      AssignmentException.disconnected(groups: [["A"], ["B", "C"]], cause: .ruleSeparates).message(.en)
        == "the experts fall into 2 groups (1/2 experts) that 回避 keeps from sharing any unit; the design is not "
        + "connected, so panel statistics can only be estimated within each group")
    #expect(
      SwapCheck.Problem.conflict(unit: "GX-1", expert: "E1", rule: .region, value: "广西").message()
        == "专家 E1 与单位 GX-1 同属 广西，违反回避")
    #expect(
      AssignmentException.understaffed(unit: "BJ", assigned: 4, eligible: 4, required: 5).message()
        == "单位 BJ：回避后只有 4 名专家可以评审，少于每单位 5 名；已分配 4 名")
    #expect(
      AssignmentInputError.tooLarge(units: 3, experts: 2000).message(.en).hasPrefix("too large: 3 units and 2000"))
  }
}
