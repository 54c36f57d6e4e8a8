import Foundation
import GRDB
public import PilotEvalCore

/// Experts, leaders and review assignments, used by `piloteval portal add-reviewers`,
/// `add-leaders`, `assign` and `swap` on the same file whether the server runs or not.
extension SQLitePortalStore {
  /// Registers `people` in `round` as experts or leaders; those already present are left as
  /// they are. Returns the new codes (shown once).
  public func addPeople(
    _ people: [PersonList.Person], kind: PersonList.Kind, round: String
  ) throws -> [(unit: String, code: AccessCode)] {
    let now = PortalClock.timestamp(Date())
    let table = kind == .reviewers ? "reviewer" : "leader"
    let role = kind == .reviewers ? "reviewer" : "leader"
    return try pool.write { db in
      guard try Self.round(db, round) != nil else { throw PortalStoreError.unknownRound(round) }
      var issued: [(unit: String, code: AccessCode)] = []
      for person in people {
        let exists =
          try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE round_id = ? AND id = ?)",
            arguments: [round, person.id]) ?? false
        if exists { continue }
        if kind == .reviewers {
          try db.execute(
            sql: "INSERT INTO reviewer (round_id, id, name, region, organisation) VALUES (?, ?, ?, ?, ?)",
            arguments: [round, person.id, person.name, person.region, person.organisation])
        } else {
          try db.execute(
            sql: "INSERT INTO leader (round_id, id, name) VALUES (?, ?, ?)", arguments: [round, person.id, person.name])
        }
        let code = AccessCode.generate()
        try db.execute(
          sql: "INSERT INTO credential (code_sha256, role, subject, round_id, issued_at) VALUES (?, ?, ?, ?, ?)",
          arguments: [code.hash, role, person.id, round, now])
        issued.append((person.id, code))
      }
      try Self.audit(
        db,
        AuditEntry(
          at: now, actor: "cli", action: "add-\(table)s", round: round,
          detail: issued.map(\.unit).joined(separator: " ")))
      return issued
    }
  }

  /// The planner's input for `round`: every unit with an accepted submission, every expert, and
  /// the assignments that already have an accepted review (kept as they are).
  public func assignmentRoster(round: String, perUnit: Int, seed: UInt64) throws -> AssignmentRequest {
    try pool.read { db in
      guard try Self.round(db, round) != nil else { throw PortalStoreError.unknownRound(round) }
      let units = try Row.fetchAll(
        db,
        sql: """
          SELECT id, region, organisation FROM unit WHERE round_id = ? AND EXISTS
            (SELECT 1 FROM upload WHERE upload.round_id = unit.round_id AND upload.unit_id = unit.id
             AND upload.status = 'accepted') ORDER BY id
          """, arguments: [round]
      ).map { row in
        let organisation: String = row["organisation"]
        return AssignmentRequest.Unit(
          id: row["id"], region: row["region"], organisation: organisation.isEmpty ? nil : organisation)
      }
      let experts = try Self.experts(db, round: round)
      let reviewed = try Self.assignmentEntries(db, round: round).filter(\.reviewed).map {
        ReviewAssignment(unit: $0.unit, reviewer: $0.reviewer)
      }
      return AssignmentRequest(units: units, experts: experts, perUnit: perUnit, seed: seed, reviewed: reviewed)
    }
  }

  static func experts(_ db: Database, round: String) throws -> [AssignmentRequest.Expert] {
    try Row.fetchAll(
      db, sql: "SELECT id, name, region, organisation FROM reviewer WHERE round_id = ? ORDER BY id",
      arguments: [round]
    ).map { row in
      let organisation: String = row["organisation"]
      return AssignmentRequest.Expert(
        id: row["id"], name: row["name"], region: row["region"],
        organisation: organisation.isEmpty ? nil : organisation)
    }
  }

  /// The assignments of `round` as stored, by unit then expert, each marked reviewed when the
  /// expert has an accepted review of the unit.
  public func assignments(round: String) throws -> [AssignmentPlan.Entry] {
    try pool.read { db in try Self.assignmentEntries(db, round: round) }
  }

  static func assignmentEntries(_ db: Database, round: String) throws -> [AssignmentPlan.Entry] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT a.unit_id, a.reviewer_id, r.region, r.organisation,
          EXISTS (SELECT 1 FROM review v WHERE v.round_id = a.round_id AND v.unit_id = a.unit_id
                  AND v.reviewer_id = a.reviewer_id AND v.status = 'accepted') AS reviewed
        FROM assignment a JOIN reviewer r ON r.round_id = a.round_id AND r.id = a.reviewer_id
        WHERE a.round_id = ? ORDER BY a.unit_id, a.reviewer_id
        """, arguments: [round]
    ).map { row in
      AssignmentPlan.Entry(
        unit: row["unit_id"], reviewer: row["reviewer_id"], region: row["region"], organisation: row["organisation"],
        reviewed: row["reviewed"])
    }
  }

  /// The stored plan's K and exceptions (each reason in Chinese and English), if `assign` ran.
  public func assignmentPlan(round: String) throws -> (perUnit: Int, exceptions: [StoredException])? {
    try pool.read { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT per_unit, exceptions FROM assignment_plan WHERE round_id = ?", arguments: [round])
      else { return nil }
      let text: String = row["exceptions"]
      let exceptions = (try? JSONDecoder().decode([StoredException].self, from: Data(text.utf8))) ?? []
      return (row["per_unit"], exceptions)
    }
  }

  /// Replaces `round`'s assignments by `plan` (its reviewed ones are those already stored).
  public func saveAssignments(_ plan: AssignmentPlan, round: String) throws {
    let now = PortalClock.timestamp(Date())
    let exceptions = plan.exceptions.map {
      StoredException(unit: $0.unit, zh: $0.message(.zh), en: $0.message(.en))
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let json = String(decoding: try encoder.encode(exceptions), as: UTF8.self)
    try pool.write { db in
      let kept = Set(
        try Self.assignmentEntries(db, round: round).filter(\.reviewed).map { "\($0.unit)\u{0}\($0.reviewer)" })
      try db.execute(sql: "DELETE FROM assignment WHERE round_id = ?", arguments: [round])
      for entry in plan.assignments {
        try db.execute(
          sql: "INSERT INTO assignment (round_id, unit_id, reviewer_id, assigned_at) VALUES (?, ?, ?, ?)",
          arguments: [round, entry.unit, entry.reviewer, now])
      }
      let missing = kept.subtracting(plan.assignments.map { "\($0.unit)\u{0}\($0.reviewer)" })
      guard missing.isEmpty else { throw PortalStoreError.storage("the plan drops a reviewed assignment") }
      try db.execute(
        sql: """
          INSERT INTO assignment_plan (round_id, per_unit, seed, exceptions, planned_at) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT(round_id) DO UPDATE SET per_unit = excluded.per_unit, seed = excluded.seed,
            exceptions = excluded.exceptions, planned_at = excluded.planned_at
          """, arguments: [round, plan.perUnit, Int64(bitPattern: plan.seed), json, now])
      try Self.audit(
        db,
        AuditEntry(
          at: now, actor: "cli", action: "assign", round: round,
          detail: "perUnit=\(plan.perUnit) seed=\(plan.seed) assignments=\(plan.assignments.count) "
            + "exceptions=\(plan.exceptions.count)"))
    }
  }

  /// Moves `unit` from expert `from` to `to`; `override` is the reason given when the move
  /// breaks 回避 (kept with the row and in the audit log).
  public func swap(round: String, unit: String, from: String, to: String, override: String?) throws {
    let now = PortalClock.timestamp(Date())
    try pool.write { db in
      try db.execute(
        sql: "DELETE FROM assignment WHERE round_id = ? AND unit_id = ? AND reviewer_id = ?",
        arguments: [round, unit, from])
      try db.execute(
        sql: """
          INSERT INTO assignment (round_id, unit_id, reviewer_id, assigned_at, override_reason) VALUES (?, ?, ?, ?, ?)
          """, arguments: [round, unit, to, now, override])
      try Self.audit(
        db,
        AuditEntry(
          at: now, actor: "cli", action: "swap", round: round, unit: unit,
          detail: "from=\(from) to=\(to)" + (override.map { " override=\($0)" } ?? "")))
    }
  }

  /// The roster the stored assignments were made for (all units of the round, all experts),
  /// for checking a hand swap.
  public func swapRoster(round: String) throws -> AssignmentRequest {
    try pool.read { db in
      let units = try Row.fetchAll(
        db, sql: "SELECT id, region, organisation FROM unit WHERE round_id = ? ORDER BY id", arguments: [round]
      ).map { row in
        let organisation: String = row["organisation"]
        return AssignmentRequest.Unit(
          id: row["id"], region: row["region"], organisation: organisation.isEmpty ? nil : organisation)
      }
      let perUnit =
        try Int.fetchOne(
          db, sql: "SELECT per_unit FROM assignment_plan WHERE round_id = ?", arguments: [round]) ?? 2
      return AssignmentRequest(units: units, experts: try Self.experts(db, round: round), perUnit: perUnit, seed: 0)
    }
  }
}

/// A planner exception as stored with the plan: its unit (nil for the whole plan) and its
/// reason in each language.
public struct StoredException: Sendable, Hashable, Codable {
  /// The unit, or nil.
  public var unit: String?
  /// The reason in Chinese.
  public var zh: String
  /// The reason in English.
  public var en: String
}
