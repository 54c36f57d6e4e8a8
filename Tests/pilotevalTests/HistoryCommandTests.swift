import Foundation
import Testing

/// `piloteval record` and `piloteval trend` on the bundled sample rounds, as an evaluator runs them.
@Suite("History commands", .serialized)
struct HistoryCommandTests {
  private static let rubric = "Rubrics/jgsw-pilot.xml"

  /// `record` arguments for a bundled sample round into `db`.
  private func recordArguments(_ round: String, db: URL, extra: [String] = []) -> [String] {
    ["record", "--rubric", Self.rubric, "--reviews", "Samples/\(round)/reviews", "--db", db.path, "--draws", "50"]
      + extra + ["Samples/\(round)/submissions"]
  }

  /// The `trend --list` rows of `db`: (round, recorded at).
  private func recordedRounds(_ db: URL) async throws -> [(round: String, recordedAt: String)] {
    let listing = try await CommandRunner.run(["trend", "--list", "--db", db.path])
    #expect(listing.status == 0, "\(listing.stderr)")
    return listing.stdout.split(separator: "\n").dropFirst(2).map { line in
      let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
      return (fields.first ?? "", fields.last ?? "")
    }
  }

  @Test("a round is recorded once; again only with --replace")
  func duplicateRoundRefused() async throws {
    let folder = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("history.sqlite")

    let first = try await CommandRunner.run(recordArguments("2025H1", db: db))
    #expect(first.status == 0, "\(first.stderr)")
    // 56 units and GX-WZ-01 (broken/13-percent-as-whole-number.xml, scored with a warning).
    #expect(first.stderr.contains("recorded round 2025H1 (57 units"))

    let again = try await CommandRunner.run(recordArguments("2025H1", db: db))
    #expect(again.status == 1)
    #expect(again.stderr.contains("2025H1"))
    #expect(again.stderr.contains("--replace"))

    let replaced = try await CommandRunner.run(recordArguments("2025H1", db: db, extra: ["--replace"]))
    #expect(replaced.status == 0, "\(replaced.stderr)")
    #expect(replaced.stderr.contains("replaced round 2025H1"))
    #expect(try await recordedRounds(db).map(\.round) == ["2025H1"])
  }

  @Test("a writer killed with SIGKILL before commit leaves the earlier rounds intact and the file usable")
  func killedWriterLeavesStoreIntact() async throws {
    let folder = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("history.sqlite")
    let first = try await CommandRunner.run(recordArguments("2025H1", db: db))
    #expect(first.status == 0, "\(first.stderr)")
    let before = try await recordedRounds(db)
    #expect(before.map(\.round) == ["2025H1"])

    // A new round, and a replacement of the recorded one: each killed with every row written.
    for arguments in [recordArguments("2025H2", db: db), recordArguments("2025H1", db: db, extra: ["--replace"])] {
      let marker = folder.appendingPathComponent("writing-\(UUID().uuidString)")
      let writer = try CommandRunner.start(
        arguments, environment: ["PILOTEVAL_TEST_PAUSE_BEFORE_COMMIT": marker.path])
      let deadline = Date().addingTimeInterval(120)
      while !FileManager.default.fileExists(atPath: marker.path) && writer.isRunning && Date() < deadline {
        try await Task.sleep(nanoseconds: 50_000_000)
      }
      #expect(FileManager.default.fileExists(atPath: marker.path), "the writer never reached the commit")
      kill(writer.processIdentifier, SIGKILL)
      writer.waitUntilExit()
      #expect(writer.terminationReason == .uncaughtSignal)
      #expect(writer.terminationStatus == SIGKILL)

      let after = try await recordedRounds(db)
      #expect(after.map(\.round) == ["2025H1"])
      #expect(after.map(\.recordedAt) == before.map(\.recordedAt))
    }

    let second = try await CommandRunner.run(recordArguments("2025H2", db: db))
    #expect(second.status == 0, "\(second.stderr)")
    #expect(try await recordedRounds(db).map(\.round) == ["2025H1", "2025H2"])
  }

