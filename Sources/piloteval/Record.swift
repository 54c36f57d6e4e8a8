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
      按 rank 的方式计分和分析，然后在一个事务中存入历史数据库；中途被中断时数据库保持原样。已记录的轮次\
      须加 --replace 才会替换。--pairings 指定项目办实际安排的结对帮扶（CSV，表头 unit,partner）。

      Scores and analyses the round as `rank` does, then stores in one transaction: the rubric's id, \
      version, tiers, sections and criteria; every unit's score, rank, tier, section and criterion \
      points and reviewers; the exemplars and learning partners; and every rejected file with its \
      reason. A crash or a kill mid-write leaves the database as it was.

      A round already recorded is refused unless --replace is given. --pairings names the 结对帮扶 \
      pairings the programme office actually arranged after this round (a CSV file with the header \
      unit,partner); `trend` then compares paired units with comparable unpaired ones. Without it, \
      the analysis' recommended partners are stored and used.

      Examples (the bundled samples, three rounds, into piloteval.sqlite):
        R=Rubrics/jgsw-pilot.xml S=Samples/2025H1
        piloteval record --rubric $R --reviews $S/reviews \\
          --pairings $S/pairings.csv $S/submissions
        S=Samples/2025H2
        piloteval record --rubric $R --reviews $S/reviews \\
          --pairings $S/pairings.csv $S/submissions
        S=Samples/2026H1
        piloteval record --rubric $R --reviews $S/reviews $S/submissions
      """)

  @OptionGroup var language: LanguageOption
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
      Console.account(result)
      Console.fail(Message(.commandNothingToRecord))
      throw ExitCode(1)
    }
    let jobs = round.configuration.jobs
    let analysis = RoundAnalysis(result, options: analysisArguments.options(jobs: jobs, for: result))
    if let arranged {
      let unknown = arranged.unknownUnits(Set(result.scorecards.map(\.unit.id)))
      if !unknown.isEmpty {
        Console.warn(Message(.commandPairingsUnknown, pairings ?? "", roundID, unknown.joined(separator: ", ")))
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
      Console.fail(error.message)
      throw ExitCode(1)
    }
    if !outcome.replaced, let later = try Self.laterRecordedID(than: roundID, in: store.rounds().map(\.id)) {
      Console.warn(Message(.commandOutOfOrder, roundID, later))
    }
    if !quiet {
      Console.account(result)
      Console.error(
        Console.text(
          Message(
            outcome.replaced ? .commandReplaced : .commandRecorded, roundID, String(snapshot.units.count),
            String(snapshot.rejected.count), snapshot.pairings.rawValue, history.path)))
    }
  }

  /// The first round recorded before `round` whose id sorts after it (UTF-8 byte order), if any.
  static func laterRecordedID(than round: String, in recorded: [String]) -> String? {
    recorded.prefix { $0 != round }.first { round.utf8.lexicographicallyPrecedes($0.utf8) }
  }

  private static func readPairings(_ path: String) throws -> ArrangedPairings {
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
      Console.fail(Message(.commandPairingsUnreadable, path))
      throw ExitCode(1)
    }
    do {
      return try ArrangedPairings(csv: text)
    } catch {
      for diagnostic in error.diagnostics { Console.error(Console.line(diagnostic.inFile(path))) }
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
