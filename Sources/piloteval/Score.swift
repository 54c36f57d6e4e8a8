import ArgumentParser
import PilotEvalCore
import PilotEvalReports
import PilotEvalXML

/// `piloteval score`: scores and ranks a round.
struct Score: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Score and rank a round of submissions, with expert reviews.",
    discussion: """
      每个自评报告文件要么计分，要么说明拒收原因；遇到有问题的文件继续处理其余文件。--format json 输出\
      机读结果（docs/FORMAT.md 第六节）；table（默认）供阅读；csv 可用 Excel 打开（UTF-8，带 BOM）。\
      路径不存在或其中没有任何 .xml 文件时，不输出任何结果，退出 1。

      Every submission file is either scored or rejected with its reason; the batch goes on past bad \
      files. --format json writes the machine-readable result (docs/FORMAT.md §6); table (default) \
      is for reading; csv opens in Excel (UTF-8 with BOM). A named path that does not exist, or \
      submission paths without any .xml file, stop the command before any output (exit 1).

      Examples:
        R=Rubrics/jgsw-pilot.xml S=Samples/2025H1
        piloteval score --rubric $R --reviews $S/reviews $S/submissions
        piloteval score --rubric $R --reviews $S/reviews --format json $S/submissions
        piloteval score --rubric $R --reviews $S/reviews --out results $S/submissions
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
    case .table: Console.output(result.table(in: Console.language))
    }
    if !quiet {
      Console.account(result, reasons: format == .table)
      if let out { Console.error(Console.text(Message(.commandResultsWritten, out))) }
    }
  }
}
