/// An expert's review as validated and kept (one version).
public struct ReviewRecord: Sendable {
  /// The round.
  public var round: String
  /// The unit reviewed.
  public var unit: String
  /// The expert.
  public var reviewer: String
  /// 1, 2, 3 … per unit, expert and round (0 until stored).
  public var version: Int
  /// Accepted or rejected.
  public var status: UploadStatus
  /// SHA-256 (hex) of the bytes.
  public var sha256: String
  /// SHA-256 of the accepted submission the review was made against.
  public var submissionSHA256: String
  /// When it arrived, ISO-8601 with offset.
  public var received: String
  /// The bytes, as uploaded.
  public var bytes: [UInt8]
  /// Findings.
  public var diagnostics: [StoredDiagnostic]

  /// Creates a record.
  public init(
    round: String, unit: String, reviewer: String, version: Int = 0, status: UploadStatus, sha256: String,
    submissionSHA256: String, received: String, bytes: [UInt8], diagnostics: [StoredDiagnostic]
  ) {
    self.round = round
    self.unit = unit
    self.reviewer = reviewer
    self.version = version
    self.status = status
    self.sha256 = sha256
    self.submissionSHA256 = submissionSHA256
    self.received = received
    self.bytes = bytes
    self.diagnostics = diagnostics
  }
}
