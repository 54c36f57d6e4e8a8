import Foundation
import PilotEvalCore
import Testing

@testable import PilotEvalXML

/// A submission document read both ways in the comparison tests.
struct PruningCase: CustomTestStringConvertible, Sendable {
  var name: String
  var document: String
  /// Whether the reader accepts it (both ways).
  var accepted: Bool
  var testDescription: String { name }
}

/// The pruned tree (root and `<data>`, everything else streamed) against the
/// whole tree: the same `Submission` values and the same diagnostics.
@Suite("Pruned submission trees")
struct PrunedTreeTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static let rubric: Rubric = {
    guard case .success(let loaded) = RubricReader.load(path: repository.path + "/Rubrics/jgsw-pilot.xml") else {
      fatalError("Rubrics/jgsw-pilot.xml cannot be loaded")
    }
    return loaded.rubric
  }()

  static let pruned = SubmissionReader(rubric: rubric)
  static let whole = SubmissionReader(rubric: rubric, pruning: false)

  /// Every sample submission of 2025H1 and 2026H1, the broken ones included.
  static let samples: [String] = ["Samples/2025H1/submissions", "Samples/2026H1/submissions"].flatMap { folder in
    ["", "/broken"].flatMap { sub -> [String] in
      let path = repository.path + "/" + folder + sub
      let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      return names.filter { $0.hasSuffix(".xml") }.sorted().map { folder + sub + "/" + $0 }
    }
  }

  @Test("there are samples to compare, broken ones among them")
  func sampleCount() {
    #expect(Self.samples.count >= 2 * 64)
    #expect(Self.samples.filter { $0.contains("/broken/") }.count >= 16)
    #expect(Self.pruned.prunes)
    #expect(!Self.whole.prunes)
  }

  @Test("a sample submission reads the same from the pruned tree", arguments: samples)
  func sample(_ relative: String) {
    let path = Self.repository.path + "/" + relative
    expectSame(Self.pruned.read(path: path), Self.whole.read(path: path))
  }

  // MARK: - Documents that probe the streamed reading

  static let head = """
    <?xml version="1.0" encoding="UTF-8"?>
    <submission xmlns="urn:piloteval:submission:1" rubric="jgsw-pilot" rubric-version="2025.1">
    """
  static let unitAndRound = """
      <unit id="GX-NN-01" region="广西" level="市级" category="机关事务管理局">南宁市机关事务管理局</unit>
      <round id="2025H1" submitted="2025-06-30"/>
    """
  static let data = """
      <data>
        <coverage covered="30" items="40"/><training persons="120"/><staff total="100"/>
        <standard type="local" status="published"/><standard type="local" status="draft"/>
        <incidents major="0"/><rectification overdue="true"/><rectification overdue="false"/>
      </data>
    """

  static func document(_ body: String, head: String = head) -> String {
    head + "\n" + body + "\n</submission>\n"
  }

  static let cases: [PruningCase] = [
    PruningCase(name: "an ordinary submission", document: document(unitAndRound + data), accepted: true),
    PruningCase(
      name: "unit and round after the responses, data first",
      document: document(
        data + """
            <response criterion="C1.1" level="A"><evidence ref="a"/><evidence ref="b"/></response>
            <response criterion="C2.2"><note>  测算说明  </note><note/><note>二</note></response>
          """ + unitAndRound), accepted: true),
    PruningCase(name: "no unit", document: document(#"  <round id="2025H1"/>"# + data), accepted: false),
    PruningCase(name: "no round", document: document(#"  <unit id="GX-NN-01">南宁</unit>"#), accepted: false),
    PruningCase(
      name: "neither unit nor round, numbers that are not numbers",
      document: document(
        """
          <response criterion="C3.2" value="two" points="x"/>
          <deduction id="D1" count="many"/>
          <response criterion="C1.3" points="3,5"/>
        """), accepted: false),
    PruningCase(
      name: "an empty unit id and an empty round id, then a bad number",
      document: document(
        """
          <response criterion="C3.2" value="两"/>
          <unit id="">名称</unit><round id=""/>
        """), accepted: false),
    PruningCase(
      name: "two units and two rounds: the first of each counts",
      document: document(
        """
          <unit id="A-01">第一</unit><unit id="A-02">第二</unit>
          <round id="R1" submitted="d1"/><round id="R2"/>
        """), accepted: true),
    PruningCase(
      name: "the unit's text: CDATA, references, nested elements, comments and processing instructions",
      document: document(
        """
          <unit id="X&amp;Y" region="&#24191;&lt;西&gt;" level="a&#38;b&amp;c">
            南宁<![CDATA[ <市> ]]>&amp;&#x4E2D;<x:b xmlns:x="urn:x">机关<i>事务</i></x:b><!-- 注释 --><?pi 忽略?>局
          </unit>
          <round id="2025H1"/>
        """), accepted: true),
    PruningCase(
      name: "notes with markup, CDATA and an empty note; checks repeated",
      document: document(
        unitAndRound + """
            <response criterion="C1.2"><check item="a"/><check item="c"/><check item="a"/><check/><check item=""/>
              <note><![CDATA[ 一 ]]><b>二</b><note>嵌套</note></note>
              <note>

              </note>
              <evidence/><evidence>说明</evidence>
            </response>
          """ + data), accepted: true),
    PruningCase(
      name: "elements and attributes outside the namespace are ignored",
      document: document(
        unitAndRound.replacingOccurrences(of: "<unit ", with: "<x:unit xmlns:x=\"urn:x\" id=\"NO\"/><unit ")
          + """
            <x:response xmlns:x="urn:x" criterion="C1.1" level="A"/>
            <response xmlns:x="urn:x" criterion="C1.1" x:level="B" level="C">
              <x:evidence/><x:check item="a"/><x:note>不算</x:note><evidence/>
            </response>
            <bonus id="B1"><evidence/><x:evidence xmlns:x="urn:x"/><evidence/></bonus>
            <x:deduction xmlns:x="urn:x" id="D1" count="bad"/>
            <response xmlns="urn:other" criterion="C1.1" value="bad"/>
          """ + data), accepted: true),
    PruningCase(
      name: "an undeclared prefix on an attribute does not make it unqualified",
      document: document(
        unitAndRound + #"  <response criterion="C1.1" p:level="B" p:value="bad"/>"# + "\n"
          + #"  <deduction id="D1" p:count="bad"/>"#), accepted: true),
    PruningCase(
      name: "an undeclared prefix on an element keeps it out of the namespace",
      document: document(unitAndRound + #"  <p:response criterion="C1.1" value="bad"/>"#), accepted: true),
    PruningCase(
      name: "attributes the DTD defaults are not read, a defaulted namespace is",
      document: """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE submission [
          <!ATTLIST response level CDATA "A" value CDATA "bad">
          <!ATTLIST deduction count CDATA "many">
          <!ATTLIST unit id CDATA "DEFAULT" region CDATA #FIXED "固定">
          <!ATTLIST x:response xmlns:x CDATA "urn:piloteval:submission:1">
          <!-- a comment in the DTD -->
        ]>
        <submission xmlns="urn:piloteval:submission:1" rubric="jgsw-pilot" rubric-version="2025.1">
          <unit>南宁</unit>
          <round id="2025H1"/>
          <response criterion="C1.1"/>
          <x:response criterion="C1.4" level="B"/>
          <deduction id="D1"/>
        </submission>
        """, accepted: false),
    PruningCase(
      name: "applicable, reason and levels",
      document: document(
        unitAndRound + """
            <response criterion="C3.2" applicable="false" reason="无&amp;此项"/>
            <response criterion="C3.2" applicable="0"/>
            <response criterion="C3.2" applicable="no"/>
            <response criterion="C3.2" applicable=""/>
          """), accepted: true),
    PruningCase(
      name: "bonuses and deductions with evidence and counts",
      document: document(
        unitAndRound + """
            <bonus id="B1"><evidence/><evidence><evidence/></evidence></bonus><bonus/>
            <deduction id="D1" count="2"/><deduction id="D2"/><deduction count="1.5"><evidence/></deduction>
          """ + data), accepted: true),
    PruningCase(
      name: "responses nested where they do not count",
      document: document(
        unitAndRound + """
            <group><response criterion="C1.1" value="bad"/><unit id="NESTED"/></group>
            <response criterion="C1.1"><response criterion="C1.2" value="bad"/><check item="a"/></response>
          """), accepted: true),
    PruningCase(
      name: "data twice, data in another namespace, data inside a response",
      document: document(
        unitAndRound + data + """
            <data><coverage covered="10" items="40"/><standard type="local" status="published"/></data>
            <data xmlns="urn:x"><incidents major="5"/></data>
            <response criterion="C2.2"><data><incidents major="3"/></data></response>
          """), accepted: true),
    PruningCase(
      name: "a prefixed document, data with comments, CDATA and processing instructions",
      document: """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- before -->
        <?pi before?>
        <s:submission xmlns:s="urn:piloteval:submission:1" rubric="jgsw-pilot" rubric-version="2025.1">
          text in the root <!-- a comment in the root --> <?pi root?>
          <s:unit id="GX-NN-01"><![CDATA[南宁]]></s:unit>
          <s:round id="2025H1"/>
          <s:data><!-- c --><s:coverage covered="39" items="40"><![CDATA[x]]><?pi d?></s:coverage>
            <s:incidents major="1"/><s:catalogue public="true"/><s:awareness rate="0.95"/>
            <s:implementation conforming="97" checked="100"/><s:survey satisfaction="0.9"/>
            <s:energy change="-0.05"/><s:promotion level="national"/>
          </s:data>
          <s:response criterion="C4.2"/>
        </s:submission>
        <!-- after -->
        """, accepted: true),
    PruningCase(
      name: "the root is not <submission>",
      document: """
        <?xml version="1.0" encoding="UTF-8"?>
        <report xmlns="urn:piloteval:submission:1" rubric="jgsw-pilot" rubric-version="2025.1">
        """ + unitAndRound + data + "</report>", accepted: false),
    PruningCase(
      name: "the root has no rubric-version",
      document: document(
        unitAndRound, head: #"<submission xmlns="urn:piloteval:submission:1" rubric="jgsw-pilot">"#), accepted: false),
    PruningCase(
      name: "an empty root",
      document: #"<submission xmlns="urn:piloteval:submission:1" rubric="jgsw-pilot" rubric-version="2025.1"/>"#,
      accepted: false),
    PruningCase(
      name: "elements on lines far apart",
      document: document(
        String(repeating: "\n", count: 70_000) + unitAndRound + String(repeating: "\n", count: 10) + data
          + #"<response criterion="C1.1" value="1"/>"# + String(repeating: "\n", count: 5) + #"<deduction id="D1"/>"#),
      accepted: true),
    PruningCase(
      name: "not well-formed inside a streamed element",
      document: document(unitAndRound + "<response><note>一</response>"), accepted: false),
    PruningCase(
      name: "not well-formed inside data",
      document: document(unitAndRound + "<data><coverage></data>"), accepted: false),
  ]

  @Test("a probing document reads the same from the pruned tree", arguments: cases)
  func probe(_ example: PruningCase) {
    let bytes = Array(example.document.utf8)
    let pruned = Self.pruned.read(bytes: bytes, file: "sub.xml")
    expectSame(pruned, Self.whole.read(bytes: bytes, file: "sub.xml"))
    #expect((pruned.value != nil) == example.accepted, "\(pruned.errors.listing)")
  }

  @Test("the pruned tree holds the root and its <data> children only")
  func treeContents() throws {
    let text = Self.document(
      Self.unitAndRound + Self.data + #"<response criterion="C1.1"/><data xmlns="urn:x"/><bonus id="B1"/>"# + Self.data)
    let receiver = CountingReceiver()
    let parsed = Array(text.utf8).withUnsafeBytes {
      ParsedDocument.parse(
        $0, file: "sub.xml", receiver: receiver,
        kept: KeptChildren(name: "data", namespace: PilotEvalNamespace.submission))
    }
    guard case .success(let document) = parsed else {
      Issue.record("not parsed")
      return
    }
    let names = document.withRoot { root in root?.children.map(\.name) }
    #expect(names == ["data", "data"])
    #expect(document.withRoot { root in root?.children.allSatisfy { !$0.children.isEmpty } } == true)
    #expect(receiver.names == ["unit", "round", "response", "data", "bonus"])
  }

  @Test("a rubric whose XPath is not confined gets the whole tree: its XPath sees the responses")
  func unconfinedRubric() throws {
    let text = RubricDocument.criterion(
      """
          <scale from="0" to="10"/>
          <measure select="count(//s:response) + count(/s:submission/s:unit)"/>
      """
    )
    guard case .success(let loaded) = RubricReader.load(bytes: Array(text.utf8), file: "rubric.xml") else {
      Issue.record("the test rubric is refused")
      return
    }
    let reader = SubmissionReader(rubric: loaded.rubric)
    #expect(!reader.prunes)
    let submission = Self.document(
      Self.unitAndRound + #"<response criterion="C1"/><response criterion="C1"/><response criterion="C2"/>"#
    )
    .replacingOccurrences(of: "2025.1", with: "1")
    let loadedSubmission = reader.read(bytes: Array(submission.utf8), file: "sub.xml")
    let value = try #require(loadedSubmission.value, "\(loadedSubmission.errors.listing)")
    #expect(value.derived.measured["C1"] == 4)
  }

  /// Runs every submission under the folder in `PILOTEVAL_PRUNING_CORPUS` (e.g. a fuzzing
  /// corpus) through both readers; skipped when it is not set.
  @Test(
    "every file of an outside corpus reads the same from the pruned tree",
    .enabled(if: ProcessInfo.processInfo.environment["PILOTEVAL_PRUNING_CORPUS"] != nil))
  func outsideCorpus() throws {
    let folder = try #require(ProcessInfo.processInfo.environment["PILOTEVAL_PRUNING_CORPUS"])
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    for name in names {
      guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
      let bytes = Array(data)
      expectSame(Self.pruned.read(bytes: bytes, file: name), Self.whole.read(bytes: bytes, file: name))
    }
  }
}

/// Names of the elements a pruned parse streams, at the top of each streamed child.
private final class CountingReceiver: SAXReceiver {
  var names: [String] = []
  private var depth = 0

  func start(_ element: SAXElement) {
    if depth == 0 { names.append(element.localName) }
    depth += 1
  }

  func end() { depth -= 1 }

  func text(_ bytes: UnsafeBufferPointer<UInt8>) {}

  var wantsText: Bool { false }
}

/// Expects two readings of one file to agree on everything, NaN measures included.
private func expectSame(
  _ pruned: LoadedFile<Submission>, _ whole: LoadedFile<Submission>,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(pruned.errors == whole.errors, "\(pruned.file)", sourceLocation: sourceLocation)
  #expect(pruned.warnings == whole.warnings, "\(pruned.file)", sourceLocation: sourceLocation)
  guard let a = pruned.value, let b = whole.value else {
    #expect(pruned.value == nil && whole.value == nil, "\(pruned.file)", sourceLocation: sourceLocation)
    return
  }
  #expect(a.rubricID == b.rubricID, sourceLocation: sourceLocation)
  #expect(a.rubricVersion == b.rubricVersion, sourceLocation: sourceLocation)
  #expect(a.unit == b.unit, sourceLocation: sourceLocation)
  #expect(a.round == b.round, sourceLocation: sourceLocation)
  #expect(a.submitted == b.submitted, sourceLocation: sourceLocation)
  #expect(a.responses == b.responses, sourceLocation: sourceLocation)
  #expect(a.bonusClaims == b.bonusClaims, sourceLocation: sourceLocation)
  #expect(a.deductionClaims == b.deductionClaims, sourceLocation: sourceLocation)
  #expect(a.line == b.line, sourceLocation: sourceLocation)
  #expect(a.derived.selectedItems == b.derived.selectedItems, sourceLocation: sourceLocation)
  #expect(a.derived.triggeredVetoes == b.derived.triggeredVetoes, sourceLocation: sourceLocation)
  #expect(a.derived.deductionCounts == b.derived.deductionCounts, sourceLocation: sourceLocation)
  #expect(
    a.derived.measured.mapValues(\.bitPattern) == b.derived.measured.mapValues(\.bitPattern),
    "\(a.derived.measured) against \(b.derived.measured)", sourceLocation: sourceLocation)
}
