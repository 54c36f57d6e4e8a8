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
      Reads rounds from the history database (see `record`) in the order given (default: every
      recorded round, in the order recorded) and reports: what changed in the rubric between
      rounds (criteria matched by id; scores compared as percent of the total when totals
      differ); per unit the score and rank change and tier per round; the most improved and the
      laggards that stalled; the tier migration matrix; dispersion per round (coefficient of
      variation, Gini, Theil split into between-region and within-region parts); σ-convergence
      (is dispersion falling) and β-convergence (do laggards grow faster: the slope of growth on
      the initial score with its confidence interval); and the mean improvement of units that
      had learning partners against comparable units (same starting tier and region, else
      level) that had none, an observational comparison.

      Examples:
        piloteval trend                              every round in piloteval.sqlite
        piloteval trend --db h.sqlite 2025H1 2026H1  two rounds, in this order
        piloteval trend --list                       what is recorded
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
  }

  @OptionGroup var history: HistoryOption

  @Argument(help: ArgumentHelp("Round ids in chronological order (default: every recorded round).", valueName: "round"))
  var rounds: [String] = []

  @Option(help: ArgumentHelp("Output format: table, json or csv.", valueName: "format"))
  var format: Format = .table

  @Option(help: ArgumentHelp("Write trend.json, trend.csv and trend.txt into this folder.", valueName: "dir"))
  var out: String?

  @Option(name: .customLong("most-improved"), help: ArgumentHelp("List so many most improved units.", valueName: "n"))
  var mostImproved = 10

  @Option(
    name: .customLong("stall"),
    help: ArgumentHelp(
      "A laggard that gained less than this (points, or percent when totals differ) stalled.",
      valueName: "points"))
  var stallThreshold = 2.0

  @Flag(help: "List the recorded rounds and stop.")
  var list = false

  mutating func validate() throws {
    if mostImproved < 0 { throw ValidationError("--most-improved must not be negative") }
    if stallThreshold < 0 { throw ValidationError("--stall must not be negative") }
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
      throw ValidationError("round \(repeated) is named twice")
    }
    guard chosen.count >= 2 else {
      Console.error(
        "error: a trend needs at least two rounds; \(history.path) holds "
          + (recorded.isEmpty ? "none" : recorded.map(\.id).joined(separator: ", "))
          + ". Record another round with `piloteval record`.")
      throw ExitCode(1)
    }
    let snapshots: [RoundSnapshot]
    do {
      snapshots = try store.snapshots(chosen)
    } catch {
      Console.error("error: \(error)")
      throw ExitCode(1)
    }
    let report = TrendReport(
      snapshots, options: TrendOptions(mostImproved: mostImproved, stallThreshold: stallThreshold))
    if let out {
      let folder = try ResultFolder(path: out)
      try folder.write(report.jsonText(), to: "trend.json")
      try folder.write(report.csv(), to: "trend.csv")
      try folder.write(report.table(), to: "trend.txt")
    }
    switch format {
    case .json: Console.output(report.jsonText())
    case .csv: Console.output(report.csv())
    case .table: Console.output(report.table())
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
