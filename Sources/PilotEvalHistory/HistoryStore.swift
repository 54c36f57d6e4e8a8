import Foundation
import GRDB
public import PilotEvalCore

/// Every scored round of a pilot programme, kept in one SQLite file so later rounds can be compared.
///
///     let store = try HistoryStore(path: "piloteval.sqlite")
///     try store.record(snapshot, replace: false, recordedAt: "2025-07-01T09:00:00Z", tool: "piloteval 1.4.0")
///     let earlier = try store.snapshot(round: "2024H2")
///
/// Opening runs the schema migrations; a file that is not a PilotEval history, or that a newer
/// PilotEval wrote, is refused. Each `record` is one transaction: a crash or an error leaves the
/// file as it was before. Uses SQLite's default rollback journal, so the history is a single file
/// whenever no write is in progress.
public final class HistoryStore: Sendable {
  /// The schema version this build writes: the number of registered migrations ("v1", …).
  public static let schemaVersion = HistorySchema.migrator.migrations.count

  /// The migration ids this build knows, in the order they apply.
  public static let migrations = HistorySchema.migrator.migrations

  /// The path the store was opened with (used in messages).
  public let path: String

  /// The connection (one writer; reads and writes are serialized).
  let queue: DatabaseQueue

  /// Opens the history at `path`, creating the file (and its schema) if it does not exist, and
  /// applies pending migrations.
  ///
  /// - Throws: `HistoryError.cannotOpen` when the file cannot be opened or created,
  ///   `.notAHistory` for any other file (another SQLite database, a text file, …),
  ///   `.newerSchema` for a history written by a newer PilotEval.
  public init(path: String) throws {
    self.path = path
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(10)
    configuration.label = "PilotEvalHistory"
    do {
      queue = try DatabaseQueue(path: path, configuration: configuration)
      try queue.read { db in try Self.checkIdentity(db, file: path) }
      try HistorySchema.migrator.migrate(queue)
      let foreignKeys = try queue.read { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false }
      guard foreignKeys else {
        throw HistoryError.storage(file: path, reason: "this SQLite build cannot enforce foreign keys")
      }
    } catch {
      throw Self.historyError(error, file: path, opening: true)
    }
  }

