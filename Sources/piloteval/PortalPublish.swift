import ArgumentParser
import Foundation
import PilotEvalCore
import PilotEvalPortal

/// `piloteval portal publish`: the round's report, made by `piloteval report` itself on the
/// round's export, stored in the database for the leadership; with `--history`, the round is also
/// recorded there by `piloteval record` itself; the round becomes read-only.
struct PortalPublish: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "publish",
    abstract: "Score, analyse and report the round exactly as `piloteval report` on its export; publish it.",
    discussion: """
      对已结束填报的轮次计分、分析并生成报告，保存在平台中，领导可在 /rounds/轮次/report/ 阅读；发布后全部只读。\
      分析选项与 piloteval report 相同。加 --history 时，同时按 piloteval record 的方式把本轮记入历史数据库\
      （数据库不存在时新建；已有本轮时拒绝发布）。试点办公室也可在网页“发布报告”页发布（serve --history 指定历史数据库）。

      The report is byte for byte what `piloteval report --rubric rubric.xml --reviews reviews \\
      --out DIR submissions` (with the same analysis options, and --db HISTORY when that history \\
      exists) writes from the unpacked export. With --history, the round is then recorded into \\
      HISTORY exactly as `piloteval record` with the same options would (the file is created if \\
      missing; a round already recorded there is refused before anything is written). Leaders \\
      read the report at /rounds/ROUND/report/index.html. The office can publish from its page \\
      too (`serve --history` names the history there).

      Examples:
        piloteval portal publish --db portal.sqlite --round 2026H1 --seed 1
        piloteval portal publish --db portal.sqlite --round 2026H1 --draws 2000 \\
          --min-reviewers 2 --history piloteval.sqlite
      """)

  @OptionGroup var language: LanguageOption

  @OptionGroup var database: PortalDatabaseOption

  @Option(help: ArgumentHelp("The round id.", valueName: "id"))
  var round: String

  @OptionGroup var analysis: AnalysisArguments

  @Option(help: ArgumentHelp("A history database: trends in the report, and the round recorded.", valueName: "file"))
  var history: String?

  func run() async throws {
    let store: SQLitePortalStore
    do {
      store = try SQLitePortalStore(path: database.db)
    } catch let error as PortalStoreError {
      Console.fail(error.message)
      throw ExitCode(1)
    }
    let count: Int
    do {
      count = try await RoundPublication(store: store, history: history).publish(
        round: round, options: analysis.commandLine)
    } catch let refusal as PublishRefusal {
      Console.fail(refusal.message)
      throw ExitCode(1)
    }
    Console.error(Console.text(Message(.portalPublished, round, String(count))))
    if let history { Console.error(Console.text(Message(.portalHistoryRecorded, round, history))) }
  }
}
