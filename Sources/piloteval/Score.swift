import ArgumentParser
import PilotEvalCore
import PilotEvalReports
import PilotEvalXML

/// `piloteval score`: scores and ranks a round.
struct Score: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Score and rank a round of submissions, with expert reviews.",
    discussion: """
      Every submission file is either scored or rejected with its reason; the batch
      goes on past bad files. --format json writes SPEC §5's result; table (default)
      is for reading; csv opens in Excel (UTF-8 with BOM).
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
  }

  @OptionGroup var language: LanguageOption
  @OptionGroup var rubricOption: RubricOption
  @OptionGroup var round: RoundOptions

  @Option(help: ArgumentHelp("Output format: table, json or csv.", valueName: "format"))
  var format: Format = .table

  @Option(
    help: ArgumentHelp(
      "Also write results.json, results.csv, rejected.csv and summary.txt into this folder (each replaced atomically).",
      valueName: "dir"))
  var out: String?

  @Flag(name: .shortAndLong, help: "Print no progress, summary or rejection list on standard error.")
  var quiet = false

  func run() throws {
    let result = try round.score(rubricOption, quiet: quiet)
    if let out { try ResultFolder(path: out, jobs: round.configuration.jobs).write(result) }
    switch format {
    case .json:
      let output = BufferedOutput(.standardOutput)
      result.writeJSON(jobs: round.configuration.jobs, output.write)
      output.flush()
    case .csv: Console.output(result.csv())
    case .table: Console.output(result.table())
    }
    if !quiet {
      Console.account(result, reasons: format == .table)
      if let out { Console.error(Console.text(Message(.commandResultsWritten, out))) }
    }
  }
}
