import ArgumentParser
import Foundation
import PilotEvalCore
import PilotEvalPortal

/// `piloteval portal publish`: the round's report, made by `piloteval report` itself on the
/// round's export, stored in the database for the leadership; the round becomes read-only.
struct PortalPublish: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "publish",
    abstract: "Score, analyse and report the round exactly as `piloteval report` on its export; publish it.",
    discussion: """
      对已结束填报的轮次计分、分析并生成报告，保存在平台中，领导可在 /rounds/轮次/report/ 阅读；发布后全部只读。

      The report is byte for byte what `piloteval report --rubric rubric.xml --reviews reviews \\
      --out DIR submissions` (with the same --draws, --seed and --history as --db) writes from the
      unpacked export. Leaders read it at /rounds/ROUND/report/index.html.

      Examples:
        piloteval portal publish --db portal.sqlite --round 2026H1 --seed 1
      """)

  @OptionGroup var language: LanguageOption

  @OptionGroup var database: PortalDatabaseOption

  @Option(help: ArgumentHelp("The round id.", valueName: "id"))
  var round: String

  @Option(help: ArgumentHelp("Monte Carlo draws (as report).", valueName: "n"))
  var draws: Int?

  @Option(help: ArgumentHelp("Random seed (as report).", valueName: "n"))
  var seed: UInt64?

  @Option(help: ArgumentHelp("A history database (as report --db).", valueName: "file"))
  var history: String?

  func run() async throws {
    let store: SQLitePortalStore
    do {
      store = try SQLitePortalStore(path: database.db)
    } catch let error as PortalStoreError {
      Console.fail(error.message)
      throw ExitCode(1)
    }
    guard let record = try await store.round(round) else {
      Console.fail(PortalStoreError.unknownRound(round).message)
      throw ExitCode(1)
    }
    guard record.phase == .reviewing else {
      Console.fail(Message(.portalPublishWrongPhase, round, record.phase.rawValue))
      throw ExitCode(1)
    }
    let service = PortalService(store: store)
    let files = try await service.exportFiles(record)
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("publish-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: work) }
    let export = work.appendingPathComponent("export")
    for file in files {
      let url = export.appendingPathComponent(file.path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(file.bytes).write(to: url)
    }
    try FileManager.default.createDirectory(
      at: export.appendingPathComponent("reviews"), withIntermediateDirectories: true)
    let out = work.appendingPathComponent("report")
    try await Self.report(
      export: export.path, out: out.path, draws: draws, seed: seed, history: history)
    let report = try Self.files(in: out)
    try store.publish(
      round: round, files: report,
      detail: "files=\(report.count) draws=\(draws.map(String.init) ?? "-") seed=\(seed.map(String.init) ?? "-")")
    Console.error(Console.text(Message(.portalPublished, round, String(report.count))))
  }

  /// Runs `piloteval report` on the unpacked export `export`, writing `out`: the arguments the
  /// README gives for an export, so the published report is the one the command writes.
  static func report(export: String, out: String, draws: Int?, seed: UInt64?, history: String?) async throws {
    var arguments = [
      "--rubric", "\(export)/rubric.xml", "--reviews", "\(export)/reviews", "--out", out, "--quiet",
    ]
    if let draws { arguments += ["--draws", String(draws)] }
    if let seed { arguments += ["--seed", String(seed)] }
    if let history { arguments += ["--db", history] }
    arguments.append("\(export)/submissions")
    let command = try Report.parse(arguments)
    try command.run()
  }

  /// Every file under `folder`, by relative path in byte order.
  static func files(in folder: URL) throws -> [(path: String, bytes: [UInt8])] {
    let root = folder.standardizedFileURL.path
    var files: [(path: String, bytes: [UInt8])] = []
    let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
    while let url = walker?.nextObject() as? URL {
      guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
      let path = String(url.standardizedFileURL.path.dropFirst(root.count + 1))
      files.append((path, Array(try Data(contentsOf: url))))
    }
    return files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
  }
}