  /// Records `snapshot` in one transaction.
  ///
  /// A new round goes after the rounds already recorded. A round already present is refused unless
  /// `replace` is true; then its rows are deleted and written anew in the same transaction, and it
  /// keeps its original position in `rounds()`.
  ///
  /// - Parameters:
  ///   - snapshot: The round to keep.
  ///   - replace: Whether to overwrite the round if it is already recorded.
  ///   - recordedAt: When it was recorded (an ISO 8601 timestamp, kept as given).
  ///   - tool: What recorded it (e.g. `piloteval 1.4.0`), kept as given.
  ///   - beforeCommit: Test hook, called inside the transaction after every row is written. An error
  ///     it throws rolls the transaction back and is rethrown unchanged.
  /// - Throws: `HistoryError.roundExists` (round present, `replace` false), `.invalidSnapshot` (a value
  ///   SQLite cannot keep exactly), `.storage` (SQLite failed), or the error thrown by `beforeCommit`.
  @discardableResult
  public func record(
    _ snapshot: RoundSnapshot, replace: Bool, recordedAt: String, tool: String,
    beforeCommit: (() throws -> Void)? = nil
  ) throws -> RecordOutcome {
    if let problem = storageProblem(snapshot) {
      throw HistoryError.invalidSnapshot(round: snapshot.round, reason: problem)
    }
    let path = self.path
    var outcome: RecordOutcome?
    do {
      try queue.inTransaction(.immediate) { db in
        let existing = try Int64.fetchOne(db, sql: "SELECT seq FROM round WHERE id = ?", arguments: [snapshot.round])
        let seq: Int64
        if let existing {
          guard replace else { throw HistoryError.roundExists(snapshot.round, file: path) }
          try db.execute(sql: "DELETE FROM round WHERE id = ?", arguments: [snapshot.round])
          seq = existing
        } else {
          seq = (try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM round") ?? 0) + 1
        }
        var writer = SnapshotWriter(db: db)
        try writer.write(snapshot, seq: seq, recordedAt: recordedAt, tool: tool)
        do {
          try beforeCommit?()
        } catch {
          throw HookFailure(error: error)
        }
        outcome = RecordOutcome(
          action: existing == nil ? .added : .replaced, round: snapshot.round, units: snapshot.units.count,
          rejected: snapshot.rejected.count, rows: writer.rows)
        return .commit
      }
    } catch let failure as HookFailure {
      throw failure.error
    } catch {
      throw Self.historyError(error, file: path, opening: false)
    }
    guard let outcome else { preconditionFailure("a committed record transaction always sets its outcome") }
    return outcome
  }

  /// Every recorded round, in the order they were first recorded (a replaced round keeps its place).
  public func rounds() throws -> [StoredRound] {
    try reading { try $0.storedRounds() }
  }

  /// The snapshot recorded for `round`, equal to the one given to `record`.
  ///
  /// - Throws: `HistoryError.unknownRound` (listing the recorded rounds) when it is not recorded.
  public func snapshot(round: String) throws -> RoundSnapshot {
    try snapshots([round])[0]
  }

  /// The snapshots of `rounds`, in the order asked, read from one consistent state of the file.
  ///
  /// - Throws: `HistoryError.unknownRound` for the first round that is not recorded.
  public func snapshots(_ rounds: [String]) throws -> [RoundSnapshot] {
    try reading { reader in
      try rounds.map { round in
        guard let snapshot = try reader.snapshot(round) else {
          throw HistoryError.unknownRound(round, known: try reader.roundIDs())
        }
        return snapshot
      }
    }
  }

  /// The applied migration ids of this file, in the order they apply (e.g. `["v1"]`).
  public func appliedMigrations() throws -> [String] {
    do {
      return try queue.read { db in try HistorySchema.migrator.appliedMigrations(db) }
    } catch {
      throw Self.historyError(error, file: path, opening: false)
    }
  }

  /// Runs `body` in a read transaction, mapping SQLite errors to `HistoryError`.
  private func reading<T>(_ body: (SnapshotReader) throws -> T) throws -> T {
    let path = self.path
    do {
      return try queue.read { db in try body(SnapshotReader(db: db, file: path)) }
    } catch {
      throw Self.historyError(error, file: path, opening: false)
    }
  }

  /// Refuses a database that is not a PilotEval history, or that a newer PilotEval migrated.
  ///
  /// A history carries `applicationID`. A file without it is accepted only while it is empty (new,
  /// or left by a crash between GRDB creating `grdb_migrations` and "v1" committing).
  private static func checkIdentity(_ db: Database, file: String) throws {
    let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
    if applicationID == HistorySchema.applicationID {
      let known = Set(HistorySchema.migrator.migrations)
      let applied = try HistorySchema.migrator.appliedIdentifiers(db)
      let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
      if try HistorySchema.migrator.hasBeenSuperseded(db) || userVersion > schemaVersion {
        let unknown = applied.subtracting(known).sorted()
        throw HistoryError.newerSchema(file: file, unknownMigrations: unknown.isEmpty ? ["v\(userVersion)"] : unknown)
      }
      return
    }
    guard applicationID == 0 else {
      throw HistoryError.notAHistory(file: file, reason: "it is a SQLite database of another application")
    }
    let tables = try String.fetchAll(
      db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
    var empty = tables.isEmpty
    if tables == [HistorySchema.migrationsTable] {
      empty = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(HistorySchema.migrationsTable)") == 0
    }
    guard empty else {
      let shown = tables.prefix(3).joined(separator: ", ") + (tables.count > 3 ? ", …" : "")
      throw HistoryError.notAHistory(file: file, reason: "it is a SQLite database with other tables: \(shown)")
    }
  }

  /// Maps a GRDB error to a `HistoryError`; `HistoryError`s pass through.
  private static func historyError(_ error: any Error, file: String, opening: Bool) -> any Error {
    if error is HistoryError { return error }
    guard let error = error as? DatabaseError else {
      return HistoryError.storage(file: file, reason: String(describing: error))
    }
    let message = error.message ?? "SQLite error \(error.extendedResultCode.rawValue)"
    switch error.resultCode {
    case .SQLITE_NOTADB:
      return HistoryError.notAHistory(file: file, reason: "it is not a SQLite database")
    case .SQLITE_CANTOPEN where opening, .SQLITE_PERM where opening, .SQLITE_READONLY where opening:
      return HistoryError.cannotOpen(file: file, reason: message)
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      return HistoryError.storage(
        file: file, reason: "it is locked by another process (\(message)); retry when it is done")
    case .SQLITE_CORRUPT:
      return HistoryError.storage(file: file, reason: "the file is damaged (\(message)); restore it from a backup")
    default:
      return HistoryError.storage(file: file, reason: message)
    }
  }
}

/// Carries the error thrown by `beforeCommit` out of the transaction, so that it is rethrown unchanged.
private struct HookFailure: Error {
  let error: any Error
}