  @Test("trend without a database says how to make one")
  func trendWithoutDatabase() async throws {
    let folder = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = try await CommandRunner.run(["trend", "--db", folder.appendingPathComponent("none.sqlite").path])
    #expect(output.status == 1)
    #expect(output.stderr.contains("piloteval record"))
  }

  @Test("a malformed pairings file is refused line by line before anything is scored")
  func malformedPairings() async throws {
    let folder = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let pairings = folder.appendingPathComponent("pairings.csv")
    try "unit,partner\nGX-NN-02\nGX-NN-02,GX-NN-02\n".write(to: pairings, atomically: true, encoding: .utf8)
    let db = folder.appendingPathComponent("history.sqlite")
    let output = try await CommandRunner.run(recordArguments("2025H1", db: db, extra: ["--pairings", pairings.path]))
    #expect(output.status == 1)
    #expect(output.stderr.contains("pairings.csv:2:"))
    #expect(output.stderr.contains("pairings.csv:3:"))
    #expect(!FileManager.default.fileExists(atPath: db.path))
  }
}

/// The multi-round workflow of the README, end to end on the three bundled sample rounds.
@Suite("Multi-round workflow", .serialized)
struct MultiRoundWorkflowTests {
  private static let rubric = "Rubrics/jgsw-pilot.xml"

  private func record(_ round: String, db: URL, pairings: Bool) async throws {
    var arguments = ["record", "--rubric", Self.rubric, "--reviews", "Samples/\(round)/reviews", "--db", db.path]
    if pairings { arguments += ["--pairings", "Samples/\(round)/pairings.csv"] }
    let output = try await CommandRunner.run(arguments + ["-q", "Samples/\(round)/submissions"])
    #expect(output.status == 0, "\(output.stderr)")
  }

