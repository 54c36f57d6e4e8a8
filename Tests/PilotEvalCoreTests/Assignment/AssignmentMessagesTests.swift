import Testing

@testable import PilotEvalCore

/// The planner's message table: every key in both languages, with the same placeholders, and every
/// message the planner can give filled in completely.
@Suite("assignment planner: zh/en message table")
struct AssignmentMessagesTests {
  private static func placeholders(_ text: String) -> Set<String> {
    var names = Set<String>()
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      names.insert(String(rest[rest.index(after: open)..<close]))
      rest = rest[rest.index(after: close)...]
    }
    return names
  }

  @Test(
    "each key has a Chinese and an English text with the same placeholders", arguments: AssignmentMessages.Key.allCases)
  func bothLanguages(key: AssignmentMessages.Key) throws {
    let zh = try #require(AssignmentMessages.table[key]?[.zh])
    let en = try #require(AssignmentMessages.table[key]?[.en])
    #expect(!zh.isEmpty && !en.isEmpty && zh != en)
    #expect(zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "Chinese text without Chinese")
    #expect(Self.placeholders(zh) == Self.placeholders(en))
  }

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
    let keys = Set(Self.exceptions.map(\.key) + Self.problems.map(\.key))
    #expect(keys.count == Self.exceptions.count + Self.problems.count, "two cases share a key")
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
    #expect(AssignmentMessages.text(.swapUnknownUnit, .en, [:]) == "no unit '{unit}'")
  }
}
