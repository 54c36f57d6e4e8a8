import PilotEvalCore
import PilotEvalXML
import Testing

private typealias R = RubricDocument

/// A rubric whose only criterion is measured by `select`, plus `extra`.
private func measured(_ select: String, extra: String = "") -> String {
  R.make(
    body: """
        <section id="S1" title="一">
          <criterion id="C1" title="指标" points="4">
            <scale from="0" to="1"/>
            <measure select="\(select)"/>
          </criterion>
        </section>
      """, extra: extra)
}

@Suite("SPEC v1.1 refusals: huge numbers, variables, XPath that fails, ambiguous prefixes")
struct RubricRefusalV11Tests {
  static let cases: [RefusalCase] = [
    // MARK: Numbers of magnitude 10^12 or more
    RefusalCase(
      name: "criterion points of 10^12",
      document: R.criterion("      <judgement/>", attributes: #"id="C1" title="指标" points="1000000000000""#),
      at: #"<criterion id="C1""#, says: "too large"),
    RefusalCase(
      name: "a deduction of 400 digits",
      document: R.make(
        extra: """
            <deductions>
              <deduction id="D1" title="通报" points="\(String(repeating: "9", count: 400))"/>
            </deductions>
          """),
      at: #"<deduction id="D1""#, says: "too large"),
    RefusalCase(
      name: "a scale bound of -10^12",
      document: R.criterion(#"      <scale from="-1000000000000" to="1"/>"#), at: "<scale", says: "too large"),
    RefusalCase(
      name: "a band minimum of 10^15",
      document: R.criterion(#"      <bands><band min="1000000000000000" points="1"/></bands>"#), at: "<bands>",
      says: "too large"),
    RefusalCase(
      name: "a tier minimum of 10^12",
      document: R.make(
        tiers: """
            <tiers>
              <tier id="good" min="1000000000000.5">良好</tier>
              <tier id="fail" min="0">不合格</tier>
            </tiers>
          """),
      at: #"<tier id="good""#, says: "too large"),
    RefusalCase(
      name: "a bonus cap of 10^13",
      document: R.make(extra: #"  <bonuses cap="10000000000000"><bonus id="B1" title="表彰" points="1"/></bonuses>"#),
      at: "<bonuses", says: "too large"),
    RefusalCase(
      name: "an evidence minimum of 10^20",
      document: R.criterion(#"      <judgement/><evidence min="100000000000000000000"/>"#), at: "<judgement/>",
      says: "too large"),

    // MARK: Variables
    RefusalCase(
      name: "a variable in a measure", document: measured("$rate"), at: "<measure", subject: "C1",
      says: "variable '$rate'"),
    RefusalCase(
      name: "a variable in a veto",
      document: R.make(extra: #"  <vetoes><veto id="V1" title="事故" select="$major &gt; 0"/></vetoes>"#),
      at: #"<veto id="V1""#, subject: "V1", says: "variable '$major'"),
    RefusalCase(
      name: "a variable in a deduction",
      document: R.make(
        extra: #"  <deductions><deduction id="D1" title="通报" points="1" select="$n"/></deductions>"#),
      at: #"<deduction id="D1""#, subject: "D1", says: "variable '$n'"),
    RefusalCase(
      name: "a variable in a checklist item",
      document: R.criterion(
        #"      <checklist><item id="a" points="1" select="$x = 1">制度</item></checklist>"#),
      at: "<checklist>", subject: "C1", says: "variable '$x'"),

    // MARK: XPath that fails on the blank submission
    RefusalCase(
      name: "count() of a boolean in a veto",
      document: R.make(
        extra: #"  <vetoes><veto id="V1" title="事故" select="count(s:data/s:incident/@major &gt; 0) &gt; 0"/></vetoes>"#
      ),
      at: #"<veto id="V1""#, subject: "V1", says: "raises an error on a blank submission"),
    RefusalCase(
      name: "count(1) in a measure", document: measured("count(1)"), at: #"<criterion id="C1""#, subject: "C1",
      says: "raises an error on a blank submission"),
    RefusalCase(
      name: "sum() of a string in a deduction",
      document: R.make(
        extra: #"  <deductions><deduction id="D1" title="通报" points="1" select="sum('3')"/></deductions>"#),
      at: #"<deduction id="D1""#, subject: "D1", says: "raises an error on a blank submission"),
    RefusalCase(
      name: "a path step from a number in a checklist item",
      document: R.criterion(
        #"      <checklist><item id="a" points="1" select="count((1)/s:data) &gt; 0">制度</item></checklist>"#),
      at: "<checklist>", subject: "C1", says: "raises an error on a blank submission"),

    // MARK: Namespace declarations
    RefusalCase(
      name: "a prefix declared twice with different URIs",
      document: R.make(
        namespaces: """
            <namespace prefix="s" uri="urn:piloteval:submission:1"/>
            <namespace prefix="s" uri="urn:example:other"/>
          """),
      at: "urn:example:other", says: "declared twice"),
    RefusalCase(
      name: "a prefix declared twice with the same URI",
      document: R.make(
        namespaces: """
            <namespace prefix="s" uri="urn:piloteval:submission:1"/>
            <namespace prefix="s" uri="urn:piloteval:submission:1"/>
          """),
      at: "<namespace", occurrence: 2, says: "declared twice"),
    RefusalCase(
      name: "the xml prefix rebound",
      document: R.make(namespaces: #"  <namespace prefix="xml" uri="urn:example:other"/>"#), at: "<namespace",
      says: "reserved"),
    RefusalCase(
      name: "the xmlns prefix",
      document: R.make(namespaces: #"  <namespace prefix="xmlns" uri="urn:example:other"/>"#), at: "<namespace",
      says: "reserved"),
    RefusalCase(
      name: "an empty prefix",
      document: R.make(namespaces: #"  <namespace prefix="" uri="urn:example:other"/>"#), at: "<namespace",
      says: "NCName"),
    RefusalCase(
      name: "a prefix with a space",
      document: R.make(namespaces: #"  <namespace prefix="a b" uri="urn:example:other"/>"#), at: "<namespace",
      says: "NCName"),
    RefusalCase(
      name: "a prefix with a colon",
      document: R.make(namespaces: #"  <namespace prefix="a:b" uri="urn:example:other"/>"#), at: "<namespace",
      says: "NCName"),
  ]

  @Test("is refused with FILE:LINE (and the id where there is one)", arguments: cases)
  func refused(_ rubric: RefusalCase) throws {
    guard case .failure(let refusal) = RubricReader.load(bytes: rubric.document.bytes, file: "bad.xml") else {
      Issue.record("the rubric loaded; expected a refusal that says '\(rubric.says)'")
      return
    }
    let diagnostic = try #require(
      refusal.diagnostics.errors.first { $0.message.contains(rubric.says) },
      "no error says '\(rubric.says)':\n\(refusal.diagnostics.listing)")
    #expect(diagnostic.file == "bad.xml")
    #expect(diagnostic.line == rubric.line, "\(diagnostic)")
    if let subject = rubric.subject { #expect(diagnostic.subject == subject) }
  }

  @Test(
    "what v1.1 still accepts: numbers just below 10^12, a prefix with a dot or CJK, XPath that is false on blank data",
    arguments: [
      R.criterion("      <judgement/>", attributes: #"id="C1" title="指标" points="999999999999.99""#),
      R.make(namespaces: #"  <namespace prefix="s.1" uri="urn:piloteval:submission:1"/>"#),
      R.make(namespaces: #"  <namespace prefix="提交" uri="urn:piloteval:submission:1"/>"#),
      measured("number(s:data/s:metric) div 0"),
      measured("sum(s:data/s:metric/@v) + count(s:data/*)"),
      R.make(extra: #"  <vetoes><veto id="V1" title="事故" select="s:data/s:incidents/@major &gt; 0"/></vetoes>"#),
    ])
  func accepted(_ document: String) {
    if case .failure(let refusal) = RubricReader.load(bytes: document.bytes, file: "ok.xml") {
      Issue.record("refused:\n\(refusal.diagnostics.listing)")
    }
  }
}
