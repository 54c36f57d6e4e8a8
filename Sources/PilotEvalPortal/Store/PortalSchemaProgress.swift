/// The review deadline of a round (issue 17, the office's progress page): optional, one row per
/// round that has one, set with `portal close --review-deadline`. A table of its own rather than a
/// column of `round`, so that no existing query or record changes; appended after v2, never edited.
enum PortalSchemaProgress {
  static let reviewDeadline = """
    CREATE TABLE review_deadline (
      round_id TEXT NOT NULL PRIMARY KEY REFERENCES round(id),
      deadline TEXT NOT NULL,
      set_at TEXT NOT NULL
    ) WITHOUT ROWID;
    """
}
