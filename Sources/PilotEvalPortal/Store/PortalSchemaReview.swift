/// v2 of the portal schema: expert review (issue 17). Appended after v1, never edited.
///
/// Experts and leaders belong to a round, like units. An assignment row says that an expert
/// reviews a unit; a hand change (`portal swap`) replaces the row and the audit log keeps the
/// reason. Reviews are kept like uploads: every version that reached validation, immutable,
/// with its bytes, their SHA-256 and the SHA-256 of the submission it was made against.
/// A draft is the expert's unsent form, replaced on every save.
enum PortalSchemaReview {
  static let v2 = """
    CREATE TABLE reviewer (
      round_id TEXT NOT NULL REFERENCES round(id),
      id TEXT NOT NULL,
      name TEXT NOT NULL,
      region TEXT NOT NULL,
      organisation TEXT NOT NULL,
      PRIMARY KEY (round_id, id)
    ) WITHOUT ROWID;

    CREATE TABLE leader (
      round_id TEXT NOT NULL REFERENCES round(id),
      id TEXT NOT NULL,
      name TEXT NOT NULL,
      PRIMARY KEY (round_id, id)
    ) WITHOUT ROWID;

    CREATE TABLE assignment_plan (
      round_id TEXT NOT NULL PRIMARY KEY REFERENCES round(id),
      per_unit INTEGER NOT NULL CHECK (per_unit >= 2),
      seed INTEGER NOT NULL,
      exceptions TEXT NOT NULL DEFAULT '[]',
      planned_at TEXT NOT NULL
    );

    CREATE TABLE assignment (
      round_id TEXT NOT NULL,
      unit_id TEXT NOT NULL,
      reviewer_id TEXT NOT NULL,
      assigned_at TEXT NOT NULL,
      override_reason TEXT,
      PRIMARY KEY (round_id, unit_id, reviewer_id),
      FOREIGN KEY (round_id, unit_id) REFERENCES unit(round_id, id),
      FOREIGN KEY (round_id, reviewer_id) REFERENCES reviewer(round_id, id)
    ) WITHOUT ROWID;
    CREATE INDEX assignment_by_reviewer ON assignment(round_id, reviewer_id);

    CREATE TABLE review (
      round_id TEXT NOT NULL,
      unit_id TEXT NOT NULL,
      reviewer_id TEXT NOT NULL,
      version INTEGER NOT NULL CHECK (version >= 1),
      status TEXT NOT NULL CHECK (status IN ('accepted', 'rejected')),
      sha256 TEXT NOT NULL,
      submission_sha256 TEXT NOT NULL,
      size INTEGER NOT NULL,
      received TEXT NOT NULL,
      body BLOB NOT NULL,
      diagnostics TEXT NOT NULL DEFAULT '[]',
      PRIMARY KEY (round_id, unit_id, reviewer_id, version),
      FOREIGN KEY (round_id, unit_id) REFERENCES unit(round_id, id),
      FOREIGN KEY (round_id, reviewer_id) REFERENCES reviewer(round_id, id)
    );

    CREATE TABLE review_draft (
      round_id TEXT NOT NULL,
      unit_id TEXT NOT NULL,
      reviewer_id TEXT NOT NULL,
      fields TEXT NOT NULL,
      saved_at TEXT NOT NULL,
      PRIMARY KEY (round_id, unit_id, reviewer_id)
    ) WITHOUT ROWID;

    CREATE TABLE published_report (
      round_id TEXT NOT NULL REFERENCES round(id),
      path TEXT NOT NULL,
      body BLOB NOT NULL,
      PRIMARY KEY (round_id, path)
    ) WITHOUT ROWID;

    CREATE TRIGGER review_immutable_update BEFORE UPDATE ON review
      BEGIN SELECT RAISE(ABORT, 'reviews are immutable'); END;
    CREATE TRIGGER review_immutable_delete BEFORE DELETE ON review
      BEGIN SELECT RAISE(ABORT, 'reviews are immutable'); END;
    """
}
