import Foundation
import PilotEvalCore
import Testing

@testable import PilotEvalXML

/// The batch reads submissions without their responses' notes (scorecards carry none):
/// everything else reads exactly as with them.
@Suite("The batch's submission reader leaves notes unread")
struct BatchNotesTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static let rubric: Rubric = {
    guard case .success(let loaded) = RubricReader.load(path: repository.path + "/Rubrics/jgsw-pilot.xml") else {
      fatalError("Rubrics/jgsw-pilot.xml cannot be loaded")
    }
    return loaded.rubric
  }()

  /// Every sample submission of 2025H1, the broken ones included.
  static let samples: [String] = ["", "/broken"].flatMap { sub -> [String] in
    let folder = repository.path + "/Samples/2025H1/submissions" + sub
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".xml") }.sorted().map { folder + "/" + $0 }
  }

  @Test("notes are left out, and only notes, in every sample submission, pruned or whole")
  func samplesWithoutNotes() throws {
    var notesSeen = 0
    for pruning in [true, false] {
      let full = SubmissionReader(rubric: Self.rubric, pruning: pruning)
      let batch = SubmissionReader(rubric: Self.rubric, pruning: pruning, keepsNotes: false)
      for path in Self.samples {
        let a = full.read(path: path)
        let b = batch.read(path: path)
        #expect(a.errors == b.errors, "\(path)")
        #expect(a.warnings == b.warnings, "\(path)")
        guard var withNotes = a.value, let without = b.value else {
          #expect(a.value == nil && b.value == nil, "\(path)")
          continue
        }
        notesSeen += withNotes.responses.reduce(0) { $0 + $1.notes.count }
        #expect(without.responses.allSatisfy { $0.notes.isEmpty }, "\(path)")
        for index in withNotes.responses.indices { withNotes.responses[index].notes = [] }
        #expect(withNotes.responses == without.responses, "\(path)")
        #expect(withNotes.unit == without.unit, "\(path)")
        #expect(withNotes.bonusClaims == without.bonusClaims, "\(path)")
        #expect(withNotes.deductionClaims == without.deductionClaims, "\(path)")
        #expect(withNotes.derived.measured.mapValues(\.bitPattern) == without.derived.measured.mapValues(\.bitPattern))
      }
    }
    // The samples have notes to leave out.
    #expect(notesSeen > 20)
  }

  @Test("a note with markup, CDATA and references is not read, and changes nothing else")
  func noteNotGathered() throws {
    let text = SubmissionDocument.make(
      """
        <response criterion="L1" level="A"><note>一<![CDATA[<二>]]>&lt;三&amp;<b>四</b></note><evidence ref="a"/></response>
      """)
    let reader = SubmissionReader(rubric: SubmissionDocument.rubric, pruning: true, keepsNotes: false)
    let value = try #require(reader.read(bytes: text.bytes, file: "sub.xml").value)
    let response = try #require(value.responses.first)
    #expect(response.notes.isEmpty)
    #expect(response.evidenceCount == 1)
    #expect(response.level == "A")
    #expect(value.unit.name == "南宁市机关事务管理局")
    let kept = try SubmissionDocument.accept(text)
    #expect(kept.responses.first?.notes == ["一<二><三&四"])
  }
}
