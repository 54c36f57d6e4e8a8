import Foundation
import PilotEvalCore
import PilotEvalXML
import Testing

/// Inputs found by the libFuzzer campaigns (docs/FUZZING.md), replayed through the same code paths
/// as the fuzz targets in Fuzz/Sources. Tools/fuzz.sh copies every crash, timeout or leak to
/// Fixtures/fuzz-regressions/<Target>-<hash>.xml; the minimized corpora of the campaigns are kept
/// there too, so the paths they reached stay covered by the ordinary test run.
///
/// Each file must give a definite outcome: accepted, or rejected with at least one located reason.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
  /// The fixtures of one target, in byte order of their names.
  static func fixtures(_ target: String) -> [URL] {
    guard
      let folder = Bundle.module.resourceURL?.appendingPathComponent("Fixtures/fuzz-regressions"),
      let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
    else { return [] }
    return names.filter { $0.hasPrefix(target + "-") }
      .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      .map { folder.appendingPathComponent($0) }
  }

  /// The rubric every submission and scoring target reads against (as in Fuzz/Sources).
  static let rubric: Rubric = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    guard case .success(let loaded) = RubricReader.load(path: root.path + "/Rubrics/jgsw-pilot.xml") else {
      fatalError("Rubrics/jgsw-pilot.xml cannot be loaded")
    }
    return loaded.rubric
  }()

  /// The separator FuzzScoring splits its input on.
  static let separator = Array("\n<!--FUZZ-SPLIT-->\n".utf8)

  static func bytes(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }

  @Test("every target has regression fixtures")
  func fixturesExist() {
    for target in ["FuzzRubric", "FuzzSubmission", "FuzzReview", "FuzzScoring"] {
      #expect(!Self.fixtures(target).isEmpty, "no fixtures for \(target)")
    }
  }

  @Test("rubric inputs: loaded, or refused with at least one error")
  func rubrics() throws {
    for url in Self.fixtures("FuzzRubric") {
      switch RubricReader.load(bytes: try Self.bytes(url), file: url.lastPathComponent) {
      case .success(let loaded):
        #expect(loaded.rubric.total.isFinite, "\(url.lastPathComponent)")
      case .failure(let refusal):
        #expect(refusal.diagnostics.contains { $0.severity == .error }, "\(url.lastPathComponent)")
      }
    }
  }

  @Test("submission inputs: accepted and scored to a finite score, or rejected with reasons")
  func submissions() throws {
    let reader = SubmissionReader(rubric: Self.rubric)
    let engine = ScoringEngine(rubric: Self.rubric)
    var accepted = 0
    let fixtures = Self.fixtures("FuzzSubmission")
    for url in fixtures {
      let loaded = reader.read(bytes: try Self.bytes(url), file: url.lastPathComponent)
      if let submission = loaded.value {
        accepted += 1
        #expect(loaded.errors.isEmpty, "\(url.lastPathComponent)")
        let card = engine.score(submission, file: url.lastPathComponent, reviews: [])
        #expect(card.score.isFinite && card.selfScore.isFinite, "\(url.lastPathComponent)")
      } else {
        #expect(!loaded.errors.isEmpty, "\(url.lastPathComponent): rejected without a reason")
        #expect(loaded.errors.allSatisfy { $0.line >= 0 && !$0.message.isEmpty }, "\(url.lastPathComponent)")
      }
    }
    // The campaign's corpus reaches both outcomes; a fixture set that lost one would test less.
    #expect(accepted > 0 && accepted < fixtures.count)
  }

  @Test("review inputs: accepted, or rejected with reasons")
  func reviews() throws {
    let reader = ReviewReader()
    for url in Self.fixtures("FuzzReview") {
      let loaded = reader.read(bytes: try Self.bytes(url), file: url.lastPathComponent)
      #expect((loaded.value != nil) == loaded.errors.isEmpty, "\(url.lastPathComponent)")
    }
  }

  @Test("scoring inputs: the submission is scored or rejected, never lost; the analysis completes")
  func scoring() throws {
    let submissions = SubmissionReader(rubric: Self.rubric)
    let reviewReader = ReviewReader()
    var scored = 0
    let fixtures = Self.fixtures("FuzzScoring")
    for url in fixtures {
      let parts = Self.split(try Self.bytes(url), limit: 6)
      let submission = submissions.read(bytes: parts[0], file: "submission.xml")
      let reviews = parts.dropFirst().enumerated().map { index, part in
        reviewReader.read(bytes: part, file: "review-\(index + 1).xml")
      }
      var builder = RoundBuilder(rubric: Self.rubric, round: nil, reviews: reviews)
      _ = builder.add(submission)
      let result = builder.finish()
      let summary = result.summary
      #expect(summary.submissions == 1 && summary.scored + summary.rejectedSubmissions == 1, "\(url.lastPathComponent)")
      #expect(result.scorecards.allSatisfy { $0.score.isFinite }, "\(url.lastPathComponent)")
      let analysis = RoundAnalysis(result, options: AnalysisOptions(robustness: RobustnessOptions(draws: 5)))
      #expect(analysis.placements.count == result.scorecards.count, "\(url.lastPathComponent)")
      scored += result.scorecards.count
    }
    #expect(scored > 0 && scored < fixtures.count)
  }

  /// Splits on the separator into at most `limit` parts (the last keeps any further separators).
  static func split(_ bytes: [UInt8], limit: Int) -> [[UInt8]] {
    var parts: [[UInt8]] = []
    var start = 0
    var index = 0
    let count = separator.count
    while index + count <= bytes.count && parts.count < limit - 1 {
      if bytes[index..<(index + count)].elementsEqual(separator) {
        parts.append(Array(bytes[start..<index]))
        index += count
        start = index
      } else {
        index += 1
      }
    }
    parts.append(Array(bytes[start...]))
    return parts
  }
}
