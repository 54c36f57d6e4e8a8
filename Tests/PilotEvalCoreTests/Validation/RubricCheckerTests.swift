import PilotEvalCore
import Testing

/// SPEC §1's rubric rules judged in Core, on elements as any reader would hand them over: no XML involved.
@Suite("§1 rubric checker in Core")
struct RubricCheckerTests {
  static let ns = "urn:piloteval:rubric:1"

  /// Answers the XML questions without libxml2: every prefix is a name; `bad(` does not compile.
  struct PlainSyntax: RubricSyntax {
    func isNCName(_ name: String) -> Bool { !name.contains(":") }
    func problems(in source: String, namespaces: [NamespaceBinding]) -> [XPathProblem] {
      source.contains("bad(") ? [.doesNotCompile] : []
    }
  }

  static func node(
    _ name: String, line: Int, _ attributes: [String: String] = [:], text: String = "", _ children: [RubricNode] = []
  ) -> RubricNode {
    RubricNode(name: name, namespace: ns, line: line, attributes: attributes, text: text, children: children)
  }

  static func rubric(criterion: RubricNode) -> RubricNode {
    node(
      "rubric", line: 1, ["id": "r", "version": "1"],
      [
        node(
          "tiers", line: 2, [:],
          [node("tier", line: 3, ["id": "pass", "min": "60"]), node("tier", line: 4, ["id": "fail", "min": "0"])]),
        node("section", line: 5, ["id": "S1", "title": "组织"], [criterion]),
      ])
  }

  @Test("a sound rubric gives its Rubric and no diagnostics")
  func sound() throws {
    var checker = RubricChecker(namespace: Self.ns, syntax: PlainSyntax())
    let criterion = Self.node("criterion", line: 6, ["id": "C1", "points": "4"], [Self.node("judgement", line: 7)])
    let checked = checker.check(Self.rubric(criterion: criterion))
    let rubric = try #require(checked)
    #expect(checker.diagnostics.isEmpty)
    #expect(rubric.criteria.map(\.id) == ["C1"])
    #expect(rubric.tiers.map(\.id) == ["pass", "fail"])
    #expect(rubric.total == 4)
  }

  @Test("a flat scale is refused at its line, in both languages")
  func flatScale() {
    var checker = RubricChecker(namespace: Self.ns, syntax: PlainSyntax())
    let criterion = Self.node(
      "criterion", line: 6, ["id": "C1", "points": "4"], [Self.node("scale", line: 7, ["from": "3", "to": "3"])])
    _ = checker.check(Self.rubric(criterion: criterion))
    #expect(checker.diagnostics.map(\.line) == [7])
    #expect(checker.diagnostics.first?.text(in: .zh) == "指标 C1 的 scale 起止相同（“3”），无法计分")
    #expect(
      checker.diagnostics.first?.text(in: .en) == "the scale of criterion C1 has from = to ('3'): it cannot be scored")
  }

  @Test("an XPath the syntax cannot compile is refused with the expression quoted")
  func xpathFromSyntax() {
    var checker = RubricChecker(namespace: Self.ns, syntax: PlainSyntax())
    let criterion = Self.node(
      "criterion", line: 6, ["id": "C1", "points": "4"],
      [Self.node("scale", line: 7, ["from": "0", "to": "1"]), Self.node("measure", line: 8, ["select": "bad("])])
    _ = checker.check(Self.rubric(criterion: criterion))
    #expect(checker.diagnostics.map(\.line) == [8])
    #expect(checker.diagnostics.first?.content.key == .rubricXPathCompile)
  }

  @Test("a root that is not a rubric gives no Rubric and one error")
  func wrongRoot() {
    var checker = RubricChecker(namespace: Self.ns, syntax: PlainSyntax())
    #expect(checker.check(RubricNode(name: "submission", namespace: Self.ns, line: 2)) == nil)
    #expect(checker.diagnostics.map(\.line) == [2])
    #expect(checker.diagnostics.first?.content.key == .rubricRootElement)
  }
}
