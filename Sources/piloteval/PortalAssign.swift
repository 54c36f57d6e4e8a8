import ArgumentParser
import Foundation
import PilotEvalCore
import PilotEvalPortal
import PilotEvalReports

/// `piloteval portal assign`: plans who reviews which unit, under 回避, with even loads.
struct PortalAssign: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "assign",
    abstract: "Assign every unit with an accepted submission to K experts (回避, even loads, connected).",
    discussion: """
      按回避规则（不评本地区、本单位）为每个已提交的单位分配 K 名专家，工作量相差不超过 1，评审网络尽量连通；\
      已有评审结果的分配保留，其余重新分配。同一随机种子得到同一方案。输出方案质量和每一项例外。

      Assignments that already have an accepted review are kept; the rest is planned again. \
      The same seed gives the same plan. Prints the plan's quality and every exception.

      Examples:
        piloteval portal assign --db portal.sqlite --round 2026H1 --per-unit 2
        piloteval portal assign --db portal.sqlite --round 2026H1 --per-unit 3 \\
          --seed 7 --csv plan.csv
      """)

  @OptionGroup var language: LanguageOption

  @OptionGroup var database: PortalDatabaseOption

  @Option(help: ArgumentHelp("The round id.", valueName: "id"))
  var round: String

  @Option(name: .customLong("per-unit"), help: ArgumentHelp("Experts per unit (at least 2).", valueName: "k"))
  var perUnit: Int

  @Option(help: ArgumentHelp("Seed of the plan.", valueName: "n"))
  var seed: UInt64 = 1

  @Option(help: ArgumentHelp("Also write the plan as CSV here.", valueName: "file"))
  var csv: String?

  func run() throws {
    do {
      let store = try SQLitePortalStore(path: database.db)
      let request = try store.assignmentRoster(round: round, perUnit: perUnit, seed: seed)
      let plan: AssignmentPlan
      do {
        plan = try AssignmentPlanner.plan(request)
      } catch {
        Console.fail(Message(.portalAssignInput, parts: [.message(error.catalogMessage)]))
        throw ExitCode(1)
      }
      try store.saveAssignments(plan, round: round)
      let quality = plan.quality
      let share = quality.pairShare.map { String(format: "%.1f%%", $0 * 100) } ?? "-"
      let block = quality.completeBlock.map { "\($0.raters.count)×\($0.subjects.count)" } ?? "-"
      let loads = "\(quality.lowestLoad)–\(quality.highestLoad)"
      let connected = Message(quality.isConnected ? .portalAssignConnected : .portalAssignNotConnected)
      Console.output(
        Console.text(
          Message(
            .portalAssignSummary,
            parts: [
              .text(String(plan.assignments.count)), .text(String(plan.perUnit)), .text(loads),
              .text(String(quality.pairsSharing)), .text(String(quality.expertPairs)), .text(share), .text(block),
              .message(connected),
            ])) + "\n")
      for exception in plan.exceptions {
        Console.output(
          Console.text(Message(.portalAssignException, parts: [.message(exception.catalogMessage)])) + "\n")
      }
      if let csv {
        try Data(plan.csv().utf8).write(to: URL(fileURLWithPath: csv), options: .atomic)
      }
    } catch let error as PortalStoreError {
      Console.fail(error.message)
      throw ExitCode(1)
    }
  }
}
