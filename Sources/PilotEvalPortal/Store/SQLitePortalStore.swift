import Foundation
import GRDB

/// The portal's store in one SQLite file, in WAL mode with `synchronous=FULL`, so that
/// every committed upload survives a crash or power loss once `append` returns.
///
///     let store = try SQLitePortalStore.create(path: "portal.sqlite")   // `portal init`
///     let again = try SQLitePortalStore(path: "portal.sqlite")          // refuses other files
public final class SQLitePortalStore: PortalStore {
  /// The file.
  public let path: String
  let pool: DatabasePool

  /// Opens an existing portal database; refuses a missing file or any other database.
  public init(path: String) throws {
    guard FileManager.default.fileExists(atPath: path) else { throw PortalStoreError.notAPortal(path: path) }
    self.path = path
    do {
      pool = try DatabasePool(path: path, configuration: Self.configuration())
      let identity = try pool.read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0 }
      guard identity == PortalSchema.applicationID else { throw PortalStoreError.notAPortal(path: path) }
      try PortalSchema.migrator.migrate(pool)
      try Self.synchronizeFully(pool)
    } catch let error as PortalStoreError {
      throw error
    } catch {
      throw PortalStoreError.notAPortal(path: path)
    }
  }

  /// Creates a new portal database at `path`; refuses when a file is already there.
  public static func create(path: String) throws -> SQLitePortalStore {
    guard !FileManager.default.fileExists(atPath: path) else { throw PortalStoreError.alreadyExists(path: path) }
    do {
      let pool = try DatabasePool(path: path, configuration: configuration())
      try PortalSchema.migrator.migrate(pool)
      try pool.close()
    } catch {
      throw PortalStoreError.storage("\(error)")
    }
    return try SQLitePortalStore(path: path)
  }

  private static func configuration() -> Configuration {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(30)
    configuration.label = "PilotEvalPortal"
    return configuration
  }

  /// Sets `synchronous=FULL` on the pool's one writing connection, after GRDB's WAL set-up
  /// (which chooses NORMAL), so that a commit returns only once the WAL is synced; checks it.
  private static func synchronizeFully(_ pool: DatabasePool) throws {
    let level = try pool.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA synchronous = FULL")
      return try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
    }
    guard level == 2 else { throw PortalStoreError.storage("SQLite refused synchronous=FULL") }
  }

  /// `PRAGMA synchronous` of the connection that writes (2 is FULL).
  public func writerSynchronous() throws -> Int {
    try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
  }

  /// `PRAGMA journal_mode` (expected `wal`).
  public func journalMode() throws -> String {
    try pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
  }

  // MARK: - Identity

  /// See `PortalStore`.
  public func principal(codeHash: String) async throws -> Principal? {
    try await pool.read { db in
      try Row.fetchOne(
        db, sql: "SELECT role, subject, round_id FROM credential WHERE code_sha256 = ? AND revoked_at IS NULL",
        arguments: [codeHash]
      ).flatMap(Self.principal)
    }
  }

  /// See `PortalStore`.
  public func session(tokenHash: String, now: Int64) async throws -> SessionRecord? {
    try await pool.read { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT role, subject, round_id, csrf, expires FROM session WHERE token_sha256 = ? AND expires > ?",
          arguments: [tokenHash, now]),
        let principal = Self.principal(row)
      else { return nil }
      return SessionRecord(principal: principal, csrf: row["csrf"], expires: row["expires"])
    }
  }

  /// See `PortalStore`.
  public func createSession(tokenHash: String, _ session: SessionRecord) async throws {
    try await pool.write { db in
      try db.execute(
        sql: "INSERT INTO session (token_sha256, role, subject, round_id, csrf, expires) VALUES (?, ?, ?, ?, ?, ?)",
        arguments: [
          tokenHash, session.principal.role.rawValue, session.principal.subject, session.principal.round,
          session.csrf, session.expires,
        ])
      try db.execute(sql: "DELETE FROM session WHERE expires <= ?", arguments: [session.expires - 86_400 * 2])
    }
  }

  /// See `PortalStore`.
  public func deleteSession(tokenHash: String) async throws {
    try await pool.write { db in
      try db.execute(sql: "DELETE FROM session WHERE token_sha256 = ?", arguments: [tokenHash])
    }
  }

  private static func principal(_ row: Row) -> Principal? {
    guard let role = Role(rawValue: row["role"]) else { return nil }
    return Principal(role: role, subject: row["subject"], round: row["round_id"])
  }

  // MARK: - Rounds and units

  /// See `PortalStore`.
  public func round(_ id: String) async throws -> RoundRecord? {
    try await pool.read { db in try Self.round(db, id) }
  }

  /// See `PortalStore`.
  public func rounds() async throws -> [RoundRecord] {
    try await pool.read { db in
      try Row.fetchAll(db, sql: "SELECT id, rubric_xml, deadline, phase FROM round ORDER BY id").compactMap(Self.round)
    }
  }

  static func round(_ db: Database, _ id: String) throws -> RoundRecord? {
    try Row.fetchOne(db, sql: "SELECT id, rubric_xml, deadline, phase FROM round WHERE id = ?", arguments: [id])
      .flatMap(round)
  }

  private static func round(_ row: Row) -> RoundRecord? {
    guard let phase = Phase(rawValue: row["phase"]) else { return nil }
    let rubric: Data = row["rubric_xml"]
    return RoundRecord(id: row["id"], rubricXML: Array(rubric), deadline: row["deadline"], phase: phase)
  }

  /// See `PortalStore`.
  public func unit(round: String, id: String) async throws -> UnitRecord? {
    try await pool.read { db in
      try Row.fetchOne(db, sql: "SELECT * FROM unit WHERE round_id = ? AND id = ?", arguments: [round, id])
        .map(Self.unit)
    }
  }

  /// See `PortalStore`.
  public func units(round: String) async throws -> [UnitRecord] {
    try await pool.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM unit WHERE round_id = ? ORDER BY id", arguments: [round]).map(Self.unit)
    }
  }

  static func unit(_ row: Row) -> UnitRecord {
    UnitRecord(
      id: row["id"], name: row["name"], region: row["region"], level: row["level"], category: row["category"],
      organisation: row["organisation"])
  }

  /// See `PortalStore`.
  public func close(round: String) async throws {
    let now = PortalClock.timestamp(Date())
    try await pool.write { db in
      try db.execute(
        sql: "UPDATE round SET phase = 'reviewing', closed_at = ? WHERE id = ? AND phase = 'submitting'",
        arguments: [now, round])
    }
  }

  // MARK: - Uploads

  /// See `PortalStore`.
  public func append(_ upload: NewUpload, audit entry: AuditEntry) async throws -> UploadRecord {
    try await pool.write { db in
      let version =
        try Int.fetchOne(
          db, sql: "SELECT COALESCE(MAX(version), 0) + 1 FROM upload WHERE round_id = ? AND unit_id = ?",
          arguments: [upload.round, upload.unit]) ?? 1
      try db.execute(
        sql: """
          INSERT INTO upload (round_id, unit_id, version, status, sha256, size, received, body)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          upload.round, upload.unit, version, upload.status.rawValue, upload.sha256, upload.bytes.count,
          upload.received, Data(upload.bytes),
        ])
      for (position, diagnostic) in upload.diagnostics.enumerated() {
        try db.execute(
          sql: """
            INSERT INTO upload_diagnostic
              (round_id, unit_id, version, position, line, severity, message_key, message_arguments, message_text)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            upload.round, upload.unit, version, position, diagnostic.line, diagnostic.severity, diagnostic.key,
            Self.json(diagnostic.arguments), diagnostic.text,
          ])
      }
      var entry = entry
      entry.status = upload.status == .accepted ? 201 : 422
      entry.detail = "version=\(version) sha256=\(upload.sha256) \(upload.status.rawValue)"
      try Self.audit(db, entry)
      return UploadRecord(
        round: upload.round, unit: upload.unit, version: version, status: upload.status, sha256: upload.sha256,
        size: upload.bytes.count, received: upload.received, diagnostics: upload.diagnostics)
    }
  }

  /// See `PortalStore`.
  public func uploads(round: String, unit: String) async throws -> [UploadRecord] {
    try await pool.read { db in try Self.uploads(db, round: round, unit: unit) }
  }

  /// See `PortalStore`.
  public func uploads(round: String) async throws -> [UploadRecord] {
    try await pool.read { db in try Self.uploads(db, round: round, unit: nil) }
  }

  private static func uploads(_ db: Database, round: String, unit: String?) throws -> [UploadRecord] {
    let filter = unit == nil ? "" : " AND unit_id = ?"
    var arguments: StatementArguments = [round]
    if let unit { arguments += [unit] }
    var diagnostics: [String: [StoredDiagnostic]] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT unit_id, version, line, severity, message_key, message_arguments, message_text
        FROM upload_diagnostic WHERE round_id = ?\(filter) ORDER BY unit_id, version, position
        """, arguments: arguments)
    {
      let key = "\(row["unit_id"] as String)\u{0}\(row["version"] as Int)"
      let encoded: String = row["message_arguments"]
      let stored = StoredDiagnostic(
        line: row["line"], severity: row["severity"], key: row["message_key"],
        arguments: (try? JSONDecoder().decode([String].self, from: Data(encoded.utf8))) ?? [],
        text: row["message_text"])
      diagnostics[key, default: []].append(stored)
    }
    return try Row.fetchAll(
      db,
      sql: """
        SELECT unit_id, version, status, sha256, size, received FROM upload
        WHERE round_id = ?\(filter) ORDER BY unit_id, version
        """, arguments: arguments
    ).map { row in
      let unitID: String = row["unit_id"]
      let version: Int = row["version"]
      return UploadRecord(
        round: round, unit: unitID, version: version,
        status: UploadStatus(rawValue: row["status"]) ?? .rejected, sha256: row["sha256"], size: row["size"],
        received: row["received"], diagnostics: diagnostics["\(unitID)\u{0}\(version)"] ?? [])
    }
  }

  /// See `PortalStore`.
  public func bytes(round: String, unit: String, version: Int) async throws -> [UInt8]? {
    try await pool.read { db in
      try Data.fetchOne(
        db, sql: "SELECT body FROM upload WHERE round_id = ? AND unit_id = ? AND version = ?",
        arguments: [round, unit, version]
      ).map { Array($0) }
    }
  }

  // MARK: - Audit

  /// See `PortalStore`.
  public func audit(_ entry: AuditEntry) async throws {
    try await pool.write { db in try Self.audit(db, entry) }
  }

  static func audit(_ db: Database, _ entry: AuditEntry) throws {
    try db.execute(
      sql: """
        INSERT INTO audit (at, actor, action, round_id, unit_id, status, address, detail)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        entry.at, entry.actor, entry.action, entry.round, entry.unit, entry.status, entry.address, entry.detail,
      ])
  }

  /// Every audit entry, oldest first.
  public func auditLog() throws -> [AuditEntry] {
    try pool.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY seq").map { row in
        AuditEntry(
          at: row["at"], actor: row["actor"], action: row["action"], round: row["round_id"], unit: row["unit_id"],
          status: row["status"], address: row["address"], detail: row["detail"])
      }
    }
  }

  static func json(_ strings: [String]) -> String {
    (try? String(decoding: JSONEncoder().encode(strings), as: UTF8.self)) ?? "[]"
  }
}
