import ArgumentParser
import Foundation
import PilotEvalCore
import PilotEvalHistory
import PilotEvalPortal

/// Publishing a round: the one code path of `portal publish` and of the office's publish page
/// (which `serve` reaches through `RoundPublisher`).
///
/// It unpacks the round's export into a temporary folder and runs `piloteval report` itself on
/// it with the given analysis options (with `--db HISTORY` when that history exists, for the trends
/// page); then, when a history is given, `piloteval record` itself with the same options (creating
/// the history if needed); then stores the report and makes the round read-only, refused inside
/// that transaction unless the round is still `reviewing`. A round already in the history is
/// refused before anything is written.
struct RoundPublication: RoundPublisher {
  let store: SQLitePortalStore
  /// The history database to record into, if any.
  let history: String?

  /// Publishes `round` with `options` (analysis options as on the command line); the number of
  /// report files stored.
  func publish(round: String, options: [String]) async throws -> Int {
    let analysis: AnalysisArguments
    do {
      analysis = try AnalysisArguments.parse(options)
    } catch {
      throw PublishRefusal(
        Message(
          .commandPlain, AnalysisArguments.message(for: error).split(separator: "\n").first.map(String.init) ?? ""),
        optionError: true)
    }
    guard let record = try await store.round(round) else {
      throw PublishRefusal(PortalStoreError.unknownRound(round).message)
    }
    guard record.phase == .reviewing else {
      throw PublishRefusal(Message(.portalPublishWrongPhase, round, record.phase.rawValue))
    }
    let historyExists = history.map { FileManager.default.fileExists(atPath: $0) } ?? false
    if let history, historyExists {
      let recorded = try HistoryStore(path: history).rounds().map(\.id)
      if recorded.contains(round) { throw PublishRefusal(Message(.portalHistoryAlready, round, history)) }
    }
    let files = try await PortalService(store: store).exportFiles(record)
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
    let common = analysis.commandLine
    let history = self.history
    let report = try await Self.offThePool {
      try Self.report(export: export.path, out: out.path, options: common, history: historyExists ? history : nil)
      if let history { try Self.record(export: export.path, options: common, history: history) }
      return try Self.files(in: out)
    }
    do {
      try store.publish(
        round: round, files: report,
        detail: "files=\(report.count) options=\(common.joined(separator: " "))"
          + (history.map { " history=\($0)" } ?? ""))
    } catch let error as PortalStoreError {
      throw PublishRefusal(error.message)
    }
    return report.count
  }

  /// Runs `work` on a thread of its own: scoring and the draws take seconds of CPU, which must not
  /// hold one of the server's few cooperative threads.
  static func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      DispatchQueue.global().async {
        continuation.resume(with: Result { try work() })
      }
    }
  }

  /// Runs `piloteval report` on the unpacked export `export`, writing `out`: the arguments the
  /// README gives for an export, so the published report is the one the command writes.
  static func report(export: String, out: String, options: [String], history: String?) throws {
    var arguments = ["--rubric", "\(export)/rubric.xml", "--reviews", "\(export)/reviews", "--out", out, "--quiet"]
    arguments += options
    if let history { arguments += ["--db", history] }
    arguments.append("\(export)/submissions")
    try Report.parse(arguments).run()
  }

  /// Runs `piloteval record` on the unpacked export into `history`, with the same options.
  static func record(export: String, options: [String], history: String) throws {
    var arguments = ["--rubric", "\(export)/rubric.xml", "--reviews", "\(export)/reviews", "--db", history, "--quiet"]
    arguments += options
    arguments.append("\(export)/submissions")
    try Record.parse(arguments).run()
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

extension AnalysisArguments {
  /// The options as command-line arguments that parse back to the same values (every option
  /// written out, so a default is passed as the default).
  var commandLine: [String] {
    var list = [
      "--near", String(near), "--draws", String(draws), "--seed", String(seed), "--noise", String(noise),
      "--partners", String(partners), "--overstatement", String(overstatement),
    ]
    if let per { list += ["--per", per] }
    if let minimumReviewers { list += ["--min-reviewers", String(minimumReviewers)] }
    if noResample { list.append("--no-resample") }
    return list
  }
}
