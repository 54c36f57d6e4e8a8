/// One recorded round as listed by `HistoryStore.rounds()`.
public struct StoredRound: Sendable, Hashable {
  /// The round id (e.g. `2025H1`).
  public var id: String
  /// The id of the rubric the round was scored with.
  public var rubricID: String
  /// The version of that rubric.
  public var rubricVersion: String
  /// When the round was recorded, as given to `record` (or its latest replacement).
  public var recordedAt: String
  /// The tool that recorded it, as given to `record` (e.g. `piloteval 1.4.0`).
  public var tool: String
  /// How many scored units the round holds.
  public var unitCount: Int
  /// How many rejected inputs the round holds.
  public var rejectedCount: Int

  /// Creates a listing entry.
  public init(
    id: String, rubricID: String, rubricVersion: String, recordedAt: String, tool: String, unitCount: Int,
    rejectedCount: Int
  ) {
    self.id = id
    self.rubricID = rubricID
    self.rubricVersion = rubricVersion
    self.recordedAt = recordedAt
    self.tool = tool
    self.unitCount = unitCount
    self.rejectedCount = rejectedCount
  }
}

/// What `HistoryStore.record` did.
public struct RecordOutcome: Sendable, Hashable {
  /// Whether the round was new or replaced an earlier recording.
  public enum Action: String, Sendable, Hashable {
    /// The round was not recorded before.
    case added
    /// The round was recorded before; its rows were deleted and written anew, in its original position.
    case replaced
  }

  /// Added or replaced.
  public var action: Action
  /// The round id.
  public var round: String
  /// Unit rows written.
  public var units: Int
  /// Rejected-input rows written.
  public var rejected: Int
  /// Rows written across all tables (round, rubric, units and their points, reviewers, partners, rejected).
  public var rows: Int

  /// Whether an earlier recording of the round was replaced (`action == .replaced`).
  public var replaced: Bool { action == .replaced }

  /// Creates an outcome.
  public init(action: Action, round: String, units: Int, rejected: Int, rows: Int) {
    self.action = action
    self.round = round
    self.units = units
    self.rejected = rejected
    self.rows = rows
  }
}
