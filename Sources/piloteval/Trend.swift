import ArgumentParser
import Foundation
import PilotEvalCore
import PilotEvalHistory
import PilotEvalReports

/// `piloteval trend`: compares recorded rounds.
struct Trend: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare recorded rounds: who improved, tier migration, whether the gap is closing (σ/β convergence).",
    discussion: """
      按指定顺序（默认：全部已记录轮次，按记录先后）比较历史数据库中的轮次：细则变化、各单位得分和名次变化、\
      进步最大和停滞的后进单位、等级迁移矩阵、各轮离散程度、σ 收敛和 β 收敛、结对帮扶成效。至少比较两个轮次。

      Reads rounds from the history database (see `record`) in the order given (default: every \
      recorded round, in the order recorded) and reports: what changed in the rubric between \
      rounds; per unit the score and rank change and tier per round; the most improved and the \
      laggards that stalled; the tier migration matrix; dispersion per round (coefficient of \
      variation, Gini, Theil split into between-region and within-region parts); σ-convergence and \
      β-convergence; and the mean improvement of units that had learning partners against \
      comparable units that had none, an observational comparison. Name two or more rounds, or none \
      for all.

      Examples (after the three `record` examples):
        piloteval trend
        piloteval trend 2025H1 2026H1
        piloteval trend --list
        piloteval trend --format json --out trend
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
  }

  @OptionGroup var language: LanguageOption
  @OptionGroup var history: HistoryOption

  @Argument(help: ArgumentHelp("Round ids in chronological order (default: every recorded round).", valueName: "round"))
  var rounds: [String] = []

  @Option(help: ArgumentHelp("Output format: table, json or csv.", valueName: "format"))
  var format: Format = .table

  @Option(help: ArgumentHelp("Write trend.json, trend.csv and trend.txt into this folder.", valueName: "dir"))
  var out: String?

  @Option(
    name: .customLong("most-improved"), parsing: .unconditional,
    help: ArgumentHelp("List so many most improved units.", valueName: "n"))
  var mostImproved = 10

  @Option(
    name: .customLong("stall"), parsing: .unconditional,
    help: ArgumentHelp(
      "A laggard that gained less than this (points, or percent when totals differ) stalled.",
      valueName: "points"))
  var stallThreshold = 2.0

  @Option(help: ArgumentHelp("Seed of the bootstrap intervals (corrected β, partner effect).", valueName: "n"))
  var seed: UInt64 = 1

  @Flag(help: "List the recorded rounds and stop.")
  var list = false

  mutating func validate() throws {
    if mostImproved < 0 { throw Console.usage(Message(.commandNotNegative, "--most-improved", String(mostImproved))) }
    if stallThreshold < 0 {
      throw Console.usage(Message(.commandNotNegative, "--stall", formatted(stallThreshold)))
    }
  }

  func run() throws {
    let store = try history.open(create: false)
    let recorded = try store.rounds()
    if list {
      Console.output(Self.listing(recorded))
      return
    }
    let chosen = rounds.isEmpty ? recorded.map(\.id) : rounds
    if let repeated = Self.firstRepeat(chosen) {
      throw Console.usage(Message(.commandRoundNamedTwice, repeated))
    }
    guard chosen.count >= 2 else {
      let held = recorded.isEmpty ? Console.text(Message(.commandNone)) : recorded.map(\.id).joined(separator: ", ")
      if rounds.count == 1 && recorded.count >= 2 {
        Console.fail(Message(.commandTrendOneNamed, rounds[0], held))
      } else {
        Console.fail(Message(.commandTrendTooFewRecorded, history.path, held))
      }
      throw ExitCode(1)
    }
    let snapshots: [RoundSnapshot]
    do {
      snapshots = try store.snapshots(chosen)
    } catch {
      Console.fail((error as? HistoryError)?.message ?? Message(.commandPlain, String(describing: error)))
      throw ExitCode(1)
    }
    let order = recorded.map(\.id)
    let report = TrendReport(
      snapshots, options: TrendOptions(mostImproved: mostImproved, stallThreshold: stallThreshold, seed: seed),
      positions: chosen.map { order.firstIndex(of: $0) ?? 0 })
    if let out {
      let folder = try ResultFolder(path: out)
      try folder.write(report.jsonText(), to: "trend.json")
      try folder.write(report.csv(), to: "trend.csv")
      try folder.write(report.table(in: Console.language), to: "trend.txt")
    }
    switch format {
    case .json: Console.output(report.jsonText())
    case .csv: Console.output(report.csv())
    case .table: Console.output(report.table(in: Console.language))
    }
  }

  private static func firstRepeat(_ ids: [String]) -> String? {
    var seen = Set<String>()
    return ids.first { !seen.insert($0).inserted }
  }

  private static func listing(_ rounds: [StoredRound]) -> String {
    var table = TextTable(columns: [
      ("round", .left), ("rubric", .left), ("version", .left), ("units", .right), ("rejected", .right),
      ("recorded", .left),
    ])
    for round in rounds {
      table.append([
        round.id, round.rubricID, round.rubricVersion, String(round.unitCount), String(round.rejectedCount),
        round.recordedAt,
      ])
    }
    return table.render()
  }
}
