import Foundation
import Testing

/// The uncertainty work end to end: every JSON file the tool writes parses strictly (no repeated key), β is
/// per recorded round elapsed, and `record` warns when a round is recorded out of its id's order.
@Suite("Uncertainty commands", .serialized)
struct UncertaintyCommandTests {
  private static let rubric = "Rubrics/jgsw-pilot.xml"

  private func record(_ round: String, db: URL) async throws -> CommandRunner.Output {
    try await CommandRunner.run([
      "record", "--rubric", Self.rubric, "--reviews", "Samples/\(round)/reviews", "--db", db.path, "--draws", "50",
      "-q", "Samples/\(round)/submissions",
    ])
  }

  @Test("the strict parser refuses a repeated key, as the panel's old \"raters\" twice")
  func strictParserRefusesRepeats() throws {
    #expect(throws: StrictJSON.Failure.self) { try StrictJSON.parse(#"{"raters": 2, "raters": []}"#) }
    #expect(throws: StrictJSON.Failure.self) { try StrictJSON.parse(#"{"a": {"b": 1, "b": 1}}"#) }
    #expect(try StrictJSON.parse(#"{"raterCount": 2, "raters": [{"rater": "E1"}]}"#) is [String: Any])
  }

  @Test("score, rank, trend and the report folder write JSON with no repeated key")
  func everyJSONIsStrict() async throws {
    let folder = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("h.sqlite")
    for round in ["2025H1", "2025H2"] {
      let output = try await record(round, db: db)
      #expect(output.status == 0, "\(output.stderr)")
    }
    let round = ["--rubric", Self.rubric, "--reviews", "Samples/2026H1/reviews"]
    var texts: [(String, String)] = []
    for command in ["score", "rank"] {
      let run = try await CommandRunner.run(
        [command] + round + ["--format", "json", "--out", folder.appendingPathComponent(command).path]
          + (command == "rank" ? ["--draws", "50"] : []) + ["-q", "Samples/2026H1/submissions"])
      #expect(run.status == 0, "\(run.stderr)")
      texts.append(("\(command) stdout", run.stdout))
    }
    let trend = try await CommandRunner.run([
      "trend", "--db", db.path, "--format", "json", "--out", folder.appendingPathComponent("trend").path,
    ])
    #expect(trend.status == 0, "\(trend.stderr)")
    texts.append(("trend stdout", trend.stdout))
    let report = try await CommandRunner.run(
      ["report"] + round + [
        "--db", db.path, "--out", folder.appendingPathComponent("report").path, "--draws", "50", "-q",
        "Samples/2026H1/submissions",
      ])
    #expect(report.status == 0, "\(report.stderr)")
    let files =
      FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
      .compactMap { $0 as? URL }.filter { $0.pathExtension == "json" } ?? []
    #expect(files.count >= 5)
    for file in files {
      texts.append((file.lastPathComponent, try String(contentsOf: file, encoding: .utf8)))
    }
    for (name, text) in texts {
      #expect(throws: Never.self, "\(name)") { _ = try StrictJSON.parse(text) }
    }
    let analysis = try #require(
      try StrictJSON.parse(
        String(contentsOf: folder.appendingPathComponent("rank/analysis.json"), encoding: .utf8)) as? [String: Any])
    let panel = try #require(analysis["panel"] as? [String: Any])
    #expect(panel["raterCount"] is Double)
    #expect(panel["raters"] is [Any])
  }

  @Test("trend 2025H1 2026H1 divides growth by the 2 recorded rounds elapsed, as the three-round trend does")
  func betaPerRecordedRound() async throws {
    let folder = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("h.sqlite")
    for round in ["2025H1", "2025H2", "2026H1"] {
      let output = try await record(round, db: db)
      #expect(output.status == 0, "\(output.stderr)")
    }
    func beta(_ rounds: [String]) async throws -> [String: Any]? {
      let run = try await CommandRunner.run(["trend", "--db", db.path, "--format", "json"] + rounds)
      let json = try JSONSerialization.jsonObject(with: run.stdoutBytes) as? [String: Any]
      return (json?["beta"] as? [[String: Any]])?.first {
        $0["from"] as? String == "2025H1" && $0["to"] as? String == "2026H1"
      }
    }
    let pair = try #require(try await beta(["2025H1", "2026H1"]))
    let all = try #require(try await beta([]))
    #expect(pair["periods"] as? Int == 2)
    #expect(pair["slope"] as? Double == all["slope"] as? Double)
    let regression = try #require(pair["regressionToMean"] as? [String: Any])
    #expect(regression["r"] is Double)
    #expect(regression["correctedInterval"] is [String: Any])
  }

  @Test("recording 2025H1 after 2025H2 warns that trend takes the recording order as time order")
  func outOfOrderWarning() async throws {
    let folder = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("h.sqlite")
    let first = try await record("2025H2", db: db)
    #expect(first.status == 0)
    #expect(!first.stderr.contains("warning"))
    let second = try await record("2025H1", db: db)
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stderr.contains("warning: round 2025H1 was recorded after round 2025H2"))
  }
}
