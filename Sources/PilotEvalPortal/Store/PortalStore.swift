/// Where the portal keeps everything: codes, rounds, units, uploads, sessions and the audit log.
///
/// `SQLitePortalStore` is the one implementation; a PostgreSQL store for several
/// portal instances sharing one database implements the same calls (see
/// docs/DECISIONS.md, "Portal storage"). Every call that returns after a write
/// returns only once that write is durable.
public protocol PortalStore: Sendable {
  // MARK: - Identity

  /// The holder of the code whose SHA-256 (hex) is `codeHash`, unless revoked.
  func principal(codeHash: String) async throws -> Principal?

  /// A live session whose token hashes to `tokenHash`.
  func session(tokenHash: String, now: Int64) async throws -> SessionRecord?

  /// Keeps a new session.
  func createSession(tokenHash: String, _ session: SessionRecord) async throws

  /// Ends a session.
  func deleteSession(tokenHash: String) async throws

  // MARK: - Rounds and units

  /// The round `id`, if it exists.
  func round(_ id: String) async throws -> RoundRecord?

  /// Every round, by id.
  func rounds() async throws -> [RoundRecord]

  /// The unit `id` of `round`, if registered there.
  func unit(round: String, id: String) async throws -> UnitRecord?

  /// Every unit of `round`, by id.
  func units(round: String) async throws -> [UnitRecord]

  /// Moves `round` from `submitting` to `reviewing`; a round already past it is left as it is.
  func close(round: String) async throws

  // MARK: - Uploads

  /// Stores `upload` as the unit's next version with its audit entry (whose `detail` gets the
  /// version), in one durable transaction, and returns its record.
  func append(_ upload: NewUpload, audit: AuditEntry) async throws -> UploadRecord

  /// Every upload of the unit in the round, oldest first, without bytes.
  func uploads(round: String, unit: String) async throws -> [UploadRecord]

  /// Every upload of the round, by unit then version, without bytes.
  func uploads(round: String) async throws -> [UploadRecord]

  /// The bytes of one version.
  func bytes(round: String, unit: String, version: Int) async throws -> [UInt8]?

  // MARK: - Audit

  /// Appends to the audit log.
  func audit(_ entry: AuditEntry) async throws
}
