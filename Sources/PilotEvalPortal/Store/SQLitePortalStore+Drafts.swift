import Foundation
import GRDB

/// Experts' review drafts: one per expert, unit and round, replaced on every save, kept across
/// sessions (a draft belongs to its expert, not to a log-in).
extension SQLitePortalStore {
  /// Replaces `reviewer`'s draft of `unit` in `round` by `fields` (the form as JSON).
  public func saveDraft(round: String, unit: String, reviewer: String, fields: String, savedAt: String) async throws {
    try await pool.write { db in
      try db.execute(
        sql: """
          INSERT INTO review_draft (round_id, unit_id, reviewer_id, fields, saved_at) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT(round_id, unit_id, reviewer_id) DO UPDATE SET fields = excluded.fields, saved_at = excluded.saved_at
          """, arguments: [round, unit, reviewer, fields, savedAt])
    }
  }

  /// `reviewer`'s draft of `unit` in `round`: the form as JSON and when it was saved.
  public func draft(round: String, unit: String, reviewer: String) async throws -> (fields: String, savedAt: String)? {
    try await pool.read { db in
      try Row.fetchOne(
        db, sql: "SELECT fields, saved_at FROM review_draft WHERE round_id = ? AND unit_id = ? AND reviewer_id = ?",
        arguments: [round, unit, reviewer]
      ).map { ($0["fields"], $0["saved_at"]) }
    }
  }
}
