import Foundation
import GRDB

/// The office's set-up, used by `piloteval portal …` on the same file whether the server runs or not.
extension SQLitePortalStore {
  /// Issues the office code, revoking any earlier one and ending the office's web sessions;
  /// returns the code (shown once).
  public func issueOfficeCode() throws -> AccessCode {
    let code = AccessCode.generate()
    let now = PortalClock.timestamp(Date())
    try pool.write { db in
      try db.execute(
        sql: "UPDATE credential SET revoked_at = ? WHERE role = 'office' AND revoked_at IS NULL", arguments: [now])
      try db.execute(sql: "DELETE FROM session WHERE role = 'office'")
      try db.execute(
        sql:
          "INSERT INTO credential (code_sha256, role, subject, round_id, issued_at) VALUES (?, 'office', 'office', NULL, ?)",
        arguments: [code.hash, now])
      try Self.audit(db, AuditEntry(at: now, actor: "cli", action: "office-code"))
    }
    return code
  }

  /// Opens `round` for `rubricXML` in phase `submitting`.
  public func openRound(_ round: String, rubricXML: [UInt8], deadline: String?) throws {
    let now = PortalClock.timestamp(Date())
    try pool.write { db in
      guard try Self.round(db, round) == nil else { throw PortalStoreError.roundExists(round) }
      try db.execute(
        sql: "INSERT INTO round (id, rubric_xml, deadline, phase, opened_at) VALUES (?, ?, ?, 'submitting', ?)",
        arguments: [round, Data(rubricXML), deadline, now])
      try Self.audit(
        db, AuditEntry(at: now, actor: "cli", action: "open-round", round: round, detail: deadline ?? ""))
    }
  }

  /// Registers `units` in `round`. New units get a code; units already there are left as
  /// they are, unless named in `reissue`, whose old codes are revoked (and web sessions
  /// ended) and new ones issued.
  /// Returns the codes issued, in the order of `units` then `reissue`.
  public func addUnits(
    _ units: [UnitRecord], round: String, reissue: [String]
  ) throws -> [(unit: String, code: AccessCode)] {
    let now = PortalClock.timestamp(Date())
    return try pool.write { db in
      guard try Self.round(db, round) != nil else { throw PortalStoreError.unknownRound(round) }
      var issued: [(unit: String, code: AccessCode)] = []
      for unit in units {
        let exists =
          try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM unit WHERE round_id = ? AND id = ?)", arguments: [round, unit.id])
          ?? false
        if exists { continue }
        try db.execute(
          sql: """
            INSERT INTO unit (round_id, id, name, region, level, category, organisation) VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [round, unit.id, unit.name, unit.region, unit.level, unit.category, unit.organisation])
        issued.append((unit.id, try Self.issueUnitCode(db, round: round, unit: unit.id, now: now)))
      }
      for id in reissue where !issued.contains(where: { $0.unit == id }) {
        let exists =
          try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM unit WHERE round_id = ? AND id = ?)", arguments: [round, id])
          ?? false
        guard exists else { throw PortalStoreError.unknownUnit(round: round, unit: id) }
        try db.execute(
          sql: """
            UPDATE credential SET revoked_at = ?
            WHERE role = 'unit' AND subject = ? AND round_id = ? AND revoked_at IS NULL
            """,
          arguments: [now, id, round])
        try db.execute(
          sql: "DELETE FROM session WHERE role = 'unit' AND subject = ? AND round_id = ?", arguments: [id, round])
        issued.append((id, try Self.issueUnitCode(db, round: round, unit: id, now: now)))
      }
      try Self.audit(
        db,
        AuditEntry(
          at: now, actor: "cli", action: "add-units", round: round,
          detail: issued.map(\.unit).joined(separator: " ")))
      return issued
    }
  }

  private static func issueUnitCode(_ db: Database, round: String, unit: String, now: String) throws -> AccessCode {
    let code = AccessCode.generate()
    try db.execute(
      sql: "INSERT INTO credential (code_sha256, role, subject, round_id, issued_at) VALUES (?, 'unit', ?, ?, ?)",
      arguments: [code.hash, unit, round, now])
    return code
  }
}
