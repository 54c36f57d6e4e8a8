import Testing

@testable import PilotEvalPortal
@testable import PilotEvalReports

/// The portal's pages and the reports escape text by one rule (XMLEscape): the same
/// output for every nasty input, shown case by case.
@Suite("One escaper for text in markup")
struct EscapingTests {
  /// An input, and what both escapers must write for it.
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var input: String
    var escaped: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "markup characters", input: #"<a href="x" title='y'>&amp;</a>"#,
      escaped: "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;"),
    Case(name: "line breaks and tab as references", input: "一\n二\r\n三\t四", escaped: "一&#10;二&#13;&#10;三&#9;四"),
    Case(name: "C0 controls", input: "a\u{0}b\u{1B}c\u{7}d", escaped: "a\u{FFFD}b\u{FFFD}c\u{FFFD}d"),
    Case(name: "DEL and C1 controls", input: "a\u{7F}b\u{85}c\u{9F}d", escaped: "a\u{FFFD}b\u{FFFD}c\u{FFFD}d"),
    Case(name: "noncharacters U+FFFE and U+FFFF", input: "a\u{FFFE}b\u{FFFF}c", escaped: "a\u{FFFD}b\u{FFFD}c"),
    // A Swift string cannot hold a lone surrogate: decoding repairs it to U+FFFD first.
    Case(
      name: "a lone surrogate, as decoded", input: String(decoding: [0x41, 0xD800, 0x42] as [UInt16], as: UTF16.self),
      escaped: "A\u{FFFD}B"),
    Case(name: "Chinese, emoji and a character reference's text", input: "区县👍&#x3C;", escaped: "区县👍&amp;#x3C;"),
    Case(name: "empty", input: "", escaped: ""),
  ]

  @Test("the portal's escaper writes what the reports' escaper writes", arguments: cases)
  func sameOutput(_ example: Case) {
    #expect(XMLEscape.escape(example.input) == example.escaped)
    #expect(SafeHTML.escape(example.input) == example.escaped)
  }

  @Test("text interpolated into a page goes through the same rule", arguments: cases)
  func interpolation(_ example: Case) {
    let page: SafeHTML = "<p title=\"\(example.input)\">\(example.input)</p>"
    #expect(page.html == "<p title=\"\(example.escaped)\">\(example.escaped)</p>")
  }
}
