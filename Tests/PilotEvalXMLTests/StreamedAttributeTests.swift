import PilotEvalCore
import PilotEvalXML
import Testing

private typealias S = SubmissionDocument

/// What every written attribute must read as: `&amp;`, `&lt;` and `&#x4E2D;` resolved.
private let written = "X&amp;Y&lt;&#x4E2D;"
private let read = "X&Y<中"

@Suite("Streamed attributes read exactly as the tree reader reads them")
struct StreamedAttributeTests {
  /// A review where the attribute under test carries `written` and the rest are plain.
  static func review(_ attribute: String) -> String {
    func value(_ name: String, _ plain: String) -> String { name == attribute ? written : plain }
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <review xmlns="urn:piloteval:review:1" rubric="\(value("rubric", "jgsw-pilot"))" unit="\(value("unit", "U1"))" round="\(value("round", "2022H1"))" reviewer="\(value("reviewer", "E1"))">
        <score criterion="\(value("score/criterion", "C1"))" level="\(value("score/level", "A"))"><check item="\(value("check/item", "a"))"/></score>
        <evidence criterion="\(value("evidence/criterion", "C2"))" rejected="1"/>
        <bonus id="\(value("bonus/id", "B1"))" rejected="true"/>
        <deduction id="\(value("deduction/id", "D1"))" count="1"/>
        <veto id="\(value("veto/id", "V1"))" triggered="true"/>
      </review>
      """
  }

  static let reviewAttributes: [(String, @Sendable (Review) -> String?)] = [
    ("rubric", { $0.rubricID }), ("unit", { $0.unitID }), ("round", { $0.round }), ("reviewer", { $0.reviewer }),
    ("score/criterion", { $0.scores.first?.criterion }), ("score/level", { $0.scores.first?.level }),
    ("check/item", { $0.scores.first?.checks?.first }),
    ("evidence/criterion", { $0.evidenceRejections.first?.criterion }),
    ("bonus/id", { $0.bonusVerdicts.first?.id }), ("deduction/id", { $0.deductions.first?.id }),
    ("veto/id", { $0.vetoes.first?.id }),
  ]

  @Test("every review attribute that is matched or shown", arguments: reviewAttributes)
  func reviewAttribute(_ attribute: String, _ value: @Sendable (Review) -> String?) throws {
    let loaded = ReviewReader().read(bytes: Self.review(attribute).bytes, file: "rev.xml")
    let review = try #require(loaded.value, "\(loaded.errors.listing)")
    #expect(value(review) == read)
  }

  @Test("a review of unit X&Y (unit=\"X&amp;Y\") belongs to the submission of unit X&Y")
  func reviewMatchesItsUnit() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("subs/a.xml", S.make(unit: "X&amp;Y", #"  <response criterion="J1" points="2"/>"#))
    try scratch.write(
      "revs/r.xml",
      """
      <review xmlns="urn:piloteval:review:1" rubric="jgsw-pilot" unit="X&amp;Y" round="2022H1" reviewer="E1">
        <score criterion="J1" points="3"/>
      </review>
      """)
    let result = RoundReader(rubric: S.rubric).run(
      RunConfiguration(paths: [scratch.path("subs")], reviewPaths: [scratch.path("revs")]))
    #expect(result.rejected.isEmpty, "\(result.rejected.flatMap(\.errors).listing)")
    #expect(result.scorecards.first?.unit.id == "X&Y")
    #expect(result.scorecards.first?.reviewers == ["E1"])
  }

  @Test("an attribute the internal DTD defaults is not read, as the tree does not hold it")
  func defaultedAttributesAreLeftOut() throws {
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE review [<!ATTLIST veto triggered CDATA "true">]>
      <review xmlns="urn:piloteval:review:1" rubric="jgsw-pilot" unit="U1" round="2022H1" reviewer="E1">
        <veto id="V1"/>
      </review>
      """
    let loaded = ReviewReader().read(bytes: text.bytes, file: "rev.xml")
    let review = try #require(loaded.value, "\(loaded.errors.listing)")
    #expect(review.vetoes.first?.triggered == false)
  }

  static let submissionAttributes: [(String, String, @Sendable (Submission) -> String?)] = [
    ("unit id", #"<unit id="\#(written)">n</unit><round id="2022H1"/>"#, { $0.unit.id }),
    ("unit region", #"<unit id="U" region="\#(written)">n</unit><round id="2022H1"/>"#, { $0.unit.region }),
    ("unit level", #"<unit id="U" level="\#(written)">n</unit><round id="2022H1"/>"#, { $0.unit.level }),
    ("unit category", #"<unit id="U" category="\#(written)">n</unit><round id="2022H1"/>"#, { $0.unit.category }),
    ("round id", #"<unit id="U">n</unit><round id="\#(written)"/>"#, { $0.round }),
    (
      "response reason",
      #"<unit id="U">n</unit><round id="2022H1"/><response criterion="J1" points="1" reason="\#(written)"/>"#,
      { $0.responses.first?.reason }
    ),
  ]

  @Test("every streamed submission attribute that is matched or shown", arguments: submissionAttributes)
  func submissionAttribute(_ name: String, _ body: String, _ value: @Sendable (Submission) -> String?) throws {
    let text = """
      <submission xmlns="urn:piloteval:submission:1" rubric="jgsw-pilot" rubric-version="2022.1">
      \(body)
      </submission>
      """
    let loaded = S.reader.read(bytes: text.bytes, file: "sub.xml")
    let submission = try #require(loaded.value, "\(loaded.errors.listing)")
    #expect(value(submission) == read, "\(name)")
  }
}
