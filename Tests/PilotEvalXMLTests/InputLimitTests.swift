import Foundation
import PilotEvalCore
import PilotEvalXML
import Testing

private typealias S = SubmissionDocument

/// A review of unit GX-NN-01 with `body` inside.
private func review(_ body: String) -> String {
  """
  <?xml version="1.0" encoding="UTF-8"?>
  <review xmlns="urn:piloteval:review:1" rubric="jgsw-pilot" unit="GX-NN-01" round="2022H1" reviewer="E03">
  \(body)
  </review>
  """
}

/// A rubric with the submission tests' shape and one extra XPath element `extra` (vetoes, deductions …).
private func rubric(_ extra: String, section: String = "") throws -> Rubric {
  let text = RubricDocument.make(body: section.isEmpty ? RubricDocument.section : section, extra: extra)
  switch RubricReader.load(bytes: text.bytes, file: "rubric.xml") {
  case .success(let loaded): return loaded.rubric
  case .failure(let refusal): throw RubricLoadFailure(listing: refusal.diagnostics.listing)
  }
}

private struct RubricLoadFailure: Error {
  var listing: String
}

private let huge = String(repeating: "9", count: 400)

@Suite("SPEC v1.1 limits on what a submission or review may hold")
struct InputLimitTests {
  // MARK: - Numbers

  @Test(
    "a submission number of magnitude 10^12 or more is rejected on its line",
    arguments: [
      #"  <response criterion="J1" points="\#(huge)"/>"#,
      #"  <response criterion="M1" value="1000000000000"/>"#,
      #"  <response criterion="M1" value="-1000000000000.5"/>"#,
      #"  <deduction id="D3" count="\#(huge)"/>"#,
    ])
  func submissionNumberTooLarge(_ body: String) {
    let errors = S.reject(S.make(body))
    #expect(errors.count == 1, "\(errors.listing)")
    #expect(errors.first?.line == 5)
    #expect(errors.first?.message.contains("too large") == true, "\(errors.listing)")
    #expect(errors.first?.message.count ?? 0 < 200, "the 400 digits are not quoted in full")
  }

