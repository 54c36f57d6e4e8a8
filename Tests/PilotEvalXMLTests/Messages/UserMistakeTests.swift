import Foundation
import PilotEvalCore
import PilotEvalXML
import Testing

/// The mistakes units make in a first submission, each caught and explained once, in both
/// languages (issue 13).
@Suite("User mistakes: caught, explained once, in Chinese and English")
struct UserMistakeTests {
  static let rubricText = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rubric xmlns="urn:piloteval:rubric:1" id="mistakes" version="1">
      <title>常见错误</title>
      <namespace prefix="s" uri="urn:piloteval:submission:1"/>
      <tiers><tier id="pass" min="60">合格</tier><tier id="fail" min="0">不合格</tier></tiers>
      <section id="S1" title="成效">
        <criterion id="C1" title="目标完成率" points="5"><scale from="0.6" to="1"/></criterion>
        <criterion id="C2" title="满意度" points="4">
          <scale from="0.8" to="0.98"/>
          <measure select="number(/s:submission/s:data/s:survey/@satisfaction)"/>
        </criterion>
        <criterion id="C3" title="公务用车" points="3" applicable="optional"><judgement/></criterion>
        <criterion id="C4" title="台账" points="2"><judgement/></criterion>
        <criterion id="C5" title="地方标准" points="4">
          <bands><band min="1" max="2" points="2"/><band min="2" max="10" points="4"/></bands>
        </criterion>
      </section>
    </rubric>
    """

  static let rubric: Rubric = {
    guard case .success(let loaded) = RubricReader.load(bytes: Array(rubricText.utf8), file: "r.xml") else {
      fatalError("the test rubric is refused")
    }
    return loaded.rubric
  }()

  static func document(_ body: String, data: String = "") -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <submission xmlns="urn:piloteval:submission:1" rubric="mistakes" rubric-version="1">
      <unit id="GX-NN-01">南宁市机关事务管理局</unit>
      <round id="2025H1" submitted="2025-06-30"/>
    \(body)
      <data>
    \(data)
      </data>
    </submission>
    """
  }

  static func read(_ bytes: [UInt8]) -> LoadedFile<Submission> {
    SubmissionReader(rubric: rubric).read(bytes: bytes, file: "sub.xml")
  }

  /// The warnings `validate` gives an accepted submission.
  static func warnings(_ text: String) throws -> [Diagnostic] {
    let submission = try #require(read(Array(text.utf8)).value)
    let card = ScoringEngine(rubric: rubric).score(submission)
    return SubmissionChecker(rubric: rubric).warnings(in: submission, scorecard: card)
  }

  // MARK: Parse errors users meet

  @Test("a GBK file declared UTF-8 is one error naming GB18030 and the fix, libxml2's text kept")
  func gbkDeclaredUTF8() throws {
    // 台账齐全 in GBK, inside a document that declares UTF-8.
    let gbk: [UInt8] = [0xCC, 0xA8, 0xD5, 0xCB, 0xC6, 0xEB, 0xC8, 0xAB]
    let parts = Self.document(#"  <response criterion="C4" points="2"><note>NOTE</note></response>"#)
      .components(separatedBy: "NOTE")
    let bytes = Array(parts[0].utf8) + gbk + Array(parts[1].utf8)
    let errors = Self.read(bytes).errors
    #expect(errors.count == 1, "\(errors)")
    let error = try #require(errors.first)
    #expect(error.content.key == .xmlEncodingGB18030)
    #expect(error.text(in: .zh).contains("文件实际为 GBK/GB18030 编码"))
    #expect(error.text(in: .zh).contains(#"encoding="GB18030""#))
    #expect(error.text(in: .en).contains("GBK/GB18030"))
    #expect(error.raw?.contains("UTF-8") == true)
    #expect(!error.text(in: .zh).contains("\u{FFFD}"))
  }

  @Test("a bare & says to write &amp;")
  func bareAmpersand() throws {
    for body in ["维修 & 改造", "维修&改造"] {
      let text = Self.document("  <response criterion=\"C4\" points=\"2\"><note>\(body)</note></response>")
      let errors = Self.read(Array(text.utf8)).errors
      #expect(errors.count == 1, "\(errors)")
      #expect(errors.first?.content.key == .xmlBareAmpersand)
      #expect(errors.first?.text(in: .zh).contains("须写作 &amp;") == true)
      #expect(errors.first?.text(in: .en).contains("&amp;") == true)
      #expect(errors.first?.line == 5)
    }
  }

  @Test("a Word document renamed .xml is named as such")
  func wordDocument() throws {
    // A ZIP archive's local header, then the name of a Word part.
    var bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 26)
    bytes += Array("word/document.xml".utf8) + Array(repeating: 0x20, count: 40)
    let errors = Self.read(bytes).errors
    #expect(errors.map(\.content.key) == [.xmlWordDocument])
    #expect(errors.first?.text(in: .zh) == "这是 Word 文档（.docx），不是 XML：请用模板填写（piloteval template 生成）")
    #expect(errors.first?.text(in: .en).contains("Word document (.docx)") == true)
  }

  @Test("UTF-32 and an empty-looking file get their own message, not 'Document is empty'")
  func utf32() throws {
    let text = Self.document("")
    var bytes: [UInt8] = [0xFF, 0xFE, 0x00, 0x00]
    for scalar in text.unicodeScalars {
      let value = scalar.value
      bytes += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), 0]
    }
    let errors = Self.read(bytes).errors
    #expect(errors.map(\.content.key) == [.xmlUTF32])
    #expect(errors.first?.text(in: .zh).contains("UTF-32") == true)
    let blank = Self.read(Array("   \n".utf8)).errors
    #expect(blank.map(\.content.key) == [.xmlEmpty], "\(blank)")
  }

  @Test("nesting too deep is said without libxml2's option names")
  func tooDeep() throws {
    let text = Self.document(String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300))
    let errors = Self.read(Array(text.utf8)).errors
    #expect(errors.map(\.content.key) == [.xmlTooDeep], "\(errors)")
    for language in Language.allCases {
      #expect(errors.first?.text(in: language).contains("XML_PARSE_HUGE") == false)
    }
    #expect(errors.first?.raw?.contains("XML_PARSE_HUGE") == true)
  }

  @Test("a file cut short is one message at its end, not a cascade")
  func cutShort() throws {
    let text = Self.document(#"  <response criterion="C4" points="2"><note>台账</note></response>"#)
    let cut = String(text.prefix(text.count - 40))
    let errors = Self.read(Array(cut.utf8)).errors
    #expect(errors.count == 1, "\(errors)")
    #expect(errors.first?.content.key == .xmlUnclosed)
    #expect(errors.first?.text(in: .zh).contains("闭合前就结束了") == true)
  }

  // MARK: Values a criterion cannot score

  @Test("a percentage written as 92 on a 0.6–1 scale warns with the likely fix")
  func percentAsWholeNumber() throws {
    let text = Self.document(#"  <response criterion="C1" value="92"/>"#)
    let warning = try #require(
      try Self.warnings(text).first { $0.subject == "C1" && $0.content.key != .submissionUnanswered })
    #expect(warning.severity == .warning)
    #expect(warning.line == 5)
    #expect(warning.text(in: .zh).contains("92 — 是否应为 0.92？"), "\(warning.text(in: .zh))")
    #expect(warning.text(in: .en).contains("92 — should it be 0.92?"))
    // 0.97 past a 0.6–1 scale's top is an ordinary value (full marks): no warning.
    let fine = try Self.warnings(Self.document(#"  <response criterion="C1" value="1.02"/>"#))
    #expect(
      !fine.contains {
        $0.content.key == .submissionValueLikelyPercent || $0.content.key == .submissionValueOutsideRange
      })
  }

  @Test("a value far outside the bands warns at the band edges; one just below the first band does not")
  func outsideBands() throws {
    let warnings = try Self.warnings(Self.document(#"  <response criterion="C5" value="25"/>"#))
    let warning = try #require(warnings.first { $0.content.key == .submissionValueOutsideRange })
    #expect(warning.text(in: .zh).contains("超出可计分范围（1 至 10）"))
    let ordinary = try Self.warnings(Self.document(#"  <response criterion="C5" value="0"/>"#))
    #expect(!ordinary.contains { $0.content.key == .submissionValueOutsideRange })
  }

  @Test("a value just past a lower-is-better scale's full-marks bound is ordinary")
  func lowerIsBetter() {
    let method = ScoringMethod.scale(from: 0, to: -0.05)
    #expect(!method.isImplausible(-0.053))
    #expect(method.isImplausible(-8))
    #expect(!ScoringMethod.bands([Band(min: 1, max: nil, points: 2)]).isImplausible(0))
  }

  @Test("a measured data value written as 96.7 warns at the data element's line")
  func measuredPercent() throws {
    let text = Self.document("", data: #"    <survey respondents="509" satisfaction="96.7"/>"#)
    let warning = try #require(try Self.warnings(text).first { $0.subject == "C2" })
    #expect(warning.content.key == .submissionDataLikelyPercent)
    #expect(warning.line == line(of: "satisfaction", in: text))
    #expect(warning.text(in: .zh).contains("96.7 — 是否应为 0.967？"), "\(warning.text(in: .zh))")
  }

  @Test("a measured data value that is not a number points at the data element, with the fraction")
  func measuredNotANumber() throws {
    let text = Self.document("", data: #"    <survey respondents="509" satisfaction="96.7%"/>"#)
    let warning = try #require(try Self.warnings(text).first { $0.subject == "C2" })
    #expect(warning.content.key == .submissionDataNotANumberPercent)
    #expect(warning.line == line(of: "satisfaction", in: text))
    #expect(warning.text(in: .zh).contains("0.967"))
    #expect(warning.text(in: .en).contains("'96.7%'"))
  }

  // MARK: Answers

  @Test("合理缺项 without a reason warns; with one it does not")
  func notApplicableWithoutReason() throws {
    let bare = try Self.warnings(Self.document(#"  <response criterion="C3" applicable="false"/>"#))
    let warning = try #require(bare.first { $0.content.key == .submissionNotApplicableWithoutReason })
    #expect(warning.text(in: .zh).contains("合理缺项须说明理由"))
    let given = try Self.warnings(
      Self.document(#"  <response criterion="C3" applicable="false" reason="本单位无公务用车"/>"#))
    #expect(!given.contains { $0.content.key == .submissionNotApplicableWithoutReason })
  }

  @Test("a criterion left out is reported at the <submission> line, not line 0")
  func leftOutAtSubmissionLine() throws {
    let text = Self.document("")
    let warning = try #require(try Self.warnings(text).first { $0.subject == "C4" })
    #expect(warning.content.key == .submissionUnanswered)
    #expect(warning.line == line(of: "<submission", in: text))
  }

  @Test("a value that is not a number suggests the fraction for a percentage")
  func valueNotANumber() throws {
    let errors = Self.read(Array(Self.document(#"  <response criterion="C1" value="92%"/>"#).utf8)).errors
    #expect(errors.first?.content.key == .submissionNotANumberPercent)
    #expect(errors.first?.text(in: .zh) == "value 不是数字：“92%”。百分数请写成小数，如 0.92")
  }
}
