import GRDB

/// The history file's schema and its migrations.
///
/// Every schema change is a new migration appended to `migrator` ("v2", "v3", …); a registered
/// migration is never edited once released. GRDB records applied migrations in `grdb_migrations`;
/// each migration also sets `PRAGMA user_version` to its number so that plain `sqlite3` shows it.
enum HistorySchema {
  /// `PRAGMA application_id` of a PilotEval history ("PEvH"), which tells it from other SQLite files.
  static let applicationID: Int32 = 0x5045_7648

  /// GRDB's bookkeeping table.
  static let migrationsTable = "grdb_migrations"

  /// The migrations, in order.
  static let migrator: DatabaseMigrator = {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(sql: v1)
      try db.execute(sql: "PRAGMA application_id = \(applicationID)")
      try db.execute(sql: "PRAGMA user_version = 1")
    }
    migrator.registerMigration("v2") { db in
      try db.execute(sql: v2)
      try db.execute(sql: "PRAGMA user_version = 2")
    }
    // Next: migrator.registerMigration("v3") { db in … PRAGMA user_version = 3 }
    return migrator
  }()

  /// v2: each reviewer's total for the unit (Σ of their points over the criteria that apply), which the
  /// trend needs for the reliability of a round's scores (β's regression-to-the-mean correction). Rows
  /// recorded under v1 keep `NULL`: their round's reliability is not known until it is recorded again.
  static let v2 = """
    ALTER TABLE unit_reviewer ADD COLUMN total REAL;
    """

  /// v1: one row per round, the rubric shape per round, unit rows per round with their points,
  /// reviewers and partners, and rejected inputs. Lists keep their order in a `position` column
  /// (0-based). Everything below `round` is deleted with it (ON DELETE CASCADE).
  static let v1 = """
    CREATE TABLE round (
      id TEXT NOT NULL PRIMARY KEY,
      seq INTEGER NOT NULL UNIQUE,
      rubric_id TEXT NOT NULL,
      rubric_version TEXT NOT NULL,
      rubric_title TEXT NOT NULL,
      rubric_total REAL NOT NULL,
      pairings TEXT NOT NULL,
      reviews_applied INTEGER NOT NULL,
      submissions_seen INTEGER NOT NULL,
      recorded_at TEXT NOT NULL,
      tool TEXT NOT NULL
    );

    CREATE TABLE rubric_tier (
      round_id TEXT NOT NULL REFERENCES round(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      tier_id TEXT NOT NULL,
      name TEXT NOT NULL,
      min_score REAL NOT NULL,
      PRIMARY KEY (round_id, position)
    ) WITHOUT ROWID;

    CREATE TABLE rubric_section (
      round_id TEXT NOT NULL REFERENCES round(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      section_id TEXT NOT NULL,
      title TEXT NOT NULL,
      parent_id TEXT,
      max_points REAL NOT NULL,
      PRIMARY KEY (round_id, position)
    ) WITHOUT ROWID;

    CREATE TABLE rubric_criterion (
      round_id TEXT NOT NULL REFERENCES round(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      criterion_id TEXT NOT NULL,
      title TEXT NOT NULL,
      section_id TEXT NOT NULL,
      points REAL NOT NULL,
      PRIMARY KEY (round_id, position)
    ) WITHOUT ROWID;

    CREATE TABLE unit (
      id INTEGER PRIMARY KEY,
      round_id TEXT NOT NULL REFERENCES round(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      unit_id TEXT NOT NULL,
      name TEXT NOT NULL,
      region TEXT NOT NULL,
      level TEXT NOT NULL,
      category TEXT NOT NULL,
      score REAL NOT NULL,
      self_score REAL NOT NULL,
      rank INTEGER NOT NULL,
      tier TEXT NOT NULL,
      vetoed INTEGER NOT NULL CHECK (vetoed IN (0, 1)),
      exemplar INTEGER NOT NULL CHECK (exemplar IN (0, 1)),
      UNIQUE (round_id, position)
    );
    CREATE INDEX unit_by_unit_id ON unit(unit_id, round_id);

    CREATE TABLE unit_section (
      unit_row INTEGER NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      section_id TEXT NOT NULL,
      earned REAL NOT NULL,
      max_points REAL NOT NULL,
      PRIMARY KEY (unit_row, position)
    ) WITHOUT ROWID;

    CREATE TABLE unit_criterion (
      unit_row INTEGER NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      criterion_id TEXT NOT NULL,
      earned REAL NOT NULL,
      max_points REAL NOT NULL,
      PRIMARY KEY (unit_row, position)
    ) WITHOUT ROWID;

    CREATE TABLE unit_reviewer (
      unit_row INTEGER NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      reviewer_id TEXT NOT NULL,
      PRIMARY KEY (unit_row, position)
    ) WITHOUT ROWID;

    CREATE TABLE unit_partner (
      unit_row INTEGER NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      partner_id TEXT NOT NULL,
      PRIMARY KEY (unit_row, position)
    ) WITHOUT ROWID;

    CREATE TABLE rejected (
      round_id TEXT NOT NULL REFERENCES round(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      kind TEXT NOT NULL,
      file TEXT NOT NULL,
      line INTEGER NOT NULL,
      reason TEXT NOT NULL,
      PRIMARY KEY (round_id, position)
    ) WITHOUT ROWID;
    """
}
