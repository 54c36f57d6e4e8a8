import Foundation
import PilotEvalCore
import PilotEvalXML
import Testing

private typealias S = SubmissionDocument

/// A submission that breaks its structure, with the line the rejection must name.
struct StructureCase: CustomTestStringConvertible, Sendable {
  var name: String
  var document: String
  var at: String
  var says: String
  var testDescription: String { name }
}

@Suite("Reading a submission (SPEC §2)")
struct SubmissionReaderTests {
  // MARK: - What is read

  @Test("a submission's unit, round, responses and claims are read")
  func reads() throws {
    let text = S.make(
      """
        <response criterion="L1" level="A">
          <evidence ref="docs/leading-group.pdf">关于成立领导小组的通知</evidence>
          <evidence ref="docs/minutes.pdf">会议纪要</evidence>
          <note>已落实</note>
        </response>
        <response criterion="J1" points="3.5"/>
        <response criterion="M1" value="-0.25"/>
        <response criterion="K1"><check item="d"/><check item="a"/><check item="d"/></response>
        <response criterion="M2" applicable="false" reason="本单位无公务用车"/>
        <bonus id="B1"><evidence ref="docs/award.pdf">表彰文件</evidence></bonus>
        <deduction id="D3"/>
        <deduction id="D1" count="2"/>
      """)
    let submission = try S.accept(text)
    #expect(submission.rubricID == "jgsw-pilot")
    #expect(submission.rubricVersion == "2022.1")
    #expect(
      submission.unit
        == Unit(id: "GX-NN-01", name: "南宁市机关事务管理局", region: "广西", level: "市级", category: "机关事务管理局"))
    #expect(submission.round == "2022H1")
    #expect(submission.submitted == "2022-06-30")
    #expect(submission.line == 2)

    let responses = submission.responses
    #expect(responses.map(\.criterion) == ["L1", "J1", "M1", "K1", "M2"])
    #expect(responses[0].level == "A")
    #expect(responses[0].evidenceCount == 2)
    #expect(responses[0].notes == ["已落实"])
    #expect(responses[0].line == line(of: #"<response criterion="L1""#, in: text))
    #expect(responses[1].points == 3.5)
    #expect(responses[2].value == -0.25)
    #expect(responses[3].checks == ["d", "a"], "each checked item once, in document order")
    #expect(responses[4].applicable == false)
    #expect(responses[4].reason == "本单位无公务用车")
    #expect(responses.prefix(4).allSatisfy { $0.applicable })

