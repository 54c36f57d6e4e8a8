import Foundation
import Testing

/// `rank` and `trend` print their terminal tables wholly in the chosen language: no English sentence in
/// Chinese output, and no Chinese in English output except names and titles taken from the data.
@Suite("Table language", .serialized)
struct TableLanguageTests {
  private static let rubric = "Rubrics/jgsw-pilot.xml"

  /// The `rank` table of the 2025H1 sample in `language`.
  private func rank(_ language: String) async throws -> String {
    let output = try await CommandRunner.run(
      [
        "rank", "--lang", language, "--rubric", Self.rubric, "--reviews", "Samples/2025H1/reviews", "--draws", "50",
        "-q", "Samples/2025H1/submissions",
      ], environment: [:])
    #expect(output.status == 0, "\(output.stderr)")
    return output.stdout
  }

  /// Records the three sample rounds into a fresh database and returns its path and folder.
  private func recordedRounds() async throws -> (db: URL, folder: URL) {
    let folder = try CommandRunner.temporaryDirectory()
    let db = folder.appendingPathComponent("piloteval.sqlite")
    for round in ["2025H1", "2025H2", "2026H1"] {
      let pairings = round == "2026H1" ? [] : ["--pairings", "Samples/\(round)/pairings.csv"]
      let output = try await CommandRunner.run(
        ["record", "--rubric", Self.rubric, "--reviews", "Samples/\(round)/reviews", "--db", db.path, "--draws", "50"]
          + pairings + ["-q", "Samples/\(round)/submissions"])
      #expect(output.status == 0, "\(output.stderr)")
    }
    return (db, folder)
  }

  /// Runs of three or more English words joined by single spaces (table columns are two or more apart).
  static func englishPhrases(_ text: String) -> [String] {
    let pattern = /[A-Za-z][A-Za-z'-]+(?: [A-Za-z][A-Za-z'-]+){2,}/
    return text.matches(of: pattern).map { String($0.output) }
  }

  /// Runs of Han characters in `text` that `data` does not contain.
  static func chineseNotFrom(_ data: String, in text: String) -> [String] {
    let pattern = /[\p{Han}]+/
    return text.matches(of: pattern).map { String($0.output) }.filter { !data.contains($0) }
  }

  /// The words a table may take from the inputs: the rubric and the JSON of the same run (regions, tiers,
  /// criteria; trend's JSON also names the units).
  private func dataText(_ arguments: [String]) async throws -> String {
    let json = try await CommandRunner.run(arguments + ["--format", "json"])
    let rubric = try String(contentsOfFile: Self.rubric, encoding: .utf8)
    return rubric + json.stdout
  }

  @Test("rank --lang zh prints no English sentence; --lang en no Chinese but names from the data")
  func rankLanguages() async throws {
    let zh = try await rank("zh")
    #expect(Self.englishPhrases(zh).isEmpty, "\(Self.englishPhrases(zh))")
    for old in [
      "draws with seed", "Agreement between", "panels differ", "mean self", "overstating", "[same-region]",
      "too few reviews", "vetoed",
    ] {
      #expect(!zh.contains(old), "\(old)")
    }
    #expect(zh.contains("名次区间来自 50 次随机扰动"))
    #expect(zh.contains("专家评审不足：0 < 1"))
    #expect(zh.contains("专家评分一致性："))

    let en = try await rank("en")
    let data = try await dataText([
      "rank", "--rubric", Self.rubric, "--reviews", "Samples/2025H1/reviews", "--draws", "50", "-q",
      "Samples/2025H1/submissions",
    ])
    let folder = URL(fileURLWithPath: "Samples/2025H1/submissions")
    let submissions = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .compactMap { try? String(contentsOf: $0, encoding: .utf8) }.joined()
    let names = data + submissions
    #expect(Self.chineseNotFrom(names, in: en).isEmpty, "\(Self.chineseNotFrom(names, in: en))")
    #expect(!en.contains("，") && !en.contains("："))
    #expect(en.contains("Agreement between experts"))
    #expect(en.contains("too few reviews: 0 < 1"))
  }

  @Test("trend --lang zh prints no English sentence; --lang en no Chinese but names from the data")
  func trendLanguages() async throws {
    let (db, folder) = try await recordedRounds()
    defer { try? FileManager.default.removeItem(at: folder) }

    let zh = try await CommandRunner.run(["trend", "--lang", "zh", "--db", db.path], environment: [:])
    #expect(zh.status == 0, "\(zh.stderr)")
    #expect(Self.englishPhrases(zh.stdout).isEmpty, "\(Self.englishPhrases(zh.stdout))")
    for old in [
      "σ-convergence", "Laggards caught up", "observational comparison", "Regression to the mean",
      "moved up", "with partners",
    ] {
      #expect(!zh.stdout.contains(old), "\(old)")
    }
    #expect(zh.stdout.contains("σ 收敛：收敛（差距缩小）。差距在缩小"))
    #expect(zh.stdout.contains("这是观察性比较"))

    // The text file written with --out follows the language too.
    let out = folder.appendingPathComponent("trend")
    let written = try await CommandRunner.run(
      ["trend", "--lang", "zh", "--db", db.path, "--out", out.path], environment: [:])
    #expect(written.status == 0, "\(written.stderr)")
    let text = try String(contentsOf: out.appendingPathComponent("trend.txt"), encoding: .utf8)
    #expect(text == zh.stdout)

    let en = try await CommandRunner.run(["trend", "--lang", "en", "--db", db.path], environment: [:])
    #expect(en.status == 0, "\(en.stderr)")
    let data = try await dataText(["trend", "--db", db.path])
    #expect(Self.chineseNotFrom(data, in: en.stdout).isEmpty, "\(Self.chineseNotFrom(data, in: en.stdout))")
    #expect(en.stdout.contains("σ-convergence: converging. The gap is narrowing"))
    #expect(en.stdout.contains("This is an observational comparison"))
  }

  @Test("the English-phrase check finds sentences and lets ids, numbers and statistic names pass")
  func detector() {
    #expect(Self.englishPhrases("ICC(1,k) 0.99 · Krippendorff α · E02、E11 · exemplary  good  pass").isEmpty)
    #expect(Self.englishPhrases("差距在缩小 The gap is narrowing") == ["The gap is narrowing"])
    #expect(Self.chineseNotFrom("浙江省", in: "unit 浙江省 and 示范") == ["示范"])
  }
}
