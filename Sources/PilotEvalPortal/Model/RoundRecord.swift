/// Where a round is in its life.
public enum Phase: String, Sendable, Codable {
  /// Units upload until the deadline, when one is set.
  case submitting
  /// Closed to uploads; experts review.
  case reviewing
  /// Read-only.
  case published
}

/// A round as stored.
public struct RoundRecord: Sendable, Hashable {
  /// The round id (e.g. `2026H1`).
  public var id: String
  /// The rubric file, byte for byte.
  public var rubricXML: [UInt8]
  /// The deadline, ISO-8601 with an offset, if one is set.
  public var deadline: String?
  /// The phase.
  public var phase: Phase

  /// Creates a round record.
  public init(id: String, rubricXML: [UInt8], deadline: String?, phase: Phase) {
    self.id = id
    self.rubricXML = rubricXML
    self.deadline = deadline
    self.phase = phase
  }
}
