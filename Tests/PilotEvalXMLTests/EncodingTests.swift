import Foundation
import PilotEvalCore
import PilotEvalXML
import Testing

private typealias S = SubmissionDocument

/// One way to write the same submission to bytes.
struct Encoded: CustomTestStringConvertible, Sendable {
  var name: String
  var bytes: @Sendable () throws -> [UInt8]
  var testDescription: String { name }
}

/// GB18030-2000 in Foundation's numbering (kCFStringEncodingGB_18030_2000 as an NSStringEncoding).
private let gb18030 = String.Encoding(rawValue: 0x8000_0632)

/// A submission in Chinese, with a character outside the BMP (𠮷, four bytes in GB18030).
private func text(declaring encoding: String?) -> String {
  let declaration = encoding.map { "<?xml version=\"1.0\" encoding=\"\($0)\"?>\n" } ?? ""
  return declaration + """
    <submission xmlns="urn:piloteval:submission:1" rubric="jgsw-pilot" rubric-version="2022.1">
      <unit id="GX-NN-01" region="广西壮族自治区" level="市级" category="机关事务管理局">南宁市机关事务管理局</unit>
      <round id="2022H1"/>
      <response criterion="L1" level="A"><note>已落实：领导小组、会议纪要</note><note>吉𠮷</note></response>
    </submission>
    """
}

private func encode(_ text: String, _ encoding: String.Encoding) throws -> [UInt8] {
  Array(try #require(text.data(using: encoding), "Foundation cannot write \(encoding)"))
}

@Suite("Any encoding libxml2 reads is accepted (SPEC: UTF-8, UTF-16, GB18030/GBK)")
struct EncodingTests {
  static let encodings: [Encoded] = [
    Encoded(name: "UTF-8") { Array(text(declaring: "UTF-8").utf8) },
    Encoded(name: "UTF-8 without a declaration") { Array(text(declaring: nil).utf8) },
    Encoded(name: "UTF-8 with a BOM") { [0xEF, 0xBB, 0xBF] + Array(text(declaring: "UTF-8").utf8) },
    Encoded(name: "UTF-16 little-endian with a BOM") {
      [0xFF, 0xFE] + (try encode(text(declaring: "UTF-16"), .utf16LittleEndian))
    },
    Encoded(name: "UTF-16 big-endian with a BOM") {
      [0xFE, 0xFF] + (try encode(text(declaring: "UTF-16"), .utf16BigEndian))
    },
    Encoded(name: "UTF-16 with a BOM and no declaration") { try encode(text(declaring: nil), .utf16) },
    Encoded(name: "GB18030 with an encoding declaration") { try encode(text(declaring: "GB18030"), gb18030) },
  ]

  @Test("the same submission reads the same in every encoding", arguments: encodings)
  func sameSubmission(_ encoded: Encoded) throws {
    let bytes = try encoded.bytes()
    let loaded = S.reader.read(bytes: bytes, file: "enc.xml")
    let submission = try #require(loaded.value, "\(loaded.errors.listing)")
    #expect(submission.unit.name == "南宁市机关事务管理局")
    #expect(submission.unit.region == "广西壮族自治区")
    #expect(submission.unit.level == "市级")
    #expect(submission.unit.category == "机关事务管理局")
    #expect(submission.responses.first?.notes == ["已落实：领导小组、会议纪要", "吉𠮷"])
  }

  @Test("the GB18030 bytes really are GB18030, not UTF-8")
  func reallyGB18030() throws {
    let bytes = try encode(text(declaring: "GB18030"), gb18030)
    #expect(String(validating: bytes, as: UTF8.self) == nil)
    #expect(bytes.count < Array(text(declaring: "GB18030").utf8).count)
  }

  @Test("a GBK file with an encoding declaration reads the same (fixture made with iconv -t GBK)")
  func gbk() throws {
    let url = try #require(
      Bundle.module.url(forResource: "submission-gbk", withExtension: "xml", subdirectory: "Fixtures/encodings"))
    let bytes = Array(try Data(contentsOf: url))
    #expect(String(validating: bytes, as: UTF8.self) == nil, "the fixture must not be UTF-8")
    let loaded = S.reader.read(path: url.path)
    let submission = try #require(loaded.value, "\(loaded.errors.listing)")
    #expect(submission.unit.name == "南宁市机关事务管理局")
    #expect(submission.unit.region == "广西壮族自治区")
    #expect(submission.responses.first?.notes == ["已落实：领导小组、会议纪要"])
  }

  @Test("GB18030 bytes declared as UTF-8 are not well-formed")
  func wrongDeclaration() throws {
    let bytes = try encode(text(declaring: "UTF-8"), gb18030)
    let loaded = S.reader.read(bytes: bytes, file: "enc.xml")
    #expect(loaded.value == nil)
    #expect(loaded.errors.first?.line == 3, "\(loaded.errors.listing)")
  }
}
