import ArgumentParser
import Foundation
import PilotEvalCore
import PilotEvalHistory
import PilotEvalReports
import PilotEvalXML

/// `piloteval record`: scores a round and keeps it in the history database.
struct Record: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Score a round and keep it in the history database, for `trend` and the report's trends page.",
    discussion: """
      Scores and analyses the round as `rank` does, then stores in one transaction: the rubric's
      id, version, tiers, sections and criteria; every unit's score, rank, tier, section and
      criterion points and reviewers; the exemplars and learning partners; and every rejected
      file with its reason. A crash or a kill mid-write leaves the database as it was.

      A round already recorded is refused unless --replace is given. --pairings names the
      结对帮扶 pairings the programme office actually arranged after this round (a CSV file with
      the header unit,partner); `trend` then compares paired units with comparable unpaired ones.
      Without it, the analysis' recommended partners are stored and used.

      Example (the bundled samples, three rounds):
        piloteval record --rubric Rubrics/jgsw-pilot.xml --reviews Samples/2025H1/reviews \\
          --pairings Samples/2025H1/pairings.csv Samples/2025H1/submissions
      """)

  @OptionGroup var rubricOption: RubricOption
  @OptionGroup var round: RoundOptions
  @OptionGroup var history: HistoryOption
  @OptionGroup var analysisArguments: AnalysisArguments

  @Flag(help: "Replace the round if it is already recorded.")
  var replace = false

  @Option(
    help: ArgumentHelp("Pairings arranged after this round: a CSV file with the header unit,partner.", valueName: "csv")
  )
  var pairings: String?

  @Option(help: ArgumentHelp("Also write the result and analysis files into this folder.", valueName: "dir"))
  var out: String?

  @Flag(name: .shortAndLong, help: "Print no progress or summary on standard error.")
  var quiet = false

  /// Set by tests only: the path of a file to create just before the transaction commits, after
  /// which the process waits to be killed (proves a killed writer leaves the database intact).
  static let pauseBeforeCommitVariable = "PILOTEVAL_TEST_PAUSE_BEFORE_COMMIT"

  func run() throws {
    let arranged = try pairings.map(Self.readPairings)
    let result = try round.score(rubricOption, quiet: quiet)
    guard let roundID = result.round, !result.scorecards.isEmpty else {
      for line in result.rejectionLines() { Console.error(line) }
      Console.error("error: no submission was accepted, so there is no round to record")
      throw ExitCode(1)
    }
    let jobs = round.configuration.jobs
    let analysis = RoundAnalysis(result, options: analysisArguments.options(jobs: jobs))
    if let arranged {
      let unknown = arranged.unknownUnits(Set(result.scorecards.map(\.unit.id)))
      if !unknown.isEmpty {
        Console.error(
          "warning: \(pairings ?? ""): not scored in round \(roundID), their pairings count for nobody: "
            + unknown.joined(separator: ", "))
      }
    }
    let snapshot = RoundSnapshot(result, analysis: analysis, arrangedPairings: arranged?.partners)
    if let out {
      let folder = try ResultFolder(path: out, jobs: jobs)
      try folder.write(result)
      try folder.write(analysis, of: result)
    }
    let store = try history.open(create: true)
    let outcome: RecordOutcome
    do {
      outcome = try store.record(
        snapshot, replace: replace, recordedAt: Clock.timestamp(), tool: "piloteval \(PilotEval.version)",
        beforeCommit: Self.pauseHook())
    } catch let error as HistoryError {
      Console.error("error: \(error)")
      throw ExitCode(1)
    }
    if !quiet {
      for line in result.rejectionLines() { Console.error(line) }
      Console.error(result.summaryLine())
      let verb = outcome.replaced ? "replaced" : "recorded"
      Console.error(
        "piloteval: \(verb) round \(roundID) (\(snapshot.units.count) units, \(snapshot.rejected.count) rejected files, "
          + "partners \(snapshot.pairings.rawValue)) in \(history.path)")
    }
  }

  private static func readPairings(_ path: String) throws -> ArrangedPairings {
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
      Console.error("error: \(path): cannot read the pairings file (it must be UTF-8 CSV with the header unit,partner)")
      throw ExitCode(1)
    }
    do {
      return try ArrangedPairings(csv: text)
    } catch {
      for diagnostic in error.diagnostics { Console.error(diagnostic.inFile(path).description) }
      throw ExitCode(1)
    }
  }

  private static func pauseHook() -> (() throws -> Void)? {
    guard let marker = ProcessInfo.processInfo.environment[pauseBeforeCommitVariable] else { return nil }
    return {
      _ = FileManager.default.createFile(atPath: marker, contents: Data("writing\n".utf8))
      Thread.sleep(forTimeInterval: 120)
    }
  }
}
