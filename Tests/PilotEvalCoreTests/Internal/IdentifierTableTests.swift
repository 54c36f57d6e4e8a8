import Testing

@testable import PilotEvalCore

/// The rubric's id lookup: every id found at its position, anything else not,
/// with ids compared as Swift strings compare them (docs/DECISIONS.md).
@Suite("identifier table: positions of a rubric's ids")
struct IdentifierTableTests {
  @Test("each id is found at its position; an unknown id, a prefix and the empty string are not")
  func positions() {
    let table = IdentifierTable(["C1.1", "C1.2", "C2.1"])
    #expect(table.position(of: "C1.1") == 0)
    #expect(table.position(of: "C1.2") == 1)
    #expect(table.position(of: "C2.1") == 2)
    #expect(table.position(of: "C3.1") == nil)
    #expect(table.position(of: "C1") == nil)
    #expect(table.position(of: "") == nil)
  }

  @Test("an id listed twice keeps its first position, as the dictionary it replaces did")
  func firstPositionWins() {
    let table = IdentifierTable(["A", "B", "A"])
    #expect(table.position(of: "A") == 0)
    #expect(table.position(of: "B") == 1)
  }

  @Test("thousands of ids, each found once among the collisions of a full table")
  func manyIDs() {
    let ids = (0..<5_000).map { "C\($0 / 100).\($0 % 100)" }
    let table = IdentifierTable(ids)
    for (position, id) in ids.enumerated() { #expect(table.position(of: id) == position) }
    #expect(table.position(of: "C50.0") == nil)
    #expect(table.position(of: "C0.100") == nil)
  }

  @Test("an empty table answers nil")
  func empty() {
    #expect(IdentifierTable([]).position(of: "C1") == nil)
  }

  @Test("canonically equivalent keys find the id, composed or not, either way round")
  func canonicalEquivalence() {
    let composed = "C-\u{E9}"  // é as one code point
    let decomposed = "C-e\u{301}"  // e + combining acute
    #expect(IdentifierTable(["A", composed]).position(of: decomposed) == 1)
    #expect(IdentifierTable(["A", decomposed]).position(of: composed) == 1)
    // U+212A KELVIN SIGN is canonically equivalent to the ASCII letter K.
    #expect(IdentifierTable(["J", "K"]).position(of: "\u{212A}") == 1)
    #expect(IdentifierTable(["J", "\u{212A}"]).position(of: "K") == 1)
    #expect(IdentifierTable(["\u{5B9A}\u{6027}"]).position(of: "\u{5B9A}\u{6027}") == 0)
    #expect(IdentifierTable(["\u{5B9A}\u{6027}"]).position(of: "\u{5B9A}") == nil)
  }
}
