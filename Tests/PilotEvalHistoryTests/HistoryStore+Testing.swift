import GRDB

@testable import PilotEvalHistory

// Test support: some specifications write SQLite files or inspect tables directly (the store's own
// connection is reached with `@testable import`).
extension HistoryStore {
  /// Runs `sql` on the SQLite file at `path` (created if missing) with no PilotEval checks.
  static func executeUnchecked(_ sql: String, at path: String) throws {
    let queue = try DatabaseQueue(path: path)
    try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
  }

  /// The integer in the first column of the first row of `sql`, run on this store's file.
  func integer(_ sql: String) throws -> Int? {
    try queue.read { db in try Int.fetchOne(db, sql: sql) }
  }
}
