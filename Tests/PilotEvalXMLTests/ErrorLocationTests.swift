import PilotEvalCore
import PilotEvalXML
import Testing

private typealias S = SubmissionDocument

/// A malformed document, with where its first error must be reported.
struct Malformed: CustomTestStringConvertible, Sendable {
  var name: String
  var document: String
  var line: Int
  var column: Int
  var testDescription: String { name }
}

@Suite("Errors are located by line and column")
struct ErrorLocationTests {
  static let malformed: [Malformed] = [
    Malformed(
      name: "an unquoted attribute value",
      document: """
        <?xml version="1.0" encoding="UTF-8"?>
        <submission xmlns="urn:piloteval:submission:1" rubric="jgsw-pilot" rubric-version="2022.1">
          <unit id=GX-NN-01>南宁</unit>
        </submission>
        """,
      line: 3, column: 12),
    Malformed(
      name: "an entity reference without its semicolon",
      document: """
        <?xml version="1.0" encoding="UTF-8"?>
        <submission xmlns="urn:piloteval:submission:1" rubric="jgsw-pilot" rubric-version="2022.1">
          <unit id="GX-NN-01">南宁 &amp 北海</unit>
        </submission>
        """,
      line: 3, column: 30),
    Malformed(
      name: "a mismatched end tag",
      document: """
        <?xml version="1.0" encoding="UTF-8"?>
        <submission xmlns="urn:piloteval:submission:1" rubric="jgsw-pilot" rubric-version="2022.1">
          <unit id="GX-NN-01">南宁</unti>
        </submission>
        """,
      line: 3, column: 32),
    Malformed(
      name: "a second root element",
      document: """
        <?xml version="1.0" encoding="UTF-8"?>
        <submission xmlns="urn:piloteval:submission:1" rubric="jgsw-pilot" rubric-version="2022.1">
        </submission>
        <submission/>
        """,
      line: 4, column: 1),
  ]

  /// Columns count characters, not bytes (the Chinese before an error moves it
  /// by one column each); libxml2 points where it noticed the error: at the
  /// character that cannot go on, or just past a mismatched end tag.
  @Test("a malformed document reports the line and column of its first error", arguments: malformed)
  func malformedDocument(_ broken: Malformed) throws {
    let errors = S.reject(broken.document)
    let first = try #require(errors.first)
    #expect(first.line == broken.line, "\(errors.listing)")
    #expect(first.column == broken.column, "\(errors.listing)")
    #expect(first.file == "sub.xml")
    #expect(first.description.hasPrefix("sub.xml:\(broken.line):\(broken.column): error: "))
  }

  /// A submission of `lines` lines whose last lines are `tail`.
  static func long(lines: Int, tail: [String]) -> String {
    var text = [
      #"<?xml version="1.0" encoding="UTF-8"?>"#,
      #"<submission xmlns="urn:piloteval:submission:1" rubric="jgsw-pilot" rubric-version="2022.1">"#,
      #"  <unit id="GX-NN-01">南宁市机关事务管理局</unit>"#,
      #"  <round id="2022H1"/>"#,
    ]
    text += Array(repeating: "  <!-- 说明 -->", count: lines - text.count - tail.count)
    text += tail
    return text.joined(separator: "\n")
  }

  @Test("a parser error past line 65535 keeps its line")
  func bigLineParserError() throws {
    let document = Self.long(lines: 70_000, tail: ["  <note>", "</submission>"])
    #expect(document.split(separator: "\n", omittingEmptySubsequences: false).count == 70_000)
    let errors = S.reject(document)
    let first = try #require(errors.first)
    #expect(first.line == 70_000, "\(errors.listing)")
  }

  /// What may follow an element on line 69,999: libxml2 stores element lines in
  /// 16 bits and, past 65535, guesses from the first child or the next sibling,
  /// which may start on a later line.
  static let followers: [(name: String, lines: [String])] = [
    ("an end tag on the next line", [#"  <response criterion="J1" points="lots"/>"#, "</submission>"]),
    ("blank lines", [#"  <response criterion="J1" points="lots"/>"#, "", "", "</submission>"]),
    ("a sibling on the same line", [#"  <response criterion="J1" points="lots"/><note/>"#, "</submission>"]),
    ("text on the same line", [#"  <response criterion="J1" points="lots"/> 说明"#, "</submission>"]),
    (
      "children on the next line",
      [#"  <response criterion="J1" points="lots">"#, "    <note>说明</note>", "  </response>", "</submission>"]
    ),
    (
      "a child on the same line",
      [#"  <response criterion="J1" points="lots"><note>说明</note>"#, "  </response>", "</submission>"]
    ),
  ]

  @Test("an element past line 65535 keeps its line, whatever follows it", arguments: followers)
  func bigLineElement(name: String, lines: [String]) throws {
    let document = Self.long(lines: 70_000, tail: lines)
    let expected = 70_000 - lines.count + 1 + lines.firstIndex { $0.contains("<response") }!
    #expect(expected > 65_535)
    let errors = S.reject(document)
    #expect(errors.map(\.line) == [expected], "\(errors.listing)")
  }

  @Test("a response past line 65535 is read with its line")
  func bigLineResponse() throws {
    let document = Self.long(
      lines: 70_000, tail: [#"  <response criterion="J1" points="3"/>"#, "</submission>"])
    let submission = try S.accept(document)
    #expect(submission.responses.first?.line == 69_999)
    #expect(submission.line == 2)
  }
}
