import GRDB

/// The portal database's schema and its migrations (its own file, apart from the history store).
///
/// Uploads and the audit log are append-only: triggers refuse to update or delete
/// their rows. Migrations are appended ("v2" …) and never edited once released.
enum PortalSchema {
  /// `PRAGMA application_id` of a portal database ("PEvP").
  static let applicationID: Int32 = 0x5045_7650

  /// The migrations, in order.
  static let migrator: DatabaseMigrator = {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(sql: v1)
      try db.execute(sql: "PRAGMA application_id = \(applicationID)")
      try db.execute(sql: "PRAGMA user_version = 1")
    }
    migrator.registerMigration("v2") { db in
      try db.execute(sql: PortalSchemaReview.v2)
      try db.execute(sql: "PRAGMA user_version = 2")
    }
    migrator.registerMigration("v3-review-deadline") { db in
      try db.execute(sql: PortalSchemaProgress.reviewDeadline)
    }
    return migrator
  }()

  /// v1. Codes and session tokens are kept only as SHA-256 (hex). A diagnostic keeps its
  /// message both as first written (`message_text`) and as a key with JSON arguments, so
  /// it can be rendered in the reader's language.
  static let v1 = """
    CREATE TABLE credential (
      code_sha256 TEXT NOT NULL PRIMARY KEY,
      role TEXT NOT NULL CHECK (role IN ('office', 'unit', 'reviewer', 'leader')),
      subject TEXT NOT NULL,
      round_id TEXT,
      issued_at TEXT NOT NULL,
      revoked_at TEXT
    );
    CREATE INDEX credential_holder ON credential(role, subject, round_id);

    CREATE TABLE round (
      id TEXT NOT NULL PRIMARY KEY,
      rubric_xml BLOB NOT NULL,
      deadline TEXT,
      phase TEXT NOT NULL CHECK (phase IN ('submitting', 'reviewing', 'published')),
      opened_at TEXT NOT NULL,
      closed_at TEXT
    );

    CREATE TABLE unit (
      round_id TEXT NOT NULL REFERENCES round(id),
      id TEXT NOT NULL,
      name TEXT NOT NULL,
      region TEXT NOT NULL,
      level TEXT NOT NULL,
      category TEXT NOT NULL,
      organisation TEXT NOT NULL,
      PRIMARY KEY (round_id, id)
    ) WITHOUT ROWID;

    CREATE TABLE upload (
      round_id TEXT NOT NULL,
      unit_id TEXT NOT NULL,
      version INTEGER NOT NULL CHECK (version >= 1),
      status TEXT NOT NULL CHECK (status IN ('accepted', 'rejected')),
      sha256 TEXT NOT NULL,
      size INTEGER NOT NULL,
      received TEXT NOT NULL,
      body BLOB NOT NULL,
      PRIMARY KEY (round_id, unit_id, version),
      FOREIGN KEY (round_id, unit_id) REFERENCES unit(round_id, id)
    );

    CREATE TABLE upload_diagnostic (
      round_id TEXT NOT NULL,
      unit_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      position INTEGER NOT NULL,
      line INTEGER NOT NULL,
      severity TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
      message_key TEXT,
      message_arguments TEXT NOT NULL DEFAULT '[]',
      message_text TEXT NOT NULL,
      PRIMARY KEY (round_id, unit_id, version, position),
      FOREIGN KEY (round_id, unit_id, version) REFERENCES upload(round_id, unit_id, version)
    ) WITHOUT ROWID;

    CREATE TABLE session (
      token_sha256 TEXT NOT NULL PRIMARY KEY,
      role TEXT NOT NULL,
      subject TEXT NOT NULL,
      round_id TEXT,
      csrf TEXT NOT NULL,
      expires INTEGER NOT NULL
    );

    CREATE TABLE audit (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      round_id TEXT,
      unit_id TEXT,
      status INTEGER NOT NULL,
      address TEXT NOT NULL,
      detail TEXT NOT NULL
    );

    CREATE TRIGGER upload_immutable_update BEFORE UPDATE ON upload
      BEGIN SELECT RAISE(ABORT, 'uploads are immutable'); END;
    CREATE TRIGGER upload_immutable_delete BEFORE DELETE ON upload
      BEGIN SELECT RAISE(ABORT, 'uploads are immutable'); END;
    CREATE TRIGGER diagnostic_immutable_update BEFORE UPDATE ON upload_diagnostic
      BEGIN SELECT RAISE(ABORT, 'uploads are immutable'); END;
    CREATE TRIGGER diagnostic_immutable_delete BEFORE DELETE ON upload_diagnostic
      BEGIN SELECT RAISE(ABORT, 'uploads are immutable'); END;
    CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    """
}