  @Test("a number just below 10^12 is still a number")
  func belowTheLimit() throws {
    let submission = try S.accept(S.make(#"  <deduction id="D3" count="999999999999.99"/>"#))
    #expect(submission.deductionClaims.first?.count == 999_999_999_999.99)
  }

  @Test(
    "a review number of magnitude 10^12 or more is rejected on its line",
    arguments: [
      #"<score criterion="C1" value="\#(huge)"/>"#, #"<score criterion="C1" points="1000000000000"/>"#,
      #"<deduction id="D1" count="\#(huge)"/>"#, #"<evidence criterion="C1" rejected="1000000000000"/>"#,
    ])
  func reviewNumberTooLarge(_ body: String) {
    let loaded = ReviewReader().read(bytes: review(body).bytes, file: "rev.xml")
    #expect(loaded.value == nil)
    #expect(loaded.errors.first?.line == 3)
    #expect(loaded.errors.first?.message.contains("too large") == true, "\(loaded.errors.listing)")
  }

  @Test("a 0-point deduction with a 400-digit count no longer gives a NaN score ranked first")
  func nanScoreCannotRankFirst() throws {
    let rubric = try rubric(#"  <deductions><deduction id="D1" title="通报" points="0"/></deductions>"#)
    let reader = SubmissionReader(rubric: rubric)
    let hostile = reader.read(
      bytes: S.make(unit: "X", #"  <deduction id="D1" count="\#(huge)"/>"#).replacingOccurrences(
        of: "jgsw-pilot\" rubric-version=\"2022.1", with: "test\" rubric-version=\"1"
      ).bytes, file: "x.xml")
    #expect(hostile.value == nil, "rejected, not scored")
  }

  // MARK: - Empty ids

  @Test(
    "an empty id counts as missing (SPEC v1.1)",
    arguments: [
      ("unit", S.make(unit: "")), ("round", S.make(round: "")),
      ("rubric", S.make().replacingOccurrences(of: #"rubric="jgsw-pilot""#, with: #"rubric="""#)),
      ("criterion", S.make(#"  <response criterion="" points="1"/>"#)),
      ("deduction", S.make(#"  <deduction id="" count="1"/>"#)),
    ])
  func emptyIDs(_ what: String, _ text: String) {
    let loaded = S.reader.read(bytes: text.bytes, file: "sub.xml")
    let errors = loaded.value.map { SubmissionChecker(rubric: S.rubric).errors(in: $0) } ?? loaded.errors
    #expect(!errors.isEmpty, "an empty \(what) id was accepted")
  }

  // MARK: - XPath results

  @Test("an XPath result of ±∞ counts as no data: the measure is missing, the deduction count 0")
  func infinityIsNoData() throws {
    let rubric = try rubric(
      #"  <deductions><deduction id="D1" title="通报" points="1" select="1 div 0"/></deductions>"#,
      section: """
          <section id="S1" title="一">
            <criterion id="C1" title="指标" points="4">
              <bands><band min="0" points="4"/></bands>
              <measure select="-1 div 0"/>
            </criterion>
          </section>
        """)
    let text = S.make().replacingOccurrences(
      of: "jgsw-pilot\" rubric-version=\"2022.1", with: "test\" rubric-version=\"1")
    let loaded = SubmissionReader(rubric: rubric).read(bytes: text.bytes, file: "sub.xml")
    let submission = try #require(loaded.value, "\(loaded.errors.listing)")
    #expect(submission.derived.measured["C1"]?.isNaN == true)
    #expect(submission.derived.deductionCounts["D1"] == 0)
  }

  @Test("an XPath that needs more than the operation bound rejects the file at its root line, in seconds")
  func tooCostly() throws {
    let rubric = try rubric(
      #"  <deductions><deduction id="D1" title="通报" points="1" select="count(//*[count(//*) &gt; 0])"/></deductions>"#
    )
    let data = "<data>" + String(repeating: "<x/>", count: 100_000) + "</data>"
    let text = S.make(data).replacingOccurrences(
      of: "jgsw-pilot\" rubric-version=\"2022.1", with: "test\" rubric-version=\"1")
    let clock = ContinuousClock()
    var loaded: LoadedFile<Submission>?
    let elapsed = clock.measure {
      loaded = SubmissionReader(rubric: rubric).read(bytes: text.bytes, file: "costly.xml")
    }
    #expect(loaded?.value == nil)
    #expect(loaded?.stopsRun == nil, "the file is at fault, not the rubric")
    #expect(loaded?.errors.first?.line == 2, "the root element's line")
    #expect(loaded?.errors.first?.message.contains("evaluation too costly") == true, "\(loaded?.errors.listing ?? "")")
    #expect(elapsed < .seconds(5))
  }

  /// A rubric whose only XPath is `select`, in the place named.
  static func placedRubric(_ place: String, select: String) throws -> Rubric {
    switch place {
    case "measure":
      return try rubric(
        "",
        section: """
            <section id="S1" title="一">
              <criterion id="C1" title="指标" points="4">
                <bands><band min="0" points="4"/></bands>
                <measure select="\(select)"/>
              </criterion>
            </section>
          """)
    case "checklist select":
      return try rubric(
        "",
        section: """
            <section id="S1" title="一">
              <criterion id="C1" title="指标" points="4">
                <checklist><item id="a" points="4" select="\(select)">制度</item></checklist>
              </criterion>
            </section>
          """)
    case "veto": return try rubric(#"  <vetoes><veto id="V1" title="事故" select="\#(select)"/></vetoes>"#)
    default:
      return try rubric(#"  <deductions><deduction id="D1" title="通报" points="1" select="\#(select)"/></deductions>"#)
    }
  }

  static let places = ["measure", "checklist select", "veto", "deduction select"]

  @Test("every XPath place is bounded: a quadratic expression rejects the file at its root line", arguments: places)
  func everyPlaceBounded(_ place: String) throws {
    let rubric = try Self.placedRubric(place, select: "count(//*[count(//*) &gt; 0]) &gt; 0")
    let text = S.make("<data>" + String(repeating: "<x/>", count: 50_000) + "</data>").replacingOccurrences(
      of: "jgsw-pilot\" rubric-version=\"2022.1", with: "test\" rubric-version=\"1")
    let loaded = SubmissionReader(rubric: rubric).read(bytes: text.bytes, file: "costly.xml")
    #expect(loaded.errors.first?.message.contains("evaluation too costly") == true, "\(loaded.errors.listing)")
    #expect(loaded.errors.first?.line == 2)
  }

  @Test("in every XPath place, an error on the data stops the run instead of reading as false", arguments: places)
  func everyPlaceStops(_ place: String) throws {
    let rubric = try Self.placedRubric(place, select: "boolean(s:data/s:flag) and count(1) &gt; 0")
    let text = S.make("  <data><flag/></data>").replacingOccurrences(
      of: "jgsw-pilot\" rubric-version=\"2022.1", with: "test\" rubric-version=\"1")
    let loaded = SubmissionReader(rubric: rubric).read(bytes: text.bytes, file: "sub.xml")
    #expect(loaded.stopsRun != nil, "\(loaded.errors.listing)")
  }

  @Test("an XPath error that depends on the data stops the run with the rubric's line, never reads as false")
  func dataDependentErrorStopsTheRun() throws {
    let rubric = try rubric(
      """
        <vetoes>
          <veto id="V1" title="事故" select="s:data/s:flag and count(1) &gt; 0"/>
        </vetoes>
      """)
    let vetoLine = rubric.vetoes[0].line
    #expect(vetoLine > 0)
    let text = S.make(#"  <data><flag/></data>"#).replacingOccurrences(
      of: "jgsw-pilot\" rubric-version=\"2022.1", with: "test\" rubric-version=\"1")
    let loaded = SubmissionReader(rubric: rubric).read(bytes: text.bytes, file: "sub.xml")
    let failure = try #require(loaded.stopsRun)
    #expect(failure.line == vetoLine)
    #expect(failure.message.contains("veto V1"))
    #expect(failure.message.contains("sub.xml"))

    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("subs/a.xml", text)
    try scratch.write("subs/b.xml", text.replacingOccurrences(of: "GX-NN-01", with: "GX-NN-02"))
    let result = RoundReader(rubric: rubric).run(RunConfiguration(paths: [scratch.path("subs")]))
    #expect(result.rubricFailure?.line == vetoLine)
  }
}
