import PilotEvalCore
import PilotEvalXML
import Testing

/// One way a rubric breaks SPEC §1, with where the refusal must point.
struct RefusalCase: CustomTestStringConvertible, Sendable {
  /// What is wrong, as the test names it.
  var name: String
  /// The whole rubric document.
  var document: String
  /// Text on the line the diagnostic must name.
  var at: String
  /// Which occurrence of `at` (1-based).
  var occurrence = 1
  /// The id the diagnostic must name, where there is one.
  var subject: String?
  /// A fragment the message must contain.
  var says: String

  var testDescription: String { name }
  var line: Int { PilotEvalXMLTests.line(of: at, in: document, occurrence: occurrence) }
}

private typealias R = RubricDocument

@Suite("A rubric is refused (SPEC §1), located by line and id")
struct RubricRefusalTests {
  static let cases: [RefusalCase] = [
    // MARK: Well-formedness
    RefusalCase(
      name: "not well-formed XML",
      document: R.make(
        body: """
            <section id="S1" title="一">
              <criterion id="C1" title="指标" points="4"><judgement/></criterion>
            </sectoin>
          """),
      at: "</sectoin>", says: "does not match the start tag <section>"),

    // MARK: Ids repeat within their scope
    RefusalCase(
      name: "a criterion repeats a section's id",
      document: R.make(
        body: """
            <section id="S1" title="一">
              <criterion id="C1" title="指标" points="4"><judgement/></criterion>
            </section>
            <section id="S2" title="二">
              <criterion id="S1" title="指标" points="4"><judgement/></criterion>
            </section>
          """),
      at: #"<criterion id="S1""#, subject: "S1", says: "duplicate id 'S1'"),
    RefusalCase(
      name: "two criteria in different sections share an id",
      document: R.make(
        body: """
            <section id="S1" title="一">
              <criterion id="C1" title="指标" points="4"><judgement/></criterion>
            </section>
            <section id="S2" title="二">
              <criterion id="C1" title="指标" points="4"><judgement/></criterion>
            </section>
          """),
      at: #"<criterion id="C1""#, occurrence: 2, subject: "C1", says: "duplicate id 'C1'"),
    RefusalCase(
      name: "a nested section repeats its parent's id",
      document: R.make(
        body: """
            <section id="S1" title="一">
              <section id="S1" title="一.一">
                <criterion id="C1" title="指标" points="4"><judgement/></criterion>
              </section>
            </section>
          """),
      at: #"<section id="S1""#, occurrence: 2, subject: "S1", says: "duplicate id 'S1'"),
    RefusalCase(
      name: "two tiers share an id",
      document: R.make(
        tiers: """
            <tiers>
              <tier id="good" min="80">良好</tier>
              <tier id="good" min="60">合格</tier>
              <tier id="fail" min="0">不合格</tier>
            </tiers>
          """),
      at: #"<tier id="good" min="60""#, subject: "good", says: "duplicate tier id 'good'"),
    RefusalCase(
      name: "two vetoes share an id",
      document: R.make(
        extra: """
            <vetoes>
              <veto id="V1" title="安全事故"/>
              <veto id="V1" title="弄虚作假"/>
            </vetoes>
          """),
      at: "弄虚作假", subject: "V1", says: "duplicate veto id 'V1'"),
    RefusalCase(
      name: "two bonuses share an id",
      document: R.make(
        extra: """
            <bonuses cap="5">
              <bonus id="B1" title="国家级表彰" points="3"/>
              <bonus id="B1" title="省级表彰" points="2"/>
            </bonuses>
          """),
      at: "省级表彰", subject: "B1", says: "duplicate bonus id 'B1'"),
    RefusalCase(
      name: "two deductions share an id",
      document: R.make(
        extra: """
            <deductions cap="10">
              <deduction id="D1" title="通报批评" points="1"/>
              <deduction id="D1" title="约谈" points="2"/>
            </deductions>
          """),
      at: "约谈", subject: "D1", says: "duplicate deduction id 'D1'"),
    RefusalCase(
      name: "a level code repeats within its criterion",
      document: R.criterion(
        """
              <levels>
                <level code="A" points="4">健全</level>
                <level code="A" points="2">基本健全</level>
              </levels>
        """),
      at: "基本健全", subject: "C1", says: "level code 'A' repeats"),
    RefusalCase(
      name: "a checklist item id repeats within its criterion",
      document: R.criterion(
        """
              <checklist>
                <item id="a" points="2">制度</item>
                <item id="a" points="2">台账</item>
              </checklist>
        """),
      at: "台账", subject: "C1", says: "item id 'a' repeats"),

    // MARK: Methods
    RefusalCase(
      name: "a criterion has no scoring method",
      document: R.criterion("      <evidence min=\"1\"/>"),
      at: "<criterion", subject: "C1", says: "no scoring method"),
    RefusalCase(
      name: "a criterion has two scoring methods",
      document: R.criterion(
        """
              <levels><level code="A" points="4"/></levels>
              <judgement step="0.5"/>
        """),
      at: "<judgement", subject: "C1", says: "2 scoring methods"),

    // MARK: Points
    RefusalCase(
      name: "a criterion has negative points",
      document: R.criterion("      <judgement/>", attributes: #"id="C1" title="指标" points="-4""#),
      at: "<criterion", subject: "C1", says: "negative points '-4'"),
    RefusalCase(
      name: "a level has negative points",
      document: R.criterion(
        """
              <levels>
                <level code="A" points="4">健全</level>
                <level code="B" points="-1">缺失</level>
              </levels>
        """),
      at: "缺失", subject: "C1", says: "negative points '-1'"),
    RefusalCase(
      name: "a band has negative points",
      document: R.criterion(
        """
              <bands>
                <band min="10" points="4"/>
                <band max="10" points="-0.5"/>
              </bands>
        """),
      at: #"<band max="10""#, subject: "C1", says: "negative points '-0.5'"),
    RefusalCase(
      name: "a checklist item has negative points",
      document: R.criterion(
        """
              <checklist>
                <item id="a" points="4">制度</item>
                <item id="b" points="-1">台账</item>
              </checklist>
        """),
      at: "台账", subject: "C1", says: "negative points '-1'"),
    RefusalCase(
      name: "a bonus has negative points",
      document: R.make(
        extra: """
            <bonuses cap="5">
              <bonus id="B1" title="表彰" points="-2"/>
            </bonuses>
          """),
      at: #"<bonus id="B1""#, subject: "B1", says: "negative points '-2'"),
    RefusalCase(
      name: "a deduction has negative points",
      document: R.make(
        extra: """
            <deductions>
              <deduction id="D1" title="通报" points="-1"/>
            </deductions>
          """),
      at: #"<deduction id="D1""#, subject: "D1", says: "negative points '-1'"),
    RefusalCase(
      name: "a level is worth more than its criterion",
      document: R.criterion(
        """
              <levels>
                <level code="A" points="4.5">健全</level>
                <level code="B" points="2">基本健全</level>
              </levels>
        """),
      at: #"<level code="A""#, subject: "C1", says: "more than the criterion's 4"),
    RefusalCase(
      name: "a band is worth more than its criterion",
      document: R.criterion(
        """
              <bands>
                <band min="100" points="6"/>
                <band min="50" max="100" points="3"/>
              </bands>
        """),
      at: #"<band min="100""#, subject: "C1", says: "more than the criterion's 4"),
    RefusalCase(
      name: "a scale has from = to (compared as numbers)",
      document: R.criterion(#"      <scale from="0.5" to="0.50"/>"#),
      at: "<scale", subject: "C1", says: "from = to"),

    // MARK: Tiers
    RefusalCase(
      name: "two tiers have the same min",
      document: R.make(
        tiers: """
            <tiers>
              <tier id="good" min="60">良好</tier>
              <tier id="pass" min="60">合格</tier>
              <tier id="fail" min="0">不合格</tier>
            </tiers>
          """),
      at: #"<tier id="pass""#, subject: "pass", says: "strictly descending"),
    RefusalCase(
      name: "tiers are in ascending order",
      document: R.make(
        tiers: """
            <tiers>
              <tier id="pass" min="60">合格</tier>
              <tier id="good" min="80">良好</tier>
              <tier id="fail" min="0">不合格</tier>
            </tiers>
          """),
      at: #"<tier id="good""#, subject: "good", says: "strictly descending"),
    RefusalCase(
      name: "the last tier does not start at 0",
      document: R.make(
        tiers: """
            <tiers>
              <tier id="good" min="60">良好</tier>
              <tier id="fail" min="10">不合格</tier>
            </tiers>
          """),
      at: #"<tier id="fail""#, subject: "fail", says: "not 0"),
    RefusalCase(
      name: "the last tier has a section floor",
      document: R.make(
        tiers: """
            <tiers>
              <tier id="good" min="60">良好</tier>
              <tier id="fail" min="0" section-floor="0.2">不合格</tier>
            </tiers>
          """),
      at: #"<tier id="fail""#, subject: "fail", says: "section floor"),

    // MARK: XPath
    RefusalCase(
      name: "a measure's XPath does not compile",
      document: R.criterion(
        """
              <scale from="0" to="1"/>
              <measure select="number(s:data/s:metric[@name='rate']"/>
        """),
      at: "<measure", subject: "C1", says: "does not compile"),
    RefusalCase(
      name: "a veto's XPath does not compile",
      document: R.make(
        extra: """
            <vetoes>
              <veto id="V1" title="事故" select="s:data/s:incidents/@major &gt;"/>
            </vetoes>
          """),
      at: #"<veto id="V1""#, subject: "V1", says: "does not compile"),
    RefusalCase(
      name: "a checklist item's XPath is empty",
      document: R.criterion(
        """
              <checklist>
                <item id="a" points="4" select="">制度</item>
              </checklist>
        """),
      at: #"<item id="a""#, subject: "C1", says: "does not compile"),
    RefusalCase(
      name: "a measure calls an unknown function",
      document: R.criterion(
        """
              <bands><band min="0" points="4"/></bands>
              <measure select="number(s:data/s:metric) + frobnicate(1)"/>
        """),
      at: "<measure", subject: "C1", says: "unknown function 'frobnicate()'"),
    RefusalCase(
      name: "an unknown function hides behind `or` (libxml2 never evaluates it)",
      document: R.make(
        extra: """
            <vetoes>
              <veto id="V1" title="事故" select="true() or frobnicate()"/>
            </vetoes>
          """),
      at: #"<veto id="V1""#, subject: "V1", says: "unknown function 'frobnicate()'"),
    RefusalCase(
      name: "a prefixed function does not exist",
      document: R.make(
        extra: """
            <deductions>
              <deduction id="D1" title="投诉" points="1" select="s:count(s:data/s:complaint)"/>
            </deductions>
          """),
      at: #"<deduction id="D1""#, subject: "D1", says: "unknown function 's:count()'"),
    RefusalCase(
      name: "an item's XPath uses an undeclared prefix",
      document: R.criterion(
        """
              <checklist>
                <item id="a" points="4" select="boolean(x:data/x:flag)">制度</item>
              </checklist>
        """),
      at: #"<item id="a""#, subject: "C1", says: "undeclared prefix 'x'"),
    RefusalCase(
      name: "an undeclared prefix hides behind `and` (libxml2 never evaluates it)",
      document: R.make(
        extra: """
            <vetoes>
              <veto id="V1" title="事故" select="false() and q:data/q:incidents/@major &gt; 0"/>
            </vetoes>
          """),
      at: #"<veto id="V1""#, subject: "V1", says: "undeclared prefix 'q'"),
    RefusalCase(
      name: "an undeclared prefix hides behind `or` (libxml2 never evaluates it)",
      document: R.criterion(
        """
              <checklist>
                <item id="a" points="4" select="true() or boolean(z:data/z:flag)">制度</item>
              </checklist>
        """),
      at: #"<item id="a""#, subject: "C1", says: "undeclared prefix 'z'"),
    RefusalCase(
      name: "a deduction's XPath uses an undeclared prefix",
      document: R.make(
        extra: """
            <deductions>
              <deduction id="D1" title="投诉" points="1" select="count(s:data/t:complaint)"/>
            </deductions>
          """),
      at: #"<deduction id="D1""#, subject: "D1", says: "undeclared prefix 't'"),

    // MARK: Tiebreak
    RefusalCase(
      name: "a tiebreak names an unknown section",
      document: R.make(
        extra: """
            <tiebreak>
              <by section="S1"/>
              <by section="S9"/>
            </tiebreak>
          """),
      at: #"<by section="S9""#, subject: "S9", says: "unknown section 'S9'"),
    RefusalCase(
      name: "a tiebreak names a criterion, not a section",
      document: R.make(
        extra: """
            <tiebreak>
              <by section="C1"/>
            </tiebreak>
          """),
      at: #"<by section="C1""#, subject: "C1", says: "unknown section 'C1'"),
  ]

  @Test("is refused with FILE:LINE and the id", arguments: cases)
  func refused(_ rubric: RefusalCase) throws {
    let result = RubricReader.load(bytes: rubric.document.bytes, file: "bad.xml")
    guard case .failure(let refusal) = result else {
      Issue.record("the rubric loaded; expected a refusal that says '\(rubric.says)'")
      return
    }
    #expect(refusal.file == "bad.xml")
    let errors = refusal.diagnostics.errors
    let diagnostic = try #require(
      errors.first { $0.message.contains(rubric.says) },
      "no error says '\(rubric.says)':\n\(refusal.diagnostics.listing)")
    #expect(diagnostic.file == "bad.xml")
    #expect(diagnostic.line == rubric.line, "\(diagnostic)")
    #expect(diagnostic.subject == rubric.subject, "\(diagnostic)")
    #expect(diagnostic.description.hasPrefix("bad.xml:\(rubric.line):"))
  }

  @Test("the documents these cases start from load cleanly")
  func baseline() {
    for document in [RubricDocument.make(), RubricDocument.criterion("      <judgement/>")] {
      guard case .success(let loaded) = RubricReader.load(bytes: document.bytes, file: "ok.xml") else {
        Issue.record("the baseline rubric is refused")
        continue
      }
      #expect(loaded.warnings.isEmpty, "\(loaded.warnings.listing)")
    }
  }

  @Test("a rubric file that cannot be read is refused with line 0")
  func unreadable() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let missing = scratch.path("missing.xml")
    guard case .failure(let refusal) = RubricReader.load(path: missing) else {
      Issue.record("a missing rubric loaded")
      return
    }
    #expect(refusal.diagnostics.errors.count == 1)
    #expect(refusal.diagnostics.first?.line == 0)
    #expect(refusal.diagnostics.first?.file == missing)
  }
}