    #expect(submission.bonusClaims.map(\.id) == ["B1"])
    #expect(submission.bonusClaims.first?.evidenceCount == 1)
    #expect(submission.deductionClaims.map(\.id) == ["D3", "D1"])
    #expect(submission.deductionClaims.map(\.count) == [1, 2], "count defaults to 1")
  }

  @Test("elements and attributes SPEC does not name are ignored, whatever their namespace")
  func forwardCompatible() throws {
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <submission xmlns="urn:piloteval:submission:1" xmlns:x="urn:vendor" rubric="jgsw-pilot" rubric-version="2022.1" x:generator="表格工具" lang="zh">
        <unit id="GX-NN-01" region="广西" phone="0771-0000000">南宁市机关事务管理局</unit>
        <round id="2022H1" quarter="2"/>
        <summary>本年度工作总结</summary>
        <x:response criterion="L1" level="B"/>
        <response criterion="L1" level="A" confidence="high">
          <evidence ref="a.pdf" pages="3">文件</evidence>
          <x:evidence ref="b.pdf"/>
          <attachment href="c.pdf"/>
        </response>
        <response criterion="K1"><check item="d"/><x:check item="a"/></response>
        <x:deduction id="D1" count="many"/>
        <x:metadata><x:author>张三</x:author></x:metadata>
      </submission>
      """
    let submission = try S.accept(text)
    #expect(submission.unit.id == "GX-NN-01")
    #expect(submission.responses.map(\.criterion) == ["L1", "K1"])
    #expect(submission.responses[0].level == "A")
    #expect(submission.responses[0].evidenceCount == 1)
    #expect(submission.responses[1].checks == ["d"])
    #expect(submission.deductionClaims.isEmpty)
  }

  @Test("the submission may use any prefix for its own namespace")
  func prefixedDocument() throws {
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <q:submission xmlns:q="urn:piloteval:submission:1" rubric="jgsw-pilot" rubric-version="2022.1">
        <q:unit id="GX-NN-01">南宁市机关事务管理局</q:unit>
        <q:round id="2022H1"/>
        <q:response criterion="L1" level="B"/>
        <q:data><q:metric name="coverage">40</q:metric><q:flag name="a" on="yes"/></q:data>
      </q:submission>
      """
    let submission = try S.accept(text)
    #expect(submission.responses.map(\.level) == ["B"])
    #expect(submission.derived.measured["M1"] == 40)
    #expect(submission.derived.selectedItems["K1"]?.contains("a") == true)
  }

  // MARK: - Structural rejections

  static let structureCases: [StructureCase] = [
    StructureCase(
      name: "the root is not <submission>",
      document: """
        <?xml version="1.0" encoding="UTF-8"?>
        <report xmlns="urn:piloteval:submission:1" rubric="jgsw-pilot" rubric-version="2022.1">
          <unit id="GX-NN-01">南宁</unit><round id="2022H1"/>
        </report>
        """,
      at: "<report", says: "root element"),
    StructureCase(
      name: "the root is in another namespace",
      document: """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- a comment first -->
        <submission xmlns="urn:piloteval:submission:2" rubric="jgsw-pilot" rubric-version="2022.1">
          <unit id="GX-NN-01">南宁</unit><round id="2022H1"/>
        </submission>
        """,
      at: "<submission", says: "root element"),
    StructureCase(
      name: "the root has no namespace",
      document: """
        <?xml version="1.0" encoding="UTF-8"?>
        <submission rubric="jgsw-pilot" rubric-version="2022.1">
          <unit id="GX-NN-01">南宁</unit><round id="2022H1"/>
        </submission>
        """,
      at: "<submission", says: "root element"),
    StructureCase(
      name: "the root has no rubric attribute",
      document: """
        <?xml version="1.0" encoding="UTF-8"?>
        <submission xmlns="urn:piloteval:submission:1" rubric-version="2022.1">
          <unit id="GX-NN-01">南宁</unit><round id="2022H1"/>
        </submission>
        """,
      at: "<submission", says: "must name its rubric"),
    StructureCase(
      name: "the root has no rubric-version attribute",
      document: """
        <?xml version="1.0" encoding="UTF-8"?>
        <submission xmlns="urn:piloteval:submission:1" rubric="jgsw-pilot">
          <unit id="GX-NN-01">南宁</unit><round id="2022H1"/>
        </submission>
        """,
      at: "<submission", says: "must name its rubric"),
    StructureCase(
      name: "there is no <unit>",
      document: """
        <?xml version="1.0" encoding="UTF-8"?>
        <submission xmlns="urn:piloteval:submission:1" rubric="jgsw-pilot" rubric-version="2022.1">
          <round id="2022H1"/>
        </submission>
        """,
      at: "<submission", says: "no <unit"),
    StructureCase(
      name: "the unit has no id",
      document: S.make(unit: "").replacingOccurrences(of: #"id="" "#, with: ""),
      at: "<unit", says: "unit id is missing"),
    StructureCase(
      name: "the unit id is empty",
      document: S.make(unit: ""),
      at: "<unit", says: "unit id is missing"),
    StructureCase(
      name: "there is no <round>",
      document: """
        <?xml version="1.0" encoding="UTF-8"?>
        <submission xmlns="urn:piloteval:submission:1" rubric="jgsw-pilot" rubric-version="2022.1">
          <unit id="GX-NN-01">南宁</unit>
        </submission>
        """,
      at: "<submission", says: "no <round"),
    StructureCase(
      name: "the round has no id",
      document: S.make(round: "").replacingOccurrences(of: #"<round id="""#, with: "<round"),
      at: "<round", says: "round id is missing"),
    StructureCase(
      name: "the round id is empty",
      document: S.make(round: ""),
      at: "<round", says: "round id is missing"),
  ]

  @Test("a structural problem rejects the file, with its line", arguments: structureCases)
  func structure(_ broken: StructureCase) throws {
    let errors = S.reject(broken.document)
    let error = try #require(errors.first { $0.message.contains(broken.says) }, "\(errors.listing)")
    #expect(error.line == line(of: broken.at, in: broken.document), "\(error)")
    #expect(error.file == "sub.xml")
    #expect(error.severity == .error)
  }

  // MARK: - Numbers

  static let numbers = ["0", "87", "-3", "0.87", "007.50", "-0.0", "999999999999.5"]
  static let notNumbers = [
    "1e3", "1E3", "+1", " 1", "1 ", "1_000", "1.", ".5", "", "abc", "1,5", "0x10", "NaN", "inf", "Infinity", "-",
    "--1", "1.2.3", "１", "٣",
  ]

  @Test(
    "value, points and count follow SPEC's number grammar", arguments: ["value", "points", "count"], numbers)
  func number(attribute: String, text: String) throws {
    let element =
      attribute == "count"
      ? #"  <deduction id="D1" count="\#(text)"/>"#
      : #"  <response criterion="J1" \#(attribute)="\#(text)"/>"#
    let submission = try S.accept(S.make(element))
    let read = attribute == "count" ? submission.deductionClaims.first?.count : submission.responses.first?[attribute]
    #expect(read == Double(text))
  }

  @Test(
    "value, points or count that is not a number rejects the file, at its line",
    arguments: ["value", "points", "count"], notNumbers)
  func notANumber(attribute: String, text: String) throws {
    let element =
      attribute == "count"
      ? #"  <deduction id="D1" count="\#(text)"/>"#
      : #"  <response criterion="J1" \#(attribute)="\#(text)"/>"#
    let document = S.make(element)
    let errors = S.reject(document)
    let error = try #require(errors.first, "accepted '\(text)'")
    #expect(error.line == line(of: attribute == "count" ? "<deduction" : "<response", in: document))
    #expect(error.message.contains("'\(text)'"), "\(error)")
  }

  @Test("every structural problem is reported, not just the first")
  func everyProblem() {
    let document = S.make(
      """
        <response criterion="J1" points="x"/>
        <response criterion="M1" value="y"/>
        <deduction id="D1" count="z"/>
      """)
    let errors = S.reject(document)
    let expected = ["<response criterion=\"J1\"", "<response criterion=\"M1\"", "<deduction"].map {
      line(of: $0, in: document)
    }
    #expect(errors.map(\.line) == expected, "\(errors.listing)")
  }

  // MARK: - Data read through the rubric's XPath

  static let withData = S.make(
    """
      <response criterion="M1" value="99"/>
      <response criterion="K1"><check item="b"/><check item="d"/></response>
      <data>
        <metric name="coverage">87.5</metric>
        <flag name="a" on="yes"/>
        <flag name="b" on="no"/>
        <incidents major="2"/>
        <complaint/><complaint/><complaint/>
      </data>
    """)

  @Test("a measure is the XPath's number, evaluated with <submission> as context node")
  func measures() throws {
    let derived = try S.accept(Self.withData).derived
    #expect(derived.measured["M1"] == 87.5, "the measured value replaces the value the unit wrote")
    #expect(derived.measured["M3"] == 11, "self::p:submission matches the context node; p:data is its child")
  }

  @Test("a measure with nothing to read is NaN")
  func absentMeasure() throws {
    let derived = try S.accept(Self.withData).derived
    let absent = try #require(derived.measured["M2"])
    #expect(absent.isNaN)
    let none = try S.accept(S.make()).derived
    #expect(none.measured["M1"]?.isNaN == true)
    #expect(none.measured["M3"] == 1)
  }

  @Test("a measure that reads text is cast with XPath's number()")
  func textMeasure() throws {
    let text = S.make(#"  <data><metric name="coverage"> 42 </metric></data>"#)
    #expect(try S.accept(text).derived.measured["M1"] == 42)
    let words = S.make(#"  <data><metric name="coverage">八十七</metric></data>"#)
    #expect(try S.accept(words).derived.measured["M1"]?.isNaN == true)
  }

  @Test("checklist items with select are decided by XPath booleans")
  func checklistSelects() throws {
    let derived = try S.accept(Self.withData).derived
    #expect(derived.selectedItems["K1"] == ["a", "b", "c"])
    let none = try S.accept(S.make()).derived
    #expect(none.selectedItems["K1"] == ["c"])
  }

  @Test("a veto's select triggers it; a veto without select never does")
  func vetoSelects() throws {
    #expect(try S.accept(Self.withData).derived.triggeredVetoes == ["V1"])
    #expect(try S.accept(S.make()).derived.triggeredVetoes.isEmpty)
    let calm = S.make(#"  <data><incidents major="0"/></data>"#)
    #expect(try S.accept(calm).derived.triggeredVetoes.isEmpty)
  }

  @Test("a deduction's select gives its count; zero matches is 0")
  func deductionSelects() throws {
    let derived = try S.accept(Self.withData).derived
    #expect(derived.deductionCounts["D1"] == 3)
    #expect(derived.deductionCounts["D2"] == 0)
    #expect(derived.deductionCounts["D3"] == nil, "a deduction without select takes its count from the files")
  }

  @Test("data outside the submission namespace is not reached by the rubric's prefixes")
  func foreignData() throws {
    let text = S.make(
      """
        <data xmlns="urn:vendor"><metric name="coverage">87.5</metric><complaint/></data>
      """)
    let derived = try S.accept(text).derived
    #expect(derived.measured["M1"]?.isNaN == true)
    #expect(derived.deductionCounts["D1"] == 0)
  }
}

extension Response {
  fileprivate subscript(attribute: String) -> Double? {
    attribute == "value" ? value : points
  }
}
