/// Whether an upload passed validation.
public enum UploadStatus: String, Sendable, Codable {
  /// Validated without errors; the latest accepted one counts.
  case accepted
  /// Validation found errors.
  case rejected
}

/// An upload as validated, before it is stored.
public struct NewUpload: Sendable {
  /// The round.
  public var round: String
  /// The unit.
  public var unit: String
  /// Accepted or rejected.
  public var status: UploadStatus
  /// The body, unchanged.
  public var bytes: [UInt8]
  /// SHA-256 of `bytes`, hex.
  public var sha256: String
  /// When it arrived, ISO-8601 with offset.
  public var received: String
  /// The findings, sorted by line.
  public var diagnostics: [StoredDiagnostic]

  /// Creates an upload to store.
  public init(
    round: String, unit: String, status: UploadStatus, bytes: [UInt8], received: String,
    diagnostics: [StoredDiagnostic]
  ) {
    self.round = round
    self.unit = unit
    self.status = status
    self.bytes = bytes
    self.sha256 = SHA256.hex(bytes)
    self.received = received
    self.diagnostics = diagnostics
  }
}

/// A stored upload without its bytes: what a receipt shows.
public struct UploadRecord: Sendable, Hashable {
  /// The round.
  public var round: String
  /// The unit.
  public var unit: String
  /// 1, 2, 3 … per unit and round.
  public var version: Int
  /// Accepted or rejected.
  public var status: UploadStatus
  /// SHA-256 of the bytes, hex.
  public var sha256: String
  /// Size in bytes.
  public var size: Int
  /// When it arrived.
  public var received: String
  /// The findings.
  public var diagnostics: [StoredDiagnostic]

  /// Creates an upload record.
  public init(
    round: String, unit: String, version: Int, status: UploadStatus, sha256: String, size: Int, received: String,
    diagnostics: [StoredDiagnostic]
  ) {
    self.round = round
    self.unit = unit
    self.version = version
    self.status = status
    self.sha256 = sha256
    self.size = size
    self.received = received
    self.diagnostics = diagnostics
  }
}
