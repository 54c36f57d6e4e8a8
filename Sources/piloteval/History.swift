import ArgumentParser
import Foundation
import PilotEvalCore
import PilotEvalHistory

/// The history database option shared by `record`, `trend` and `report`.
struct HistoryOption: ParsableArguments {
  /// The file used when `--db` is not given: in the current directory, beside the results.
  static let defaultPath = "piloteval.sqlite"

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The history database (SQLite). Default: \(HistoryOption.defaultPath) in the current directory.",
      valueName: "file"))
  var db: String?

  init() {}

  /// Creates the option as if `--db path` had been given.
  init(db: String) {
    self.db = db
  }

  /// The database path in use.
  var path: String { db ?? Self.defaultPath }

  /// Opens the store, creating it when `create`; otherwise a missing file is an error that says what to do.
  func open(create: Bool) throws -> HistoryStore {
    if !create && !FileManager.default.fileExists(atPath: path) {
      Console.fail(Message(.commandNoDatabase, path))
      throw ExitCode(1)
    }
    do {
      return try HistoryStore(path: path)
    } catch {
      Console.fail((error as? HistoryError)?.message ?? Message(.commandPlain, String(describing: error)))
      throw ExitCode(1)
    }
  }
}

/// The current time as an ISO 8601 UTC timestamp, for the store's `recorded_at`.
enum Clock {
  static func timestamp() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: Date())
  }
}
