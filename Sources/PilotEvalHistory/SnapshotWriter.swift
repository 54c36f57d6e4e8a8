import GRDB
import PilotEvalCore

/// Writes one snapshot's rows with cached prepared statements. The caller owns the transaction.
struct SnapshotWriter {
  /// The connection, inside a write transaction.
  let db: Database
  /// Rows inserted so far, across all tables.
  private(set) var rows = 0

  /// Inserts the round row and everything below it.
  mutating func write(_ snapshot: RoundSnapshot, seq: Int64, recordedAt: String, tool: String) throws {
    let round = snapshot.round
    let rubric = snapshot.rubric
    try insert(
      db.cachedStatement(
        sql: """
          INSERT INTO round (id, seq, rubric_id, rubric_version, rubric_title, rubric_total, pairings,
            reviews_applied, submissions_seen, recorded_at, tool)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """),
      [
        round, seq, rubric.id, rubric.version, rubric.title, rubric.total, snapshot.pairings.rawValue,
        snapshot.reviewsApplied, snapshot.submissionsSeen, recordedAt, tool,
      ])

    let tier = try db.cachedStatement(
      sql: "INSERT INTO rubric_tier (round_id, position, tier_id, name, min_score) VALUES (?, ?, ?, ?, ?)")
    for (position, shape) in rubric.tiers.enumerated() {
      try insert(tier, [round, position, shape.id, shape.name, shape.min])
    }
    let section = try db.cachedStatement(
      sql: """
        INSERT INTO rubric_section (round_id, position, section_id, title, parent_id, max_points)
        VALUES (?, ?, ?, ?, ?, ?)
        """)
    for (position, shape) in rubric.sections.enumerated() {
      try insert(section, [round, position, shape.id, shape.title, shape.parent, shape.max])
    }
    let criterion = try db.cachedStatement(
      sql: """
        INSERT INTO rubric_criterion (round_id, position, criterion_id, title, section_id, points)
        VALUES (?, ?, ?, ?, ?, ?)
        """)
    for (position, shape) in rubric.criteria.enumerated() {
      try insert(criterion, [round, position, shape.id, shape.title, shape.section, shape.points])
    }

    for (position, unit) in snapshot.units.enumerated() {
      try write(unit, round: round, position: position)
    }

    let rejected = try db.cachedStatement(
      sql: "INSERT INTO rejected (round_id, position, kind, file, line, reason) VALUES (?, ?, ?, ?, ?, ?)")
    for (position, input) in snapshot.rejected.enumerated() {
      try insert(rejected, [round, position, input.kind, input.file, input.line, input.reason])
    }
  }

  /// Inserts one unit row, then its points, reviewers and partners keyed by the unit's row id.
  private mutating func write(_ unit: UnitSnapshot, round: String, position: Int) throws {
    try insert(
      db.cachedStatement(
        sql: """
          INSERT INTO unit (round_id, position, unit_id, name, region, level, category, score, self_score,
            rank, tier, vetoed, exemplar)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """),
      [
        round, position, unit.id, unit.name, unit.region, unit.level, unit.category, unit.score,
        unit.selfScore, unit.rank, unit.tier, unit.vetoed, unit.exemplar,
      ])
    let row = db.lastInsertedRowID

    let section = try db.cachedStatement(
      sql: "INSERT INTO unit_section (unit_row, position, section_id, earned, max_points) VALUES (?, ?, ?, ?, ?)")
    for (index, entry) in unit.sections.enumerated() {
      try insert(section, [row, index, entry.id, entry.earned, entry.max])
    }
    let criterion = try db.cachedStatement(
      sql: "INSERT INTO unit_criterion (unit_row, position, criterion_id, earned, max_points) VALUES (?, ?, ?, ?, ?)")
    for (index, entry) in unit.criteria.enumerated() {
      try insert(criterion, [row, index, entry.id, entry.earned, entry.max])
    }
    let reviewer = try db.cachedStatement(
      sql: "INSERT INTO unit_reviewer (unit_row, position, reviewer_id, total) VALUES (?, ?, ?, ?)")
    let totalsKnown = unit.reviewerTotals.count == unit.reviewers.count
    for (index, id) in unit.reviewers.enumerated() {
      try insert(reviewer, [row, index, id, totalsKnown ? unit.reviewerTotals[index] : nil])
    }
    let partner = try db.cachedStatement(
      sql: "INSERT INTO unit_partner (unit_row, position, partner_id) VALUES (?, ?, ?)")
    for (index, id) in unit.partners.enumerated() {
      try insert(partner, [row, index, id])
    }
  }

