import Foundation
import GRDB

extension SQLitePortalStore {
  /// The round's review deadline (ISO-8601 with an offset), if the office set one.
  public func reviewDeadline(round: String) async throws -> String? {
    try await pool.read { db in
      try String.fetchOne(db, sql: "SELECT deadline FROM review_deadline WHERE round_id = ?", arguments: [round])
    }
  }

  /// Sets (or replaces) the round's review deadline, with an audit entry, in one transaction.
  public func setReviewDeadline(round: String, deadline: String) async throws {
    let now = PortalClock.timestamp(Date())
    try await pool.write { db in
      try db.execute(
        sql: "INSERT OR REPLACE INTO review_deadline (round_id, deadline, set_at) VALUES (?, ?, ?)",
        arguments: [round, deadline, now])
      try Self.audit(
        db, AuditEntry(at: now, actor: "cli", action: "review-deadline", round: round, detail: deadline))
    }
  }
}

/// A hand change made against a rule (`portal swap --override`), with its reason.
public struct AssignmentOverride: Sendable, Hashable {
  /// The unit.
  public var unit: String
  /// The expert now assigned.
  public var reviewer: String
  /// The reason the office gave.
  public var reason: String
}

extension SQLitePortalStore {
  /// The assignments of `round` made by hand against a rule, by unit then expert.
  public func overrides(round: String) throws -> [AssignmentOverride] {
    try pool.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT unit_id, reviewer_id, override_reason FROM assignment
          WHERE round_id = ? AND override_reason IS NOT NULL ORDER BY unit_id, reviewer_id
          """, arguments: [round]
      ).map { AssignmentOverride(unit: $0["unit_id"], reviewer: $0["reviewer_id"], reason: $0["override_reason"]) }
    }
  }
}
