import PilotEvalCore
import PilotEvalXML
import Testing

private typealias R = RubricDocument

@Suite("Reading a rubric (SPEC §1)")
struct RubricReaderTests {
  // MARK: - Structure

  static let structured = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rubric xmlns="urn:piloteval:rubric:1" id="jgsw-pilot" version="2022.1">
      <title>机关事务标准化试点评估计分表</title>
      <namespace prefix="s" uri="urn:piloteval:submission:1"/>
      <tiers>
        <tier id="exemplary" min="90" section-floor="0.6">示范</tier>
        <tier id="good" min="80">良好</tier>
        <tier id="fail" min="0">不合格</tier>
      </tiers>
      <aggregation method="trimmed-mean"/>
      <tiebreak><by section="S2"/><by section="S1.1"/></tiebreak>
      <section id="S1" title="组织管理">
        <criterion id="C1" title="领导小组" points="2"><judgement step="0.5"/></criterion>
        <section id="S1.1" title="制度">
          <section id="S1.1.1" title="台账">
            <criterion id="C2" title="覆盖率" points="3"><scale from="0.6" to="0.95"/><evidence/></criterion>
          </section>
          <criterion id="C3" title="节能" points="1.5">
            <bands><band min="100" points="1.5"/><band min="50" max="100" points="0.75"/></bands>
            <measure select="number(s:data/s:metric[@name='energy'])"/>
            <evidence min="2"/>
          </criterion>
        </section>
        <criterion id="C4" title="制度清单" points="2">
          <checklist>
            <item id="a" points="1">制度</item>
            <item id="b" points="1" select="boolean(s:data/s:flag[@name='b'])">台账</item>
          </checklist>
          <evidence min="0"/>
        </criterion>
      </section>
      <section id="S2" title="公务用车">
        <criterion id="C5" title="车辆管理" points="0.25" applicable="optional" key="true">
          <levels><level code="A" points="0.25">规范</level><level code="B" points="0">不规范</level></levels>
        </criterion>
      </section>
      <vetoes><veto id="V1" title="重大事故" select="s:data/s:incidents/@major &gt; 0"/></vetoes>
      <bonuses>
        <bonus id="B1" title="国家级表彰" points="2"/>
        <bonus id="B2" title="省级表彰" points="1.5"/>
      </bonuses>
      <deductions cap="3"><deduction id="D1" title="投诉" points="1" select="count(s:data/s:complaint)"/></deductions>
    </rubric>
    """

  static func load(_ document: String) throws -> LoadedRubric {
    switch RubricReader.load(bytes: document.bytes, file: "rubric.xml") {
    case .success(let loaded): return loaded
    case .failure(let refusal):
      Issue.record("refused:\n\(refusal.diagnostics.listing)")
      throw refusal
    }
  }

  @Test("a good rubric loads with its header, tiers and aggregation")
  func header() throws {
    let loaded = try Self.load(Self.structured)
    let rubric = loaded.rubric
    #expect(loaded.warnings.isEmpty, "\(loaded.warnings.listing)")
    #expect(rubric.id == "jgsw-pilot")
    #expect(rubric.version == "2022.1")
    #expect(rubric.title == "机关事务标准化试点评估计分表")
    #expect(rubric.namespaces == [NamespaceBinding(prefix: "s", uri: "urn:piloteval:submission:1")])
    #expect(rubric.tiers.map(\.id) == ["exemplary", "good", "fail"])
    #expect(rubric.tiers.map(\.min) == [90, 80, 0])
    #expect(rubric.tiers.map(\.sectionFloor) == [0.6, nil, nil])
    #expect(rubric.tiers.map(\.name) == ["示范", "良好", "不合格"])
    #expect(rubric.tiebreak == ["S2", "S1.1"])
  }

  @Test("sections come parents before children, each holding its criteria at any depth")
  func sections() throws {
    let rubric = try Self.load(Self.structured).rubric
    #expect(rubric.sections.map(\.id) == ["S1", "S1.1", "S1.1.1", "S2"])
    #expect(rubric.sections.map(\.parent) == [nil, 0, 1, nil])
    #expect(rubric.sections.map(\.depth) == [0, 1, 2, 0])
    #expect(rubric.sections.map(\.criteria) == [[0, 1, 2, 3], [1, 2], [1], [4]])
    #expect(rubric.topLevelSections.map(\.id) == ["S1", "S2"])
    #expect(rubric.criteria.map(\.id) == ["C1", "C2", "C3", "C4", "C5"])
    #expect(rubric.criteria.map(\.section) == [0, 2, 1, 0, 3])
    #expect(rubric.sections[2].line == line(of: #"<section id="S1.1.1""#, in: Self.structured))
    #expect(rubric.criteria[2].line == line(of: #"<criterion id="C3""#, in: Self.structured))
  }

  @Test("the total is the sum of criterion points; methods and flags are read")
  func criteria() throws {
    let rubric = try Self.load(Self.structured).rubric
    #expect(rubric.total == 2 + 3 + 1.5 + 2 + 0.25)
    let c = rubric.criteria
    #expect(c[0].method == .judgement(step: 0.5))
    #expect(c[1].method == .scale(from: 0.6, to: 0.95))
    #expect(c[2].method == .bands([Band(min: 100, max: nil, points: 1.5), Band(min: 50, max: 100, points: 0.75)]))
    #expect(c[2].measure == "number(s:data/s:metric[@name='energy'])")
    #expect(
      c[3].method
        == .checklist([
          ChecklistItem(id: "a", points: 1, text: "制度", line: 26),
          ChecklistItem(id: "b", points: 1, text: "台账", select: "boolean(s:data/s:flag[@name='b'])", line: 27),
        ]))
    #expect(
      c[4].method == .levels([Level(code: "A", points: 0.25, text: "规范"), Level(code: "B", points: 0, text: "不规范")]))
    #expect(c.map(\.isOptional) == [false, false, false, false, true])
    #expect(c.map(\.isKey) == [false, false, false, false, true])
    #expect(c.map(\.title) == ["领导小组", "覆盖率", "节能", "制度清单", "车辆管理"])
  }

  @Test("defaults: <evidence/> means 1, no <evidence> means 0, trim is 1, bonuses without cap are uncapped")
  func defaults() throws {
    let rubric = try Self.load(Self.structured).rubric
    #expect(rubric.criteria.map(\.minimumEvidence) == [0, 1, 2, 0, 0])
    #expect(rubric.aggregation == .trimmedMean(1))
    #expect(rubric.bonusCap == nil)
    #expect(rubric.effectiveBonusCap == 3.5)
    #expect(rubric.deductionCap == 3)
    #expect(rubric.bonuses.map(\.id) == ["B1", "B2"])
    #expect(
      rubric.deductions == [Adjustment(id: "D1", title: "投诉", points: 1, select: "count(s:data/s:complaint)", line: 42)]
    )
    #expect(rubric.vetoes == [Veto(id: "V1", title: "重大事故", select: "s:data/s:incidents/@major > 0", line: 37)])
  }

  @Test(
    "aggregation is read as written, mean by default",
    arguments: [
      ("", Aggregation.mean),
      (#"<aggregation method="mean"/>"#, .mean),
      (#"<aggregation method="median"/>"#, .median),
      (#"<aggregation method="trimmed-mean"/>"#, .trimmedMean(1)),
      (#"<aggregation method="trimmed-mean" trim="2"/>"#, .trimmedMean(2)),
      (#"<aggregation method="trimmed-mean" trim="0"/>"#, .trimmedMean(0)),
    ])
  func aggregation(element: String, expected: Aggregation) throws {
    let rubric = try Self.load(R.make(extra: "  " + element)).rubric
    #expect(rubric.aggregation == expected)
  }

  @Test("an evidence min rounds up to whole items")
  func fractionalEvidence() throws {
    let rubric = try Self.load(R.criterion("      <judgement/>\n      <evidence min=\"1.5\"/>")).rubric
    #expect(rubric.criteria[0].minimumEvidence == 2)
  }

  // MARK: - Ids in different scopes

  @Test("the same id may appear in different scopes")
  func scopes() throws {
    let document = R.make(
      tiers: """
          <tiers>
            <tier id="S1" min="60">良好</tier>
            <tier id="fail" min="0">不合格</tier>
          </tiers>
        """,
      body: """
          <section id="S1" title="一">
            <criterion id="C1" title="甲" points="4"><levels><level code="A" points="4"/></levels></criterion>
            <criterion id="C2" title="乙" points="4"><levels><level code="A" points="4"/></levels></criterion>
            <criterion id="C3" title="丙" points="2"><checklist><item id="a" points="2"/></checklist></criterion>
            <criterion id="C4" title="丁" points="2"><checklist><item id="a" points="2"/></checklist></criterion>
          </section>
        """,
      extra: """
          <vetoes><veto id="X1" title="否决"/></vetoes>
          <bonuses cap="5"><bonus id="X1" title="加分" points="1"/></bonuses>
          <deductions><deduction id="X1" title="扣分" points="1"/></deductions>
        """)
    let rubric = try Self.load(document).rubric
    #expect(rubric.criteria.count == 4)
    #expect(rubric.vetoes.map(\.id) == ["X1"])
    #expect(rubric.bonuses.map(\.id) == ["X1"])
    #expect(rubric.deductions.map(\.id) == ["X1"])
  }

  // MARK: - Warnings, not refusals

  @Test("an item worth more than its criterion is a warning, not a refusal")
  func itemAboveCriterion() throws {
    let document = R.criterion(
      """
            <checklist>
              <item id="a" points="5">制度</item>
            </checklist>
      """)
    let loaded = try Self.load(document)
    let warning = try #require(loaded.warnings.first { $0.message.contains("more than the criterion's 4") })
    #expect(warning.severity == .warning)
    #expect(warning.line == line(of: #"<item id="a""#, in: document))
    #expect(warning.subject == "C1")
    #expect(warning.file == "rubric.xml")
  }

  @Test("a bonus or deduction above its cap is a warning, not a refusal")
  func aboveCap() throws {
    let document = R.make(
      extra: """
          <bonuses cap="3">
            <bonus id="B1" title="国家级表彰" points="5"/>
          </bonuses>
          <deductions cap="2">
            <deduction id="D1" title="通报" points="4"/>
          </deductions>
        """)
    let loaded = try Self.load(document)
    let bonus = try #require(loaded.warnings.first { $0.subject == "B1" }, "\(loaded.warnings.listing)")
    #expect(bonus.line == line(of: #"<bonus id="B1""#, in: document))
    #expect(bonus.message.contains("more than the cap 3"))
    let deduction = try #require(loaded.warnings.first { $0.subject == "D1" }, "\(loaded.warnings.listing)")
    #expect(deduction.line == line(of: #"<deduction id="D1""#, in: document))
    #expect(loaded.rubric.bonusCap == 3)
    #expect(loaded.rubric.effectiveBonusCap == 3)
  }

  @Test("elements and attributes SPEC does not name are ignored")
  func forwardCompatible() throws {
    let document = R.make(
      body: """
          <section id="S1" title="一" weight="3">
            <description>说明</description>
            <criterion id="C1" title="指标" points="4" owner="办公室">
              <hint>提示</hint>
              <levels><level code="A" points="4" colour="green"/></levels>
            </criterion>
            <x:extension xmlns:x="urn:vendor"><x:criterion id="C1" points="-9"/></x:extension>
          </section>
        """,
      extra: #"  <future-element attribute="1"/>"#)
    let loaded = try Self.load(document)
    #expect(loaded.warnings.isEmpty, "\(loaded.warnings.listing)")
    #expect(loaded.rubric.criteria.map(\.id) == ["C1"])
  }

  // MARK: - XPath that must not be mistaken for an error

  @Test(
    "valid XPath is accepted, whatever its string literals hold",
    arguments: [
      "boolean(s:data/s:flag[@name='x:y' and @on='yes'])",
      "number(s:data/s:metric[@name='frobnicate(1)'])",
      #"count(s:data/s:metric[@name="q:r"])"#,
      "s:data/s:incidents/@major > 0",
      "boolean(child::s:data/descendant-or-self::node()/text())",
      "string-length(normalize-space(s:data/s:note)) > 0",
      "count(s:data/s:*) div 2 mod 3 = 0",
      "sum(s:data/s:metric) - count(s:data/s:metric) >= 1.5",
      "not(starts-with(local-name(.), 'sub')) or self::s:submission",
      "boolean(/s:submission/s:data/s:flag[position() = last()])",
    ])
  func validXPath(_ expression: String) throws {
    let escaped = expression.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: "\"", with: "&quot;")
    let document = R.make(
      extra: """
          <vetoes>
            <veto id="V1" title="否决" select="\(escaped)"/>
          </vetoes>
        """)
    let rubric = try Self.load(document).rubric
    #expect(rubric.vetoes.first?.select == expression)
  }

  // MARK: - Numbers out of range

  // Both numbers match SPEC's grammar. Converting them with `Int(_: Double)`
  // traps past Int.max; the reader must refuse or warn, never take the process down.
  // These run in a child process (exit tests) so a crash fails one test, not the run.

  @Test("an absurdly large evidence min does not crash the reader")
  func hugeEvidenceMinimum() async {
    await #expect(processExitsWith: .success) {
      let document = RubricDocument.criterion(
        "      <judgement/>\n      <evidence min=\"100000000000000000000\"/>")
      _ = RubricReader.load(bytes: Array(document.utf8), file: "huge.xml")
    }
  }

  @Test("an absurdly large trim does not crash the reader")
  func hugeTrim() async {
    await #expect(processExitsWith: .success) {
      let document = RubricDocument.make(extra: #"  <aggregation method="trimmed-mean" trim="100000000000000000000"/>"#)
      _ = RubricReader.load(bytes: Array(document.utf8), file: "huge.xml")
    }
  }
}
