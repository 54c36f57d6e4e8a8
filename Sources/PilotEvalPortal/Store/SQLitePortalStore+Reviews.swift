import Foundation
import GRDB

/// Reviews as uploaded by experts: every version that reached validation, immutable.
extension SQLitePortalStore {
  /// Whether `reviewer` is assigned to `unit` in `round`.
  public func isAssigned(round: String, unit: String, reviewer: String) async throws -> Bool {
    try await pool.read { db in
      try Bool.fetchOne(
        db,
        sql: "SELECT EXISTS (SELECT 1 FROM assignment WHERE round_id = ? AND unit_id = ? AND reviewer_id = ?)",
        arguments: [round, unit, reviewer]) ?? false
    }
  }

  /// Keeps `review` as the next version of its expert's review of its unit, with `audit`,
  /// in one durable transaction.
  public func appendReview(_ review: ReviewRecord, audit entry: AuditEntry) async throws -> ReviewRecord {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let diagnostics = String(decoding: try encoder.encode(review.diagnostics), as: UTF8.self)
    return try await pool.write { db in
      let version =
        try Int.fetchOne(
          db,
          sql:
            "SELECT COALESCE(MAX(version), 0) + 1 FROM review WHERE round_id = ? AND unit_id = ? AND reviewer_id = ?",
          arguments: [review.round, review.unit, review.reviewer]) ?? 1
      try db.execute(
        sql: """
          INSERT INTO review (round_id, unit_id, reviewer_id, version, status, sha256, submission_sha256, size,
            received, body, diagnostics)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          review.round, review.unit, review.reviewer, version, review.status.rawValue, review.sha256,
          review.submissionSHA256, review.bytes.count, review.received, Data(review.bytes), diagnostics,
        ])
      var entry = entry
      entry.status = review.status == .accepted ? 201 : 422
      entry.detail = "reviewer=\(review.reviewer) version=\(version) sha256=\(review.sha256) \(review.status.rawValue)"
      try Self.audit(db, entry)
      var stored = review
      stored.version = version
      return stored
    }
  }

  /// The bytes of `reviewer`'s latest accepted review of `unit`, if any.
  public func latestReview(round: String, unit: String, reviewer: String) async throws -> [UInt8]? {
    try await pool.read { db in
      try Data.fetchOne(
        db,
        sql: """
          SELECT body FROM review WHERE round_id = ? AND unit_id = ? AND reviewer_id = ? AND status = 'accepted'
          ORDER BY version DESC LIMIT 1
          """, arguments: [round, unit, reviewer]
      ).map { Array($0) }
    }
  }

  /// The latest accepted review of every (unit, expert) pair of `round`, by unit then expert.
  public func acceptedReviews(
    round: String
  ) async throws -> [(unit: String, reviewer: String, version: Int, bytes: [UInt8])] {
    try await pool.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT unit_id, reviewer_id, version, body FROM review r WHERE round_id = ? AND status = 'accepted'
            AND version = (SELECT MAX(version) FROM review s WHERE s.round_id = r.round_id AND s.unit_id = r.unit_id
                           AND s.reviewer_id = r.reviewer_id AND s.status = 'accepted')
          ORDER BY unit_id, reviewer_id
          """, arguments: [round]
      ).map { row in (row["unit_id"], row["reviewer_id"], row["version"], Array(row["body"] as Data)) }
    }
  }
}

/// The published report of a round.
extension SQLitePortalStore {
  /// Stores `files` as `round`'s report and moves the round to `published`, in one transaction.
  /// Refused (`wrongPhase`) unless the round is `reviewing` inside that transaction, so two
  /// publications at once cannot both store a report.
  public func publish(round: String, files: [(path: String, bytes: [UInt8])], detail: String) throws {
    let now = PortalClock.timestamp(Date())
    try pool.write { db in
      guard let record = try Self.round(db, round) else { throw PortalStoreError.unknownRound(round) }
      guard record.phase == .reviewing else {
        throw PortalStoreError.wrongPhase(round: round, phase: record.phase.rawValue)
      }
      try db.execute(sql: "DELETE FROM published_report WHERE round_id = ?", arguments: [round])
      for file in files {
        try db.execute(
          sql: "INSERT INTO published_report (round_id, path, body) VALUES (?, ?, ?)",
          arguments: [round, file.path, Data(file.bytes)])
      }
      try db.execute(sql: "UPDATE round SET phase = 'published' WHERE id = ?", arguments: [round])
      try Self.audit(db, AuditEntry(at: now, actor: "cli", action: "publish", round: round, detail: detail))
    }
  }

  /// One file of `round`'s published report, if the round is published and has it.
  public func reportFile(round: String, path: String) async throws -> [UInt8]? {
    try await pool.read { db in
      try Data.fetchOne(
        db, sql: "SELECT body FROM published_report WHERE round_id = ? AND path = ?", arguments: [round, path]
      ).map { Array($0) }
    }
  }
}
