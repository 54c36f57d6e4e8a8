import Foundation
import PilotEvalCore
import Testing

@testable import PilotEvalXML

/// The shortcuts the readers take for speed give exactly what the general code gives.
@Suite("Reading shortcuts")
struct ReadingShortcutsTests {
  static let numbers = [
    "0", "-0", "0.0", "-0.0", "1", "-1", "42", "3.5", "-0.25", "0.1", "0.3", "2.675", "1.005", "007.50",
    "9007199254740993",
    "123456789012345", "1234567890123456", "0.000000000000000000001", "0.0000000000000000000001",
    "0.00000000000000000000001", "999999999999999", "99999999999999.9", "1.7976931348623157", "4.9406564584124654",
    "", "-", ".", ".5", "5.", "-.5", "+1", "1e5", "1E5", " 1", "1 ", "1,5", "1..2", "1.2.3", "--1", "1-", "0x10",
    "１", "١", "inf", "nan", "1_000",
  ]

  @Test("parseNumber's fast path reads every number as the general conversion does", arguments: numbers)
  func fastPathTable(_ text: String) {
    #expect(parseNumber(text)?.bitPattern == parseNumberByConversion(text)?.bitPattern)
  }

  @Test("parseNumber's fast path agrees with the general conversion on 100,000 generated strings")
  func fastPathGenerated() {
    var generator = SeededGenerator(seed: 2026)
    let alphabet = Array("0123456789-.")
    var mismatches: [String] = []
    for _ in 0..<100_000 {
      let length = Int.random(in: 0...24, using: &generator)
      var text = ""
      for _ in 0..<length {
        // Mostly digits, sometimes a sign or a point, so most strings are numbers.
        let pick = Int.random(in: 0..<40, using: &generator)
        text.append(pick < 36 ? alphabet[pick % 10] : alphabet[10 + pick % 2])
      }
      if parseNumber(text)?.bitPattern != parseNumberByConversion(text)?.bitPattern { mismatches.append(text) }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
  }

  @Test("the '=' count before the attribute scan: exact at every length and alignment")
  func equalSignCount() {
    var generator = SeededGenerator(seed: 7)
    for length in 0..<300 {
      let bytes: [UInt8] = (0..<length + 3).map { _ in UInt8.random(in: 0..<4, using: &generator) == 0 ? 0x3D : 0x61 }
      for start in 0..<3 {
        let count = bytes[start..<(start + length)].filter { $0 == 0x3D }.count
        bytes.withUnsafeBytes { all in
          let raw = UnsafeRawBufferPointer(rebasing: all[start..<(start + length)])
          for limit in [-1, 0, count - 1, count, count + 1, 256] {
            #expect(PreScan.count(0x3D, in: raw, exceeds: limit) == (count > limit), "length \(length), limit \(limit)")
          }
        }
      }
    }
  }

  // MARK: - One parser context per thread

  /// Documents of every kind: samples (GB18030 among them), broken ones, and the pruning probes.
  static var mixedDocuments: [(name: String, bytes: [UInt8])] {
    let samples = PrunedTreeTests.samples.map { relative in
      (
        relative,
        Array(FileManager.default.contents(atPath: PrunedTreeTests.repository.path + "/" + relative) ?? Data())
      )
    }
    let probes = PrunedTreeTests.cases.map { ($0.name, Array($0.document.utf8)) }
    let utf16: [UInt8] = {
      let text = PrunedTreeTests.document(PrunedTreeTests.unitAndRound).replacingOccurrences(
        of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
      var bytes: [UInt8] = [0xFF, 0xFE]
      for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
      return bytes
    }()
    return samples + probes + [("utf-16", utf16)]
  }

  @Test("what a document reads as does not depend on what the thread parsed before")
  func orderDoesNotMatter() {
    let documents = Self.mixedDocuments
    for reader in [PrunedTreeTests.pruned, PrunedTreeTests.whole] {
      let forward = documents.map { reader.read(bytes: $0.bytes, file: $0.name) }
      let backward = documents.reversed().map { reader.read(bytes: $0.bytes, file: $0.name) }.reversed()
      for (one, other) in zip(forward, backward) {
        #expect(one.errors == other.errors, "\(one.file)")
        #expect(one.value?.unit == other.value?.unit, "\(one.file)")
        #expect(one.value?.responses == other.value?.responses, "\(one.file)")
        #expect(one.value?.derived.triggeredVetoes == other.value?.derived.triggeredVetoes, "\(one.file)")
        #expect(
          one.value?.derived.measured.mapValues(\.bitPattern) == other.value?.derived.measured.mapValues(\.bitPattern),
          "\(one.file)")
      }
    }
  }

  @Test("attribute and namespace defaults from one document's DTD do not reach the next document")
  func noDefaultsLeak() throws {
    let withDefaults = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE submission [
        <!ATTLIST response level CDATA "A">
        <!ATTLIST x:response xmlns:x CDATA "urn:piloteval:submission:1">
        <!ATTLIST score level CDATA "A">
      ]>
      <submission xmlns="urn:piloteval:submission:1" rubric="jgsw-pilot" rubric-version="2025.1">
        <unit id="U1">一</unit><round id="2025H1"/><response criterion="C1.1"/><x:response criterion="C1.2"/>
      </submission>
      """
    let plain = PrunedTreeTests.document(
      PrunedTreeTests.unitAndRound + #"<response criterion="C1.1"/><x:response criterion="C1.2"/>"#)
    let review = """
      <review xmlns="urn:piloteval:review:1" rubric="jgsw-pilot" unit="U1" round="2025H1" reviewer="E1">
        <score criterion="C1.1"/>
      </review>
      """
    for reader in [PrunedTreeTests.pruned, PrunedTreeTests.whole] {
      let first = try #require(reader.read(bytes: Array(withDefaults.utf8), file: "defaults.xml").value)
      #expect(first.responses.map(\.criterion) == ["C1.1", "C1.2"], "the defaulted namespace applies here")
      let submission = try #require(reader.read(bytes: Array(plain.utf8), file: "plain.xml").value)
      #expect(submission.responses.map(\.criterion) == ["C1.1"], "x: is undeclared here")
      #expect(submission.responses.first?.level == nil)
      _ = ReviewReader().read(bytes: Array(withDefaults.utf8), file: "defaults.xml")
      let change = try #require(ReviewReader().read(bytes: Array(review.utf8), file: "review.xml").value?.scores.first)
      #expect(change.level == nil)
    }
  }

  @Test("a refused DOCTYPE, a broken document and a huge dictionary do not spoil the next parse")
  func afterTrouble() throws {
    let plain = PrunedTreeTests.document(PrunedTreeTests.unitAndRound + PrunedTreeTests.data)
    let expected = try #require(PrunedTreeTests.whole.read(bytes: Array(plain.utf8), file: "plain.xml").value)
    let names = (0..<6000).map { "<n\($0)/>" }.joined()
    let troubles = [
      #"<!DOCTYPE submission [<!ENTITY e "x">]><submission xmlns="urn:piloteval:submission:1"/>"#,
      #"<!DOCTYPE submission SYSTEM "http://example.com/a.dtd"><submission/>"#,
      "<submission><unit></submission>",
      PrunedTreeTests.document(PrunedTreeTests.unitAndRound + "<data>" + names + "</data>"),
      PrunedTreeTests.document(PrunedTreeTests.unitAndRound + "<response>" + names + "</response>"),
    ]
    for trouble in troubles {
      for reader in [PrunedTreeTests.pruned, PrunedTreeTests.whole] {
        _ = reader.read(bytes: Array(trouble.utf8), file: "trouble.xml")
        _ = ReviewReader().read(bytes: Array(trouble.utf8), file: "trouble.xml")
        let again = try #require(reader.read(bytes: Array(plain.utf8), file: "plain.xml").value)
        #expect(again.unit == expected.unit)
        #expect(again.derived.measured.mapValues(\.bitPattern) == expected.derived.measured.mapValues(\.bitPattern))
        #expect(again.derived.deductionCounts == expected.derived.deductionCounts)
      }
    }
  }

  @Test("a review's score attributes, read in one pass, are the ones attribute(_:) finds first")
  func scoreAttributesInOnePass() throws {
    // `p` is undeclared: libxml2 reports `p:level` as a `level` in no namespace, before the real one;
    // the tree names it `p:level`, and a streamed review reads it as the tree does (only `level`).
    let text = """
      <review xmlns="urn:piloteval:review:1" rubric="jgsw-pilot" unit="U1" round="2025H1" reviewer="E1">
        <score p:level="B" level="A" criterion="C1.1" points="2.5" value="x"/>
        <score criterion="C1.2" points="1,5"/>
      </review>
      """
    let loaded = ReviewReader().read(bytes: Array(text.utf8), file: "review.xml")
    #expect(loaded.errors.map(\.message) == ["value is not a number: 'x'", "points is not a number: '1,5'"])
    #expect(loaded.errors.map(\.line) == [2, 3])
    let fixed = text.replacingOccurrences(of: #" value="x""#, with: "").replacingOccurrences(of: "1,5", with: "1.5")
    let scores = try #require(ReviewReader().read(bytes: Array(fixed.utf8), file: "review.xml").value?.scores)
    #expect(scores.map(\.level) == ["A", nil])
    #expect(scores.map(\.points) == [2.5, 1.5])
  }

  // MARK: - Collecting inputs

  @Test("a path named twice, or named and found in a folder, comes once: the first one, in byte order")
  func collectedOnce() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("in/b.xml", "<x/>")
    try scratch.write("in/A.xml", "<x/>")
    try scratch.link("in/broken.xml", to: scratch.path("in/nowhere.xml"))
    let found = InputCollector.collect([
      scratch.path("in/b.xml"), scratch.path("in"), scratch.path("in/broken.xml"), scratch.path("in/b.xml"),
    ])
    #expect(found.map { ($0.path as NSString).lastPathComponent } == ["A.xml", "b.xml", "broken.xml"])
    // Found by the walk first, so the walk's reason is kept, not the one for the named path.
    let broken = try #require(found.last?.problem?.message)
    #expect(broken.contains("broken or looping symbolic link"), "\(broken)")
  }

  @Test("paths equal as strings but not byte for byte (é composed and decomposed) come once")
  func canonicallyEqualPaths() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("in/caf\u{E9}.xml", "<x/>")
    try scratch.write("in/cafe\u{301}.xml", "<x/>")
    try scratch.write("in/z.xml", "<x/>")
    let found = InputCollector.collect([scratch.path("in")])
    #expect(found.count == 2)
    #expect(found.last?.path.hasSuffix("z.xml") == true)
  }

  @Test(
    "*.xml in any ASCII case, and names that only look close",
    arguments: [
      ("a.xml", true), ("A.XML", true), ("b.XmL", true), (".xml", true), ("xml", false), ("a.xm", false),
      ("a.xml ", false), ("a.x\u{30C}ml", false), ("a.\u{212A}ml", false), ("数据.XML", true),
    ])
  func xmlNames(_ name: String, _ isXML: Bool) {
    #expect(InputCollector.isXMLName(name) == isXML)
    #expect(InputCollector.isXMLName(name) == name.lowercased().hasSuffix(".xml"))
  }
}
