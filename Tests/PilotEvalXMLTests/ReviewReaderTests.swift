import Foundation
import PilotEvalCore
import PilotEvalXML
import Testing

@Suite("Reading a review (SPEC §3)")
struct ReviewReaderTests {
  static let reader = ReviewReader()

  static let review = """
    <?xml version="1.0" encoding="UTF-8"?>
    <review xmlns="urn:piloteval:review:1" rubric="jgsw-pilot" unit="GX-NN-01" round="2022H1" reviewer="E03">
      <score criterion="C1" level="B">材料不全</score>
      <score criterion="C2" value="0.80"/>
      <score criterion="C3"><check item="a"/><check item="a"/></score>
      <score criterion="C4" points="3.5"/>
      <score criterion="C6">仅评论</score>
      <evidence criterion="C5" rejected="2"/>
      <evidence criterion="C5"/>
      <bonus id="B1" rejected="true"/>
      <bonus id="B2"/>
      <deduction id="D1" count="3"/>
      <veto id="V1" triggered="true">发生事故</veto>
      <veto id="V2" triggered="1"/>
      <veto id="V3"/>
      <comment>SPEC 未列出的元素被忽略</comment>
    </review>
    """

  @Test("a review's header and changes are read")
  func reads() throws {
    let loaded = Self.reader.read(bytes: Self.review.bytes, file: "rev.xml")
    let review = try #require(loaded.value, "\(loaded.errors.listing)")
    #expect(review.rubricID == "jgsw-pilot")
    #expect(review.unitID == "GX-NN-01")
    #expect(review.round == "2022H1")
    #expect(review.reviewer == "E03")
    #expect(review.line == 2)
    #expect(review.scores.map(\.criterion) == ["C1", "C2", "C3", "C4", "C6"])
    #expect(review.scores[0].level == "B")
    #expect(review.scores[0].comment == "材料不全")
    #expect(review.scores[1].value == 0.8)
    #expect(review.scores[2].checks == ["a"])
    #expect(review.scores[3].points == 3.5)
    #expect(review.scores[4].checks == nil, "a <score> without <check> leaves the checked set alone")
    #expect(review.scores[4].changesAnswer == false)
    #expect(review.scores.map(\.line) == [3, 4, 5, 6, 7])
    #expect(review.evidenceRejections.map(\.count) == [2, 1])
    #expect(review.bonusVerdicts.map(\.rejected) == [true, false])
    #expect(review.deductions.map(\.count) == [3])
    #expect(review.vetoes.map(\.triggered) == [true, true, false])
    #expect(review.vetoes.first?.reason == "发生事故")
  }

  @Test("a review must name its rubric, unit, round and reviewer", arguments: ["rubric", "unit", "round", "reviewer"])
  func header(attribute: String) throws {
    let text = Self.review.replacingOccurrences(
      of: #" \#(attribute)="[^"]*""#, with: "", options: .regularExpression,
      range: Self.review.range(of: "<review ")!.lowerBound..<Self.review.range(of: "reviewer=\"E03\">")!.upperBound)
    let loaded = Self.reader.read(bytes: text.bytes, file: "rev.xml")
    #expect(loaded.value == nil)
    let error = try #require(loaded.errors.first)
    #expect(error.line == 2)
    #expect(error.message.contains(attribute), "\(error)")
  }

  @Test(
    "value, points, count or rejected that is not a number rejects the review",
    arguments: [
      #"<score criterion="C2" value="0,8"/>"#,
      #"<score criterion="C4" points="3.5 "/>"#,
      #"<deduction id="D1" count="three"/>"#,
      #"<evidence criterion="C5" rejected="1e1"/>"#,
    ])
  func notANumber(element: String) throws {
    let text = """
      <review xmlns="urn:piloteval:review:1" rubric="jgsw-pilot" unit="GX-NN-01" round="2022H1" reviewer="E03">
        \(element)
      </review>
      """
    let loaded = Self.reader.read(bytes: text.bytes, file: "rev.xml")
    #expect(loaded.value == nil)
    #expect(loaded.errors.map(\.line) == [2], "\(loaded.errors.listing)")
  }

  @Test("the root must be <review> in the review namespace")
  func root() {
    let text = #"<review xmlns="urn:piloteval:submission:1" rubric="r" unit="u" round="r" reviewer="e"/>"#
    let loaded = Self.reader.read(bytes: text.bytes, file: "rev.xml")
    #expect(loaded.value == nil)
    #expect(loaded.errors.first?.message.contains("root element") == true)
  }

  @Test("a review over the size limit is rejected unread, with line 0")
  func oversized() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let path = try scratch.write("rev.xml", Self.review)
    let loaded = ReviewReader(sizeLimit: 100).read(path: path)
    #expect(loaded.value == nil)
    #expect(loaded.errors.map(\.line) == [0])
    #expect(ReviewReader(sizeLimit: Self.review.utf8.count).read(path: path).value != nil)
  }
}
