import ArgumentParser
import Foundation
import PilotEvalCore
import PilotEvalHistory
import PilotEvalReports
import PilotEvalXML

/// `piloteval report`: the leadership report, a folder that opens offline.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write the leadership report: HTML pages with charts, per-unit pages, CSV files.",
    discussion: """
      写出给领导看的报告文件夹：index.html 先回答四个问题（谁领先、为什么；谁落后、向谁学；差距是否在缩小；\
      数字有多可靠），然后是图表、带名次区间的排名、示范单位、差一步的单位、专家评审质量、自评差距；\
      每个单位一页（为什么是这个等级、失分在哪里、向谁学什么），以及 score --out 和 rank --out 的结果文件\
      和 ranking.xlsx。直接从磁盘打开 index.html，不联网。报告语言与 --lang 相同。带 --db 时增加趋势页 trends.html。

      Writes into --out: index.html (first the answers: who leads and why, who lags and whom to \
      learn from, whether the gap is closing, how sure the numbers are; then charts, the ranking with \
      rank intervals, exemplars and why, near misses and what kept them out, expert panels, \
      self-assessment gap), units/<id>.html for every unit (why this tier and not the next, every \
      point lost and why, learning partners and what to learn), the result and analysis files of \
      `score --out` and `rank --out`, and ranking.xlsx (ranking, per-criterion and rejected-files \
      sheets, ready to print). Open index.html from disk; nothing is fetched. The report's language \
      follows --lang.

      With --db, the report also has trends.html comparing the rounds recorded there (see `record`) \
      with this one: distribution per round, dispersion and convergence, the tier migration matrix, \
      improvement against the starting score, most improved and stalled units, and the \
      learning-partner comparison.

      Examples:
        R=Rubrics/jgsw-pilot.xml S=Samples/2025H1
        piloteval report --rubric $R --reviews $S/reviews --out report $S/submissions
        piloteval report --lang en --rubric $R --reviews $S/reviews \\
          --out report-en $S/submissions
      """)

  @OptionGroup var language: LanguageOption
  @OptionGroup var rubricOption: RubricOption
  @OptionGroup var round: RoundOptions
  @OptionGroup var analysisArguments: AnalysisArguments

  @Option(help: ArgumentHelp("The report folder (files in it are replaced atomically).", valueName: "dir"))
  var out: String

  @Option(help: ArgumentHelp("The report's title (default: the rubric's title).", valueName: "text"))
  var title: String?

  @Option(
    name: .long,
    help: ArgumentHelp("A history database (see `record`): adds trends.html comparing its rounds.", valueName: "file"))
  var db: String?

  @Flag(name: .shortAndLong, help: "Print no progress or summary on standard error.")
  var quiet = false

  func run() throws {
    if let db, !FileManager.default.fileExists(atPath: db) {
      _ = try HistoryOption(db: db).open(create: false)
    }
    let result = try round.score(rubricOption, quiet: quiet)
    let jobs = round.configuration.jobs
    let analysis = RoundAnalysis(result, options: analysisArguments.options(jobs: jobs, for: result))
    let trend = try db.flatMap { try trendReport(database: $0, current: RoundSnapshot(result, analysis: analysis)) }
    let site = ReportSite(
      result: Self.shortened(result), analysis: analysis, language: Console.language == .en ? .en : .zh, title: title,
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
        try folder.write(Array(try result.workbook(language: site.language, analysis: analysis)), to: "ranking.xlsx")
      } catch let error as XLSXError {
        Console.fail(Message(.commandWorkbookNotWritten, error.description))
      }
      try folder.folder.replaceManifest(named: OutputFolder.reportManifest, listing: folder.written)
      if !quiet {
        Console.account(result)
        Console.error(Console.text(Message(.commandReportWritten, folder.display("index.html"))))
      }
    } catch let error as OutputFolderError {
      if !quiet { Console.account(result) }
      Console.fail(error.message)
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

  /// The rounds recorded in `database` with `current` in its place; nil (with a note) when fewer than two.
  private func trendReport(database: String, current: RoundSnapshot) throws -> TrendReport? {
    let store = try HistoryOption(db: database).open(create: false)
    let recorded = try store.rounds().map(\.id)
    var rounds = try store.snapshots(recorded)
    var positions = Array(recorded.indices)
    if !recorded.contains(current.round) {
      rounds.append(current)
      positions.append(recorded.count)
    }
    guard rounds.count >= 2 else {
      if !quiet {
        Console.note(Message(.commandNoTrendPage, database, current.round))
      }
      return nil
    }
    return TrendReport(rounds, options: TrendOptions(seed: analysisArguments.seed), positions: positions)
  }
}
