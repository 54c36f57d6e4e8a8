import Foundation
import PilotEvalCore
import Testing

@testable import PilotEvalXML

/// A rubric whose every XPath starts at the submission element with a relative
/// path into `<data>` (`s:data/s:metric[…]`): its submissions get the pruned tree,
/// and they score exactly as from the whole tree.
@Suite("Relative paths into <data>: pruned and whole trees score alike")
struct RelativePruningTests {
  static let rubricText = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rubric xmlns="urn:piloteval:rubric:1" id="rel" version="1">
      <title>相对路径细则</title>
      <namespace prefix="s" uri="urn:piloteval:submission:1"/>
      <tiers>
        <tier id="good" min="60">良好</tier>
        <tier id="fail" min="0">不合格</tier>
      </tiers>
      <section id="S1" title="数据">
        <criterion id="M1" title="覆盖率" points="6">
          <scale from="0.5" to="0.95"/>
          <measure select="number(s:data/s:metric[@name='coverage']/@value)"/>
        </criterion>
        <criterion id="M2" title="执行率" points="6">
          <scale from="0.6" to="0.98"/>
          <measure select="number(s:data/s:metric[@name='conforming']/@value) div number(s:data/s:metric[@name='checked']/@value)"/>
        </criterion>
        <criterion id="M3" title="地方标准" points="6">
          <bands><band min="4" points="6"/><band min="2" max="4" points="3"/></bands>
          <measure select="count(s:data/s:standard[@status='published'])"/>
        </criterion>
        <criterion id="M4" title="培训" points="4">
          <bands><band min="1" points="4"/><band min="0.5" max="1" points="2"/></bands>
          <measure select="sum(s:data/s:training/@persons) div number(s:data /s:metric[@name='staff']/@value)"/>
        </criterion>
        <criterion id="K1" title="清单" points="3">
          <checklist>
            <item id="a" points="1" select="s:data/s:flag[@name='catalogue']/@value = 'true'">目录公开</item>
            <item id="b" points="1" select="boolean(s:data)">有数据</item>
            <item id="c" points="1" select="string-length(normalize-space(s:data)) &gt; 3">数据有文字</item>
            <item id="d" points="1">手工</item>
          </checklist>
        </criterion>
        <criterion id="L1" title="领导小组" points="4">
          <levels><level code="A" points="4">健全</level><level code="B" points="2">基本健全</level></levels>
        </criterion>
      </section>
      <vetoes><veto id="V1" title="事故" select="s:data/s:incidents/@major &gt; 0"/></vetoes>
      <deductions cap="10">
        <deduction id="D1" title="逾期" points="1" select="count(s:data/s:rectification[@overdue='true'])"/>
      </deductions>
    </rubric>
    """

  static let rubric: Rubric = {
    guard case .success(let loaded) = RubricReader.load(bytes: Array(rubricText.utf8), file: "rubric.xml") else {
      fatalError("the relative rubric is refused")
    }
    return loaded.rubric
  }()

  static let pruned = SubmissionReader(rubric: rubric)
  static let whole = SubmissionReader(rubric: rubric, pruning: false)

  static func document(_ body: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <submission xmlns="urn:piloteval:submission:1" rubric="rel" rubric-version="1">
      <unit id="GX-NN-01" region="广西">南宁市机关事务管理局</unit>
      <round id="2026H1" submitted="2026-06-30"/>
      <response criterion="L1" level="A"/>
    \(body)
    </submission>
    """
  }

  static let data = """
      <data>
        <metric name="coverage" value="0.83"/><metric name="checked" value="120"/>
        <metric name="conforming" value="101"/><metric name="staff" value="80"/>
        <standard status="published"/><standard status="drafting"/><standard status="published"/>
        <training persons="30"/><training persons="25"/><flag name="catalogue" value="true"/>
        <incidents major="0"/><rectification overdue="true"/><rectification overdue="false"/>
      </data>
    """

  static let cases: [PruningCase] = [
    PruningCase(name: "an ordinary submission", document: document(data), accepted: true),
    PruningCase(
      name: "data twice: the paths read both",
      document: document(
        data + """
            <data><standard status="published"/><standard status="published"/><training persons="60"/>
              <rectification overdue="true"/><metric name="coverage" value="0.2"/></data>
          """), accepted: true),
    PruningCase(
      name: "data in another namespace and data inside a response do not count",
      document: document(
        """
          <data xmlns="urn:x"><metric name="coverage" value="0.9"/><incidents major="3"/></data>
          <response criterion="K1"><data><incidents major="2"/></data><check item="d"/></response>
          <deduction id="D1" count="4"/>
        """), accepted: true),
    PruningCase(name: "no data at all", document: document(""), accepted: true),
    PruningCase(
      name: "data first, with text, comments, CDATA and references; a veto",
      document: document(
        """
          <data>年度数据<!-- 注释 --><![CDATA[ <原文> ]]>
            <metric name="coverage" value="&#48;.&#57;1"/><metric name="staff" value="40"/>
            <training persons="10&#48;"/><incidents major="1"/><flag name="catalogue" value="tr&#117;e"/>
          </data>
          <bonus id="B1"/>
        """), accepted: true),
    PruningCase(
      name: "numbers that are not numbers, a division by zero",
      document: document(
        """
          <data><metric name="coverage" value="八成"/><metric name="checked" value="0"/>
            <metric name="conforming" value="3"/><metric name="staff" value=""/></data>
        """), accepted: true),
    PruningCase(
      name: "a count that is not a number is rejected both ways",
      document: document(data + #"  <deduction id="D1" count="许多"/>"#), accepted: false),
  ]

  @Test("the rubric's relative paths are confined: its submissions get the pruned tree")
  func prunes() {
    #expect(XPathConfinement.confines(Self.rubric))
    #expect(Self.pruned.prunes)
    #expect(!Self.whole.prunes)
  }

  @Test("a probing document scores the same from both trees", arguments: cases)
  func probe(_ example: PruningCase) {
    let pruned = Self.pruned.read(bytes: Array(example.document.utf8), file: "sub.xml")
    let whole = Self.whole.read(bytes: Array(example.document.utf8), file: "sub.xml")
    #expect((pruned.value != nil) == example.accepted, "\(pruned.errors.listing)")
    Self.expectSameScores(pruned, whole)
  }

  @Test("200 generated submissions score the same from both trees, with and without reviews")
  func generated() {
    var random = SeededRandom(seed: 18, stream: 0)
    var measured = Set<Double>()
    for index in 0..<200 {
      let text = Self.generatedDocument(&random)
      let pruned = Self.pruned.read(bytes: Array(text.utf8), file: "sub-\(index).xml")
      let whole = Self.whole.read(bytes: Array(text.utf8), file: "sub-\(index).xml")
      #expect(pruned.value != nil, "\(pruned.errors.listing)")
      Self.expectSameScores(pruned, whole)
      if let value = pruned.value?.derived.measured["M1"], !value.isNaN { measured.insert(value) }
    }
    // The generator varies the data: the comparison is not over one document 200 times.
    #expect(measured.count > 50)
  }

  /// A submission with data elements in a random order and number, some left out.
  static func generatedDocument(_ random: inout SeededRandom) -> String {
    var elements: [String] = []
    let metrics = [
      ("coverage", random.nextUnit()), ("checked", Double(50 + random.next(below: 150))),
      ("conforming", Double(random.next(below: 200))), ("staff", Double(random.next(below: 100))),
    ]
    for (name, value) in metrics where random.nextUnit() < 0.9 {
      elements.append(#"<metric name="\#(name)" value="\#(value)"/>"#)
    }
    for _ in 0..<random.next(below: 7) {
      elements.append(#"<standard status="\#(random.nextUnit() < 0.6 ? "published" : "drafting")">标准</standard>"#)
    }
    for _ in 0..<random.next(below: 4) { elements.append(#"<training persons="\#(random.next(below: 90))"/>"#) }
    if random.nextUnit() < 0.7 {
      elements.append(#"<flag name="catalogue" value="\#(random.nextUnit() < 0.5 ? "true" : "false")"/>"#)
    }
    elements.append(#"<incidents major="\#(random.nextUnit() < 0.1 ? 1 : 0)"/>"#)
    for _ in 0..<random.next(below: 3) {
      elements.append(#"<rectification overdue="\#(random.nextUnit() < 0.4)"/>"#)
    }
    for index in stride(from: elements.count - 1, to: 0, by: -1) {
      elements.swapAt(index, random.next(below: index + 1))
    }
    let data = "  <data>\n    " + elements.joined(separator: "\n    ") + "\n  </data>"
    let check = #"  <response criterion="K1"><check item="d"/></response>"#
    return document(random.nextUnit() < 0.5 ? data + "\n" + check : check + "\n" + data)
  }

  /// A review that changes a measured criterion and a checklist, for the scorecards with reviews.
  static let review: Review = {
    var review = Review(rubricID: "rel", unitID: "GX-NN-01", round: "2026H1", reviewer: "E01", line: 2)
    review.scores = [
      ScoreChange(criterion: "M2", value: 0.9, line: 3), ScoreChange(criterion: "K1", checks: ["a", "d"], line: 4),
    ]
    return review
  }()

  /// Expects the two readings to agree, and their scorecards (alone and with `review`) to agree in every field.
  static func expectSameScores(
    _ pruned: LoadedFile<Submission>, _ whole: LoadedFile<Submission>,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(pruned.errors == whole.errors, sourceLocation: sourceLocation)
    #expect(pruned.warnings == whole.warnings, sourceLocation: sourceLocation)
    guard let a = pruned.value, let b = whole.value else {
      #expect(pruned.value == nil && whole.value == nil, sourceLocation: sourceLocation)
      return
    }
    // Dictionaries and sets print in an order of their own: compare them as values.
    #expect(a.derived.measured.mapValues(\.bitPattern) == b.derived.measured.mapValues(\.bitPattern))
    #expect(a.derived.measuredSources == b.derived.measuredSources, sourceLocation: sourceLocation)
    #expect(a.derived.selectedItems == b.derived.selectedItems, sourceLocation: sourceLocation)
    #expect(a.derived.triggeredVetoes == b.derived.triggeredVetoes, sourceLocation: sourceLocation)
    #expect(a.derived.deductionCounts == b.derived.deductionCounts, sourceLocation: sourceLocation)
    var (plainA, plainB) = (a, b)
    (plainA.derived, plainB.derived) = (DerivedData(), DerivedData())
    #expect(String(reflecting: plainA) == String(reflecting: plainB), sourceLocation: sourceLocation)
    let engine = ScoringEngine(rubric: rubric)
    for reviews in [[], [review]] {
      let cardA = engine.score(a, file: "sub.xml", reviews: reviews)
      let cardB = engine.score(b, file: "sub.xml", reviews: reviews)
      #expect(cardA.score.bitPattern == cardB.score.bitPattern, sourceLocation: sourceLocation)
      #expect(String(reflecting: cardA) == String(reflecting: cardB), sourceLocation: sourceLocation)
    }
  }
}