  @Test("three recorded rounds: the gap closes, laggards catch up, a staller is named, pairings are compared")
  func samplesConverge() async throws {
    let folder = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("piloteval.sqlite")
    try await record("2025H1", db: db, pairings: true)
    try await record("2025H2", db: db, pairings: true)
    try await record("2026H1", db: db, pairings: false)

    let output = try await CommandRunner.run(["trend", "--db", db.path, "--format", "json"])
    #expect(output.status == 0, "\(output.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: output.stdoutBytes) as? [String: Any])
    #expect(json["rounds"] as? [String] == ["2025H1", "2025H2", "2026H1"])
    #expect(json["basis"] as? String == "points")
    let sigma = try #require(json["sigma"] as? [String: Any])
    #expect(sigma["verdict"] as? String == "converging")
    let beta = try #require(json["beta"] as? [[String: Any]])
    let overall = try #require(beta.last)
    #expect(overall["from"] as? String == "2025H1")
    #expect(overall["to"] as? String == "2026H1")
    #expect(overall["verdict"] as? String == "converging")
    #expect(overall["count"] as? Int == 56)

    let stalled = try #require(json["stalledLaggards"] as? [String])
    #expect(stalled.contains("HA-ZZ-02"))

    let effects = try #require(json["partnerEffects"] as? [[String: Any]])
    #expect(effects.count == 2)
    #expect(effects.allSatisfy { $0["source"] as? String == "arranged" })
    #expect(effects.allSatisfy { ($0["difference"] as? Double ?? 0) > 0 })

    // The same rounds give the same bytes again, and --out keeps the same JSON beside CSV and text.
    let trendFolder = folder.appendingPathComponent("trend")
    let again = try await CommandRunner.run([
      "trend", "--db", db.path, "--format", "json", "--out", trendFolder.path,
    ])
    #expect(again.stdoutBytes == output.stdoutBytes)
    #expect(try Data(contentsOf: trendFolder.appendingPathComponent("trend.json")) == output.stdoutBytes)
    let csv = try String(contentsOf: trendFolder.appendingPathComponent("trend.csv"), encoding: .utf8)
    // 56 units in every round, and GX-WZ-01 (broken/13-percent-as-whole-number.xml) in 2025H1 only.
    #expect(csv.split(whereSeparator: \.isNewline).count == 58)
    let text = try String(contentsOf: trendFolder.appendingPathComponent("trend.txt"), encoding: .utf8)
    #expect(text.contains("observational comparison"))

    // The report of the latest round gains a trends page linked from the index.
    let report = folder.appendingPathComponent("report")
    let reportRun = try await CommandRunner.run([
      "report", "--rubric", Self.rubric, "--reviews", "Samples/2026H1/reviews", "--db", db.path, "--out", report.path,
      "--draws", "50", "-q", "Samples/2026H1/submissions",
    ])
    #expect(reportRun.status == 0, "\(reportRun.stderr)")
    let index = try String(contentsOf: report.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(index.contains("href=\"trends.html\""))
    let trends = try String(contentsOf: report.appendingPathComponent("trends.html"), encoding: .utf8)
    #expect(trends.contains("新郑市机关事务服务中心"))
    #expect(trends.contains("2025H1"))
  }
}

/// A rubric revised between rounds (新版评估细则): criteria are matched by id and scores compared in percent.
@Suite("Rubric revised between rounds", .serialized)
struct RevisedRubricTests {
  @Test("a criterion added in the second round's rubric is reported and totals are compared in percent")
  func revisedRubric() async throws {
    let folder = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let root = CommandRunner.repositoryRoot
    // Version 2026.1 adds C1.5 (5 points) to S1: the total goes from 100 to 105.
    let original = try String(contentsOf: root.appendingPathComponent("Rubrics/jgsw-pilot.xml"), encoding: .utf8)
    let revised =
      original
      .replacingOccurrences(of: "id=\"jgsw-pilot\" version=\"2025.1\"", with: "id=\"jgsw-pilot\" version=\"2026.1\"")
      .replacingOccurrences(
        of: "    <criterion id=\"C1.4\"",
        with: "    <criterion id=\"C1.5\" title=\"标准化信息平台\" points=\"5\">\n      <judgement step=\"0.5\"/>\n"
          + "    </criterion>\n    <criterion id=\"C1.4\"")
    #expect(revised.contains("C1.5") && revised.contains("2026.1"))
    let rubric = folder.appendingPathComponent("jgsw-pilot-2026.1.xml")
    try revised.write(to: rubric, atomically: true, encoding: .utf8)
    // The second round's submissions, declaring the new version.
    let submissions = folder.appendingPathComponent("2025H2")
    try FileManager.default.createDirectory(at: submissions, withIntermediateDirectories: true)
    let source = root.appendingPathComponent("Samples/2025H2/submissions")
    for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".xml") {
      guard let text = try? String(contentsOf: source.appendingPathComponent(name), encoding: .utf8) else { continue }
      try text.replacingOccurrences(of: "rubric-version=\"2025.1\"", with: "rubric-version=\"2026.1\"")
        .write(to: submissions.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    let db = folder.appendingPathComponent("history.sqlite")
    let first = try await CommandRunner.run([
      "record", "--rubric", "Rubrics/jgsw-pilot.xml", "--db", db.path, "--draws", "20", "-q",
      "Samples/2025H1/submissions",
    ])
    #expect(first.status == 0, "\(first.stderr)")
    let second = try await CommandRunner.run([
      "record", "--rubric", rubric.path, "--db", db.path, "--draws", "20", "-q", submissions.path,
    ])
    #expect(second.status == 0, "\(second.stderr)")

    let output = try await CommandRunner.run(["trend", "--db", db.path, "--format", "json"])
    #expect(output.status == 0, "\(output.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: output.stdoutBytes) as? [String: Any])
    #expect(json["basis"] as? String == "percent")
    let change = try #require((json["rubricChanges"] as? [[String: Any]])?.first)
    #expect(change["fromRubric"] as? String == "jgsw-pilot 2025.1")
    #expect(change["toRubric"] as? String == "jgsw-pilot 2026.1")
    #expect(change["added"] as? [String] == ["C1.5"])
    #expect(change["removed"] as? [String] == [])
    #expect(change["toTotal"] as? Double == 105)
    let table = try await CommandRunner.run(["trend", "--db", db.path])
    #expect(table.stdout.contains("C1.5"))
  }
}
