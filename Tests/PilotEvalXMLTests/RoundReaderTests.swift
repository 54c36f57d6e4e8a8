import Foundation
import PilotEvalCore
import PilotEvalXML
import Testing

private typealias S = SubmissionDocument

/// A round on disk: good files, bad files and files that are not files.
private struct RoundFolder {
  let scratch: Scratch
  var submissions: String { scratch.path("submissions") }
  var reviews: String { scratch.path("reviews") }
  /// How many `*.xml` entries the submissions folder holds.
  let entries: Int

  init() throws {
    let scratch = try Scratch()
    var count = 0
    func write(_ name: String, _ text: String) throws {
      try scratch.write("submissions/" + name, text)
      count += 1
    }
    // Byte order: "B.xml" < "a-first.xml" < "a/x.xml" (a locale order could put a/ first).
    try write("B.xml", S.make(unit: "U3", #"  <response criterion="L1" level="A"><evidence ref="a.pdf"/></response>"#))
    try write("a-first.xml", S.make(unit: "U1", #"  <response criterion="J1" points="4"/>"#))
    try write("a/x.xml", S.make(unit: "U1", #"  <response criterion="J1" points="1"/>"#))
    try write("broken.xml", "<submission xmlns=\"urn:piloteval:submission:1\">\n  <unit>\n</submission>\n")
    try write("other-round.xml", S.make(unit: "U4", round: "2023H1"))
    try write("unknown-criterion.xml", S.make(unit: "U5", #"  <response criterion="Z9" level="A"/>"#))
    try write("big.xml", S.make(unit: "U6", "  <!--" + String(repeating: "x", count: 5000) + "-->"))
    try write("deep/nested/z.xml", S.make(unit: "U7", #"  <data><metric name="coverage">50</metric></data>"#))
    try write("folder.xml/inner.xml", S.make(unit: "U8"))
    for index in 0..<40 {
      try write(
        "many/unit-\(index).xml",
        S.make(unit: "M\(index)", #"  <response criterion="J1" points="\#(Double(index % 9) / 2)"/>"#))
    }
    try scratch.write("submissions/notes.txt", "not a submission")
    try scratch.link("submissions/dangling.xml", to: scratch.path("submissions/nowhere.xml"))
    try scratch.link("submissions/loop.xml", to: scratch.path("submissions/loop.xml"))
    try scratch.fifo("submissions/pipe.xml")
    try scratch.socket("submissions/socket.xml")
    try scratch.write("submissions/empty.xml", "")
    var generator = SeededGenerator(seed: 7)
    try scratch.write(
      "submissions/random.xml", bytes: (0..<3000).map { _ in UInt8.random(in: 0...255, using: &generator) })
    // A folder link back to its own parent: walked once, never forever.
    try scratch.link("submissions/deep/up", to: scratch.path("submissions"))
    count += 6

    try scratch.write(
      "reviews/U3-E1.xml",
      """
      <review xmlns="urn:piloteval:review:1" rubric="jgsw-pilot" unit="U3" round="2022H1" reviewer="E1">
        <score criterion="L1" level="B">基本健全</score>
      </review>
      """)
    try scratch.write("reviews/broken.xml", "<review")
    self.scratch = scratch
    entries = count
  }

  func configuration(jobs: Int) -> RunConfiguration {
    RunConfiguration(paths: [submissions], reviewPaths: [reviews], jobs: jobs, sizeLimit: 4096)
  }

  func relative(_ path: String) -> String { String(path.dropFirst(submissions.count + 1)) }
}

/// Everything a run produced, as text, so two runs can be compared.
private func rendering(_ result: RoundResult) -> String {
  var text = "round: \(result.round ?? "-")\n"
  dump(result.scorecards, to: &text)
  for ranked in result.ranked() {
    text += "\(ranked.rank) \(ranked.scorecard.unit.id) \(ranked.cohortRanks)\n"
  }
  for rejection in result.rejected {
    text += "\(rejection.kind) \(rejection.file)\n\(rejection.errors.listing)\n"
  }
  text += "\(result.summary)\n"
  return text
}

@Suite("Reading a round end to end")
struct RoundReaderTests {
  @Test("every file is accounted for: scored or rejected, exactly once")
  func accounting() throws {
    let folder = try RoundFolder()
    defer { folder.scratch.remove() }
    let result = RoundReader(rubric: S.rubric).run(folder.configuration(jobs: 1))
    let summary = result.summary
    #expect(summary.submissions == folder.entries)
    #expect(summary.submissions == summary.scored + summary.rejectedSubmissions)
    let submissionFiles = result.scorecards.map(\.file) + result.rejected.filter { $0.kind == .submission }.map(\.file)
    #expect(Set(submissionFiles).count == folder.entries, "no file twice")
    #expect(summary.reviewsApplied == 1)
    #expect(summary.rejectedReviews == 1)
    #expect(result.round == "2022H1")
  }

  @Test("files are taken in path byte order: the earlier path wins a duplicate unit")
  func order() throws {
    let folder = try RoundFolder()
    defer { folder.scratch.remove() }
    let result = RoundReader(rubric: S.rubric).run(folder.configuration(jobs: 1))
    let scored = result.scorecards.map { folder.relative($0.file) }
    #expect(Array(scored.prefix(2)) == ["B.xml", "a-first.xml"])
    #expect(scored.contains("deep/nested/z.xml"))
    #expect(scored.contains("folder.xml/inner.xml"))
    #expect(result.scorecards.first { $0.unit.id == "U1" }.map { folder.relative($0.file) } == "a-first.xml")
    let duplicate = try #require(result.rejected.first { folder.relative($0.file) == "a/x.xml" })
    #expect(duplicate.kind == .submission)
    #expect(duplicate.errors.first?.message.contains("a-first.xml") == true, "\(duplicate.errors.listing)")
  }

  @Test("rejections name the file and line; files that cannot be read have line 0")
  func rejections() throws {
    let folder = try RoundFolder()
    defer { folder.scratch.remove() }
    let result = RoundReader(rubric: S.rubric).run(folder.configuration(jobs: 1))
    let rejected = Dictionary(
      result.rejected.filter { $0.kind == .submission }.map { (folder.relative($0.file), $0.errors) },
      uniquingKeysWith: { a, _ in a })
    #expect(
      rejected.keys.sorted()
        == [
          "a/x.xml", "big.xml", "broken.xml", "dangling.xml", "empty.xml", "loop.xml", "other-round.xml", "pipe.xml",
          "random.xml", "socket.xml", "unknown-criterion.xml",
        ])
    for name in ["big.xml", "dangling.xml", "empty.xml", "loop.xml", "pipe.xml", "socket.xml"] {
      #expect(rejected[name]?.map(\.line) == [0], "\(name): \(rejected[name]?.listing ?? "")")
    }
    #expect(rejected["broken.xml"]?.first?.line == 3)
    #expect(rejected["other-round.xml"]?.first?.line == 2)
    #expect(rejected["unknown-criterion.xml"]?.first?.line == 5)
    #expect(rejected["unknown-criterion.xml"]?.first?.subject == "Z9")
    let files = result.rejected.map(\.file)
    #expect(files == files.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
  }

  @Test("the output is the same with 1 job and with 4")
  func jobs() throws {
    let folder = try RoundFolder()
    defer { folder.scratch.remove() }
    let reader = RoundReader(rubric: S.rubric)
    let one = rendering(reader.run(folder.configuration(jobs: 1)))
    let four = rendering(reader.run(folder.configuration(jobs: 4)))
    #expect(one == four)
    #expect(one.contains("U3"))
  }

  @Test("progress is reported once per submission file, in order")
  func progress() throws {
    let folder = try RoundFolder()
    defer { folder.scratch.remove() }
    let steps = Steps()
    _ = RoundReader(rubric: S.rubric).run(folder.configuration(jobs: 4)) { done, total in
      steps.append(done, total)
    }
    #expect(steps.all.map(\.0) == Array(1...folder.entries))
    #expect(steps.all.allSatisfy { $0.1 == folder.entries })
  }

  @Test("a review changes the score of its unit; measured data is used")
  func reviewsAndData() throws {
    let folder = try RoundFolder()
    defer { folder.scratch.remove() }
    let result = RoundReader(rubric: S.rubric).run(folder.configuration(jobs: 1))
    let u3 = try #require(result.scorecards.first { $0.unit.id == "U3" })
    #expect(u3.reviewers == ["E1"])
    #expect(u3.criteria.first { $0.id == "L1" }?.selfPoints == 4)
    #expect(u3.criteria.first { $0.id == "L1" }?.points == 2)
    let u7 = try #require(result.scorecards.first { $0.unit.id == "U7" })
    #expect(u7.criteria.first { $0.id == "M1" }?.points == 2, "coverage 50 on a 0…100 scale of 4 points")
  }

  @Test("a round given on the command line rejects the others")
  func givenRound() throws {
    let folder = try RoundFolder()
    defer { folder.scratch.remove() }
    var configuration = folder.configuration(jobs: 2)
    configuration.round = "2023H1"
    let result = RoundReader(rubric: S.rubric).run(configuration)
    #expect(result.scorecards.map(\.unit.id) == ["U4"])
    #expect(result.summary.submissions == result.summary.scored + result.summary.rejectedSubmissions)
  }

  @Test("validate reads the same run and lists every file once, reviews first, each with its warnings")
  func validateRun() throws {
    let folder = try RoundFolder()
    defer { folder.scratch.remove() }
    let reader = RoundReader(rubric: S.rubric)
    let validated = reader.validate(folder.configuration(jobs: 4))
    #expect(rendering(validated.result) == rendering(reader.run(folder.configuration(jobs: 1))))
    #expect(validated.files.count == folder.entries + 2)
    #expect(Set(validated.files).count == validated.files.count)
    #expect(validated.files.prefix(2).allSatisfy { $0.hasPrefix(folder.reviews) })
    #expect(Set(validated.warnings.keys) == Set(validated.files))
    // Accepted: advice on what it left unanswered. A duplicate of an accepted unit gets none.
    let accepted = validated.warnings[folder.scratch.path("submissions/a-first.xml")] ?? []
    #expect(!accepted.isEmpty)
    #expect(validated.warnings[folder.scratch.path("submissions/a/x.xml")]?.isEmpty == true)
    let serial = reader.validate(folder.configuration(jobs: 1))
    #expect(serial.files == validated.files)
    #expect(
      serial.files.map { serial.warnings[$0]?.listing } == validated.files.map { validated.warnings[$0]?.listing })
  }

  @Test("an empty folder is an empty run")
  func emptyRun() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let result = RoundReader(rubric: S.rubric).run(RunConfiguration(paths: [try scratch.makeFolder("none")]))
    let summary = result.summary
    #expect(summary.submissions == 0)
    #expect(summary.scored == 0)
    #expect(result.rejected.isEmpty)
    #expect(result.round == nil)
  }
}

private final class Steps: @unchecked Sendable {
  private let lock = NSLock()
  private var steps: [(Int, Int)] = []
  func append(_ done: Int, _ total: Int) { lock.withLock { steps.append((done, total)) } }
  var all: [(Int, Int)] { lock.withLock { steps } }
}
