import GRDB
import PilotEvalCore

/// Reads snapshots and listings back. The caller owns the (read) transaction.
struct SnapshotReader {
  /// The connection.
  let db: Database
  /// The file, for error messages.
  let file: String

  /// Round ids in the order they were first recorded.
  func roundIDs() throws -> [String] {
    try String.fetchAll(db, sql: "SELECT id FROM round ORDER BY seq")
  }

  /// The listing of every round, in the order they were first recorded.
  func storedRounds() throws -> [StoredRound] {
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT id, rubric_id, rubric_version, recorded_at, tool,
          (SELECT COUNT(*) FROM unit WHERE unit.round_id = round.id),
          (SELECT COUNT(*) FROM rejected WHERE rejected.round_id = round.id)
        FROM round ORDER BY seq
        """)
    return try rows.map { row in
      StoredRound(
        id: try row.decode(atIndex: 0), rubricID: try row.decode(atIndex: 1),
        rubricVersion: try row.decode(atIndex: 2), recordedAt: try row.decode(atIndex: 3),
        tool: try row.decode(atIndex: 4), unitCount: try row.decode(atIndex: 5),
        rejectedCount: try row.decode(atIndex: 6))
    }
  }

  /// The snapshot of `round`, or `nil` when it is not recorded.
  func snapshot(_ round: String) throws -> RoundSnapshot? {
    guard
      let head = try Row.fetchOne(
        db,
        sql: """
          SELECT rubric_id, rubric_version, rubric_title, rubric_total, pairings, reviews_applied, submissions_seen
          FROM round WHERE id = ?
          """, arguments: [round])
    else { return nil }
    let pairingsValue: String = try head.decode(atIndex: 4)
    guard let pairings = PairingSource(rawValue: pairingsValue) else {
      throw HistoryError.storage(file: file, reason: "round \(round) has an unknown pairing source '\(pairingsValue)'")
    }
    let rubric = RubricShape(
      id: try head.decode(atIndex: 0), version: try head.decode(atIndex: 1), title: try head.decode(atIndex: 2),
      total: try head.decode(atIndex: 3), tiers: try tiers(round), sections: try sections(round),
      criteria: try criteria(round))
    return RoundSnapshot(
      round: round, rubric: rubric, units: try units(round), rejected: try rejected(round),
      reviewsApplied: try head.decode(atIndex: 5), submissionsSeen: try head.decode(atIndex: 6),
      pairings: pairings)
  }

  private func tiers(_ round: String) throws -> [RubricShape.TierShape] {
    try rows(
      "SELECT tier_id, name, min_score FROM rubric_tier WHERE round_id = ? ORDER BY position", round
    ) { row in
      .init(id: try row.decode(atIndex: 0), name: try row.decode(atIndex: 1), min: try row.decode(atIndex: 2))
    }
  }

  private func sections(_ round: String) throws -> [RubricShape.SectionShape] {
    try rows(
      "SELECT section_id, title, parent_id, max_points FROM rubric_section WHERE round_id = ? ORDER BY position",
      round
    ) { row in
      .init(
        id: try row.decode(atIndex: 0), title: try row.decode(atIndex: 1), parent: try row.decode(atIndex: 2),
        max: try row.decode(atIndex: 3))
    }
  }

  private func criteria(_ round: String) throws -> [RubricShape.CriterionShape] {
    try rows(
      "SELECT criterion_id, title, section_id, points FROM rubric_criterion WHERE round_id = ? ORDER BY position",
      round
    ) { row in
      .init(
        id: try row.decode(atIndex: 0), title: try row.decode(atIndex: 1), section: try row.decode(atIndex: 2),
        points: try row.decode(atIndex: 3))
    }
  }

  private func rejected(_ round: String) throws -> [RejectedInput] {
    try rows("SELECT kind, file, line, reason FROM rejected WHERE round_id = ? ORDER BY position", round) { row in
      .init(
        kind: try row.decode(atIndex: 0), file: try row.decode(atIndex: 1), line: try row.decode(atIndex: 2),
        reason: try row.decode(atIndex: 3))
    }
  }

  /// The units in rank order, then their points, reviewers and partners attached by unit row id.
  private func units(_ round: String) throws -> [UnitSnapshot] {
    var index: [Int64: Int] = [:]
    var units: [UnitSnapshot] = []
    try forEachRow(
      """
      SELECT id, unit_id, name, region, level, category, score, self_score, rank, tier, vetoed, exemplar
      FROM unit WHERE round_id = ? ORDER BY position
      """, round
    ) { row in
      index[try row.decode(atIndex: 0)] = units.count
      units.append(
        UnitSnapshot(
          id: try row.decode(atIndex: 1), name: try row.decode(atIndex: 2), region: try row.decode(atIndex: 3),
          level: try row.decode(atIndex: 4), category: try row.decode(atIndex: 5), score: try row.decode(atIndex: 6),
          selfScore: try row.decode(atIndex: 7) as Double, rank: try row.decode(atIndex: 8),
          tier: try row.decode(atIndex: 9), vetoed: try row.decode(atIndex: 10),
          exemplar: try row.decode(atIndex: 11)))
    }
    guard !units.isEmpty else { return units }

    func unitIndex(_ row: Row) throws -> Int {
      let unitRow: Int64 = try row.decode(atIndex: 0)
      guard let position = index[unitRow] else {
        throw HistoryError.storage(file: file, reason: "round \(round) has points of unknown unit row \(unitRow)")
      }
      return position
    }
    // Rows of one unit come out in `position` order; `ORDER BY unit_row` only groups them.
    let belowUnit = "IN (SELECT id FROM unit WHERE round_id = ?) ORDER BY unit_row, position"
    try forEachRow(
      "SELECT unit_row, section_id, earned, max_points FROM unit_section WHERE unit_row \(belowUnit)", round
    ) { row in
      units[try unitIndex(row)].sections.append(
        PointsEntry(id: try row.decode(atIndex: 1), earned: try row.decode(atIndex: 2), max: try row.decode(atIndex: 3))
      )
    }
    try forEachRow(
      "SELECT unit_row, criterion_id, earned, max_points FROM unit_criterion WHERE unit_row \(belowUnit)", round
    ) { row in
      units[try unitIndex(row)].criteria.append(
        PointsEntry(id: try row.decode(atIndex: 1), earned: try row.decode(atIndex: 2), max: try row.decode(atIndex: 3))
      )
    }
    var totals = [[Double?]](repeating: [], count: units.count)
    try forEachRow("SELECT unit_row, reviewer_id, total FROM unit_reviewer WHERE unit_row \(belowUnit)", round) { row in
      let position = try unitIndex(row)
      units[position].reviewers.append(try row.decode(atIndex: 1))
      totals[position].append(try row.decode(atIndex: 2) as Double?)
    }
    // A unit's totals count only when every one is known (rows recorded before v2 have none).
    for position in units.indices where totals[position].allSatisfy({ $0 != nil }) {
      units[position].reviewerTotals = totals[position].compactMap { $0 }
    }
    try forEachRow("SELECT unit_row, partner_id FROM unit_partner WHERE unit_row \(belowUnit)", round) { row in
      units[try unitIndex(row)].partners.append(try row.decode(atIndex: 1))
    }
    return units
  }

  /// Maps every row of `sql` (one `?`, bound to `round`).
  private func rows<T>(_ sql: String, _ round: String, _ transform: (Row) throws -> T) throws -> [T] {
    var result: [T] = []
    try forEachRow(sql, round) { result.append(try transform($0)) }
    return result
  }

  /// Visits every row of `sql` (one `?`, bound to `round`) without collecting them first.
  private func forEachRow(_ sql: String, _ round: String, _ body: (Row) throws -> Void) throws {
    let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: [round])
    while let row = try cursor.next() {
      try body(row)
    }
  }
}
