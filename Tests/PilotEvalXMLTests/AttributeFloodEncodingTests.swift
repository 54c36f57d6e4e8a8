import Foundation
import PilotEvalCore
import PilotEvalXML
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

private typealias S = SubmissionDocument

/// `text` in `encoding`, converted by the C library's iconv (the converter libxml2 uses too).
private func iconvEncode(_ text: String, to encoding: String) throws -> [UInt8] {
  let converter = iconv_open(encoding, "UTF-8")
  try #require(converter != iconv_t(bitPattern: -1), "iconv cannot write \(encoding)")
  defer { iconv_close(converter) }
  var input = Array(text.utf8).map { CChar(bitPattern: $0) }
  var output = [CChar](repeating: 0, count: input.count * 4 + 16)
  var inLeft = input.count
  var outLeft = output.count
  let status = input.withUnsafeMutableBufferPointer { inBuffer in
    output.withUnsafeMutableBufferPointer { outBuffer in
      var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
      var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
      return iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
    }
  }
  try #require(status != -1, "iconv failed for \(encoding)")
  return output[0..<(output.count - outLeft)].map { UInt8(bitPattern: $0) }
}

/// `text` written in `encoding`; for UTF-7 the XML declaration stays plain ASCII (iconv would
/// write its `=` and quotes in base64, which libxml2 could not read as a declaration).
private func encodeDocument(_ text: String, to encoding: String) throws -> [UInt8] {
  guard encoding == "UTF-7", let split = text.range(of: "?>") else { return try iconvEncode(text, to: encoding) }
  return Array(text[..<split.upperBound].utf8) + (try iconvEncode(String(text[split.upperBound...]), to: encoding))
}

/// A submission declaring `encoding` whose `<note>` on line 5 carries `count` attributes.
private func flood(_ count: Int, declaring encoding: String) -> String {
  let attributes = (0..<count).map { " a\($0)=\"\($0)\"" }.joined()
  // Latin letters only: EBCDIC code pages have no Chinese.
  return S.make(#"  <response criterion="J1" points="2"><note\#(attributes)>x</note></response>"#)
    .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"\(encoding)\"")
    .replacingOccurrences(of: #"region="广西" level="市级" category="机关事务管理局">南宁市机关事务管理局"#, with: ">Nanning")
}

@Suite("The 256-attribute bound holds in every encoding libxml2 reads (SPEC v1.1 §2)")
struct AttributeFloodEncodingTests {
  /// Encodings whose bytes do not show `<`, `=` and quotes as ASCII: EBCDIC code pages and UTF-7.
  static let encodings = ["IBM037", "IBM500", "IBM1047", "IBM273", "UTF-7"]

  @Test("257 attributes are rejected on their line, before parsing", arguments: encodings)
  func rejected(_ encoding: String) throws {
    let bytes = try encodeDocument(flood(256 + 1, declaring: encoding), to: encoding)
    let loaded = S.reader.read(bytes: bytes, file: "flood.xml")
    #expect(loaded.value == nil)
    #expect(loaded.errors.first?.message.contains("more than 256 attributes") == true, "\(loaded.errors.listing)")
    #expect(loaded.errors.first?.line == 5)
  }

  /// libxml2 2.9.14 cannot read a long UTF-7 document at all (its stateful decoder fails
  /// across buffer refills), so UTF-7 is only checked for the rejection.
  @Test(
    "the limit itself is accepted: the decoded scan does not reject good files",
    arguments: encodings.filter { $0 != "UTF-7" })
  func accepted(_ encoding: String) throws {
    let bytes = try encodeDocument(flood(256, declaring: encoding), to: encoding)
    let loaded = S.reader.read(bytes: bytes, file: "ok.xml")
    #expect(loaded.value != nil, "\(loaded.errors.listing)")
  }

  @Test("100,000 attributes in IBM037 are refused in well under a second, not parsed for 40 s")
  func ebcdicFloodIsFast() throws {
    let bytes = try iconvEncode(flood(100_000, declaring: "IBM037"), to: "IBM037")
    let clock = ContinuousClock()
    var loaded: LoadedFile<Submission>?
    let elapsed = clock.measure { loaded = S.reader.read(bytes: bytes, file: "flood.xml") }
    #expect(loaded?.value == nil)
    #expect(elapsed < .seconds(2))
  }
}