  /// Binds `arguments` to a prepared statement (their count matches its SQL above) and runs it.
  private mutating func insert(_ statement: Statement, _ arguments: StatementArguments) throws {
    statement.setUncheckedArguments(arguments)
    try statement.execute()
    rows += 1
  }
}

/// Why SQLite could not keep `snapshot` exactly, or `nil` when it can: SQLite stores NaN as NULL,
/// and GRDB binds strings up to their first NUL character.
func storageProblem(_ snapshot: RoundSnapshot) -> String? {
  var problem: String?
  func text(_ value: String, _ what: @autoclosure () -> String) {
    if problem == nil, value.utf8.contains(0) { problem = "\(what()) contains a NUL character" }
  }
  func number(_ value: Double, _ what: @autoclosure () -> String) {
    if problem == nil, value.isNaN { problem = "\(what()) is not a number (NaN)" }
  }
  let rubric = snapshot.rubric
  text(snapshot.round, "the round id")
  text(rubric.id, "the rubric id")
  text(rubric.version, "the rubric version")
  text(rubric.title, "the rubric title")
  number(rubric.total, "the rubric total")
  for tier in rubric.tiers {
    text(tier.id, "a tier id")
    text(tier.name, "the name of tier \(tier.id)")
    number(tier.min, "the minimum of tier \(tier.id)")
  }
  for section in rubric.sections {
    text(section.id, "a section id")
    text(section.title, "the title of section \(section.id)")
    text(section.parent ?? "", "the parent of section \(section.id)")
    number(section.max, "the full points of section \(section.id)")
  }
  for criterion in rubric.criteria {
    text(criterion.id, "a criterion id")
    text(criterion.title, "the title of criterion \(criterion.id)")
    text(criterion.section, "the section of criterion \(criterion.id)")
    number(criterion.points, "the points of criterion \(criterion.id)")
  }
  for unit in snapshot.units {
    text(unit.id, "a unit id")
    text(unit.name, "the name of unit \(unit.id)")
    text(unit.region, "the region of unit \(unit.id)")
    text(unit.level, "the level of unit \(unit.id)")
    text(unit.category, "the category of unit \(unit.id)")
    text(unit.tier, "the tier of unit \(unit.id)")
    number(unit.score, "the score of unit \(unit.id)")
    number(unit.selfScore, "the self score of unit \(unit.id)")
    for entries in [unit.sections, unit.criteria] {
      for entry in entries {
        text(entry.id, "a points entry id of unit \(unit.id)")
        number(entry.earned, "the earned points of \(entry.id) for unit \(unit.id)")
        number(entry.max, "the full points of \(entry.id) for unit \(unit.id)")
      }
    }
    for total in unit.reviewerTotals { number(total, "a reviewer's total for unit \(unit.id)") }
    for ids in [unit.reviewers, unit.partners] {
      for id in ids { text(id, "a reviewer or partner id of unit \(unit.id)") }
    }
    if problem != nil { break }
  }
  for input in snapshot.rejected {
    text(input.kind, "the kind of rejected file \(input.file)")
    text(input.file, "a rejected file name")
    text(input.reason, "the reason of rejected file \(input.file)")
  }
  return problem
}
