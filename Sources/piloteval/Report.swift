import ArgumentParser
import PilotEvalCore
import PilotEvalHistory
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

      With --db, the report also has trends.html comparing the rounds recorded there (see
      `record`) with this one: distribution per round, dispersion and convergence, the tier
      migration matrix, improvement against the starting score, most improved and stalled
      units, and the learning-partner comparison. This round takes its place among the
      recorded ones (the recorded copy, with its arranged pairings, when it was recorded; else
      after the last recorded round).
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

  @Option(
    name: .long,
    help: ArgumentHelp("A history database (see `record`): adds trends.html comparing its rounds.", valueName: "file"))
  var db: String?

  @Flag(name: .shortAndLong, help: "Print no progress or summary on standard error.")
  var quiet = false

  mutating func validate() throws {
    if ReportLanguage(rawValue: lang) == nil { throw ValidationError("--lang takes zh or en") }
  }

  func run() throws {
    let result = try round.score(rubricOption, quiet: quiet)
    let jobs = round.configuration.jobs
    let analysis = RoundAnalysis(result, options: analysisArguments.options(jobs: jobs))
    let trend = try db.flatMap { try trendReport(database: $0, current: RoundSnapshot(result, analysis: analysis)) }
    let site = ReportSite(
      result: Self.shortened(result), analysis: analysis, language: ReportLanguage(rawValue: lang) ?? .zh, title: title,
      trend: trend)
    // One file never stops the report: every text is cut to what its format holds, and
    // whatever happens while writing, the account of the round is printed.
    do {
      let folder = try ResultFolder(path: out, jobs: jobs)
      for page in site.pages() {
        try folder.write(page.text, to: page.path)
      }
      try folder.write(result)
      try folder.write(analysis, of: result)
      do {
        try folder.write(Array(try result.workbook(language: site.language)), to: "ranking.xlsx")
      } catch let error as XLSXError {
        Console.error("piloteval: ranking.xlsx is not written: \(error)")
      }
      try folder.folder.replaceManifest(named: OutputFolder.reportManifest, listing: folder.written)
      account(result)
      if !quiet { Console.error("piloteval: report written to \(folder.display("index.html"))") }
    } catch let error as OutputFolderError {
      account(result)
      Console.error("error: \(error)")
      throw ExitCode(1)
    }
  }

  /// The longest unit name the HTML pages show; a longer one is cut with a marker. A page
  /// has no hard limit, but a 1,000,000-character name repeated on every page that names
  /// the unit made the report tens of megabytes and seconds of work.
  static let pageNameLength = 500

  /// `result` with unit names cut to `pageNameLength` characters, for the pages only
  /// (the result files keep every name whole; ids, which name pages, are never cut).
  static func shortened(_ result: RoundResult) -> RoundResult {
    var copy = result
    for index in copy.scorecards.indices where copy.scorecards[index].unit.name.count > pageNameLength {
      copy.scorecards[index].unit.name = TextCut.fitted(copy.scorecards[index].unit.name, limit: pageNameLength) {
        $0.count
      }
    }
    return copy
  }

  /// The rejected files and the closing account, unless `quiet`.
  private func account(_ result: RoundResult) {
    guard !quiet else { return }
    for line in result.rejectionLines() { Console.error(line) }
    Console.error(result.summaryLine())
  }

  /// The rounds recorded in `database` with `current` in its place; nil (with a note) when fewer than two.
  private func trendReport(database: String, current: RoundSnapshot) throws -> TrendReport? {
    let store = try HistoryOption(db: database).open(create: false)
    let recorded = try store.rounds().map(\.id)
    var rounds = try store.snapshots(recorded)
    if !recorded.contains(current.round) { rounds.append(current) }
    guard rounds.count >= 2 else {
      if !quiet {
        Console.error("note: \(database) holds no other round than \(current.round); the report has no trends page")
      }
      return nil
    }
    return TrendReport(rounds)
  }
}
