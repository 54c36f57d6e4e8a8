import ArgumentParser
import Foundation
import PilotEvalCore
import PilotEvalPortal

/// `piloteval portal swap`: moves one assignment by hand, checked with `SwapCheck`.
struct PortalSwap: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "swap",
    abstract: "Give one unit's review to another expert; refused if it breaks 回避 unless --override REASON.",
    discussion: """
      调整一个单位的评审专家（--from 换为 --to）；违反回避规则时拒绝，确需调整须加 --override 并写明理由。\
      每次调整及理由都记入审计日志。

      The audit log keeps every swap, and the reason of an override.

      Examples:
        piloteval portal swap --db portal.sqlite --round 2026H1 --unit FJ-00-01 \\
          --from E05 --to E07
      """)

  @OptionGroup var language: LanguageOption

  @OptionGroup var database: PortalDatabaseOption

  @Option(help: ArgumentHelp("The round id.", valueName: "id"))
  var round: String

  @Option(help: ArgumentHelp("The unit.", valueName: "id"))
  var unit: String

  @Option(help: ArgumentHelp("The expert who gives the unit up.", valueName: "id"))
  var from: String

  @Option(help: ArgumentHelp("The expert who takes it.", valueName: "id"))
  var to: String

  @Option(help: ArgumentHelp("Why 回避 is broken on purpose (kept in the audit log).", valueName: "reason"))
  var override: String?

  func run() throws {
    let language = Console.language
    do {
      let store = try SQLitePortalStore(path: database.db)
      let roster = try store.swapRoster(round: round)
      let check = SwapCheck(
        unit: unit, from: from, to: to, assignments: try store.assignments(round: round), roster: roster)
      let reason = override?.trimmingCharacters(in: .whitespacesAndNewlines)
      if let reason, reason.isEmpty {
        Console.fail(Message(.portalOverrideNeedsReason))
        throw ExitCode(1)
      }
      for problem in check.problems {
        Console.error((problem.blocks ? "error: " : "warning: ") + problem.message(language))
      }
      guard check.isPossible else { throw ExitCode(1) }
      if check.breaksConflictRule, reason == nil {
        Console.fail(Message(.portalSwapBreaksRule))
        throw ExitCode(1)
      }
      try store.swap(
        round: round, unit: unit, from: from, to: to, override: check.breaksConflictRule ? reason : nil)
      Console.error(Console.text(Message(.portalSwapped, unit, from, to)))
    } catch let error as PortalStoreError {
      Console.fail(error.message)
      throw ExitCode(1)
    }
  }
}
