import Foundation
import PilotEvalCore
import PilotEvalXML
import Testing

private typealias S = SubmissionDocument

/// A submission whose `<note>` on line 5 carries `count` attributes.
private func manyAttributes(_ count: Int) -> String {
  let attributes = (0..<count).map { " a\($0)=\"\($0)\"" }.joined()
  return S.make(#"  <response criterion="J1" points="2"><note\#(attributes)>x</note></response>"#)
}

@Suite("Slow inputs are refused before libxml2 parses them")
struct SlowInputTests {
  @Test("an element with more attributes than any submission needs is rejected, with its line")
  func tooManyAttributes() {
    let errors = S.reject(manyAttributes(PreScanLimit.attributes + 1))
    #expect(errors.count == 1)
    #expect(errors.first?.line == 5)
    #expect(errors.first?.message.contains("more than 256 attributes") == true, "\(errors)")
  }

  @Test("200,000 attributes in one element (about 2 MB) are rejected, not parsed for minutes")
  func pathologicalAttributes() {
    let text = manyAttributes(200_000)
    #expect(text.utf8.count > 2_000_000)
    let loaded = SubmissionReader(rubric: S.rubric, sizeLimit: 4 * 1024 * 1024).read(
      bytes: Array(text.utf8), file: "slow.xml")
    #expect(loaded.value == nil)
    #expect(loaded.errors.first?.message.contains("refused before parsing") == true)
  }

  @Test("exactly the limit is accepted")
  func atTheLimit() throws {
    _ = try S.accept(manyAttributes(PreScanLimit.attributes))
  }

  @Test("'=' inside quoted values, comments, CDATA and processing instructions is not counted")
  func onlyRealAttributesCount() throws {
    let noise = String(repeating: "=", count: 1000)
    let text = S.make(
      """
        <!-- \(noise) -->
        <?note \(noise)?>
        <response criterion="J1" points="2" reason="\(noise)"><note><![CDATA[\(noise)]]></note></response>
      """)
    _ = try S.accept(text)
  }

  @Test("UTF-16 documents are scanned by code units")
  func utf16() throws {
    let text = manyAttributes(PreScanLimit.attributes + 1).replacingOccurrences(
      of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let loaded = S.reader.read(bytes: bytes, file: "utf16.xml")
    #expect(loaded.errors.first?.message.contains("more than 256 attributes") == true, "\(loaded.errors)")
    #expect(loaded.errors.first?.line == 5)
  }

  @Test("reviews get the same guard")
  func reviews() {
    let attributes = (0..<300).map { " a\($0)=\"1\"" }.joined()
    let text = """
      <review xmlns="urn:piloteval:review:1" rubric="jgsw-pilot" unit="U1" round="2022H1" reviewer="E1">
        <score criterion="J1" points="2"\(attributes)/>
      </review>
      """
    let loaded = ReviewReader().read(bytes: Array(text.utf8), file: "r.xml")
    #expect(loaded.errors.first?.line == 2)
  }
}

/// The limit the tests hold the scanner to (SPEC is silent; docs/DECISIONS.md records it).
private enum PreScanLimit {
  static let attributes = 256
}
