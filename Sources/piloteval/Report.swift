import ArgumentParser
import PilotEvalCore
import PilotEvalReports
import PilotEvalXML

/// `piloteval report`: the leadership report, a folder that opens offline.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write the leadership report: HTML pages with charts, per-unit pages, CSV files.",
    discussion: """
      Writes into --out: index.html (the round at a glance: figures, charts, ranking with rank
      intervals, exemplars and why, near misses and what kept them out, expert panels,
      self-assessment gap), units/<id>.html for every unit (sections against its region, every
      point lost and why, learning partners and what to learn), and the result and analysis
      files of `score --out` and `rank --out`, and ranking.xlsx (ranking, per-criterion and
      rejected-files sheets). Open index.html from disk; nothing is fetched.
      """)

  @OptionGroup var rubricOption: RubricOption
  @OptionGroup var round: RoundOptions
  @OptionGroup var analysisArguments: AnalysisArguments

  @Option(help: ArgumentHelp("The report folder (files in it are replaced atomically).", valueName: "dir"))
  var out: String

  @Option(help: ArgumentHelp("Language of the report: zh (default) or en.", valueName: "lang"))
  var lang: String = "zh"

  @Option(help: ArgumentHelp("The report's title (default: the rubric's title).", valueName: "text"))
  var title: String?

  @Flag(name: .shortAndLong, help: "Print no progress or summary on standard error.")
  var quiet = false

  mutating func validate() throws {
    if ReportLanguage(rawValue: lang) == nil { throw ValidationError("--lang takes zh or en") }
  }

  func run() throws {
    let rubric = try rubricOption.load()
    let progress = ProgressLine(label: "scoring", enabled: !quiet)
    let configuration = round.configuration
    let result = RoundReader(rubric: rubric).run(configuration) { progress.update(done: $0, total: $1) }
    progress.finish()
    let analysis = RoundAnalysis(result, options: analysisArguments.options(jobs: configuration.jobs))
    let folder = out.hasSuffix("/") ? out : out + "/"
    let site = ReportSite(
      result: result, analysis: analysis, language: ReportLanguage(rawValue: lang) ?? .zh, title: title)
    for page in site.pages() {
      try AtomicFile.write(page.text, to: folder + page.path)
    }
    try ResultFolder(path: out, jobs: configuration.jobs).write(result)
    try AtomicFile.write(result.workbook(language: site.language), to: folder + "ranking.xlsx")
    try AtomicFile.write(analysis.jsonText(result), to: folder + "analysis.json")
    try AtomicFile.write(analysis.csv(result), to: folder + "analysis.csv")
    if !quiet {
      for line in result.rejectionLines() { Console.error(line) }
      Console.error(result.summaryLine())
      Console.error("piloteval: report written to \(folder)index.html")
    }
  }
}
