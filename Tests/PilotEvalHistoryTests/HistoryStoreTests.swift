import Foundation
import PilotEvalCore
import Testing

@testable import PilotEvalHistory

// MARK: - Fixtures

/// Runs `body` with the path of a not-yet-existing file in a fresh temporary directory, then removes the directory.
private func withHistoryPath(_ body: (String) throws -> Void) throws {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
    "PilotEvalHistoryTests-\(UUID().uuidString)", isDirectory: true)
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  try body(directory.appendingPathComponent("piloteval.sqlite").path)
}

/// A hand-built round: Chinese text, quotes and newlines, nested sections, awkward doubles,
/// reviewers, partners and rejected files.
private func sampleSnapshot(round: String = "2025H1", unitCount: Int = 3) -> RoundSnapshot {
  let rubric = RubricShape(
    id: "gov-std-2025", version: "2025.1", title: "政务服务标准化试点评估细则（2025 版）", total: 100,
    tiers: [
      .init(id: "exemplary", name: "示范", min: 90),
      .init(id: "good", name: "良好", min: 75.5),
      .init(id: "pass", name: "合格", min: 60),
    ],
    sections: [
      .init(id: "S1", title: "标准体系建设", parent: nil, max: 40),
      .init(id: "S1.1", title: "标准\"制定\"与'修订'", parent: "S1", max: 25),
      .init(id: "S1.2", title: "标准实施\n（含培训）", parent: "S1", max: 15),
      .init(id: "S2", title: "服务成效", parent: nil, max: 60),
    ],
    criteria: [
      .init(id: "C1", title: "编制标准明细表", section: "S1.1", points: 10),
      .init(id: "C2", title: "发布地方标准 ≥ 3 项", section: "S1.1", points: 15),
      .init(id: "C3", title: "组织宣贯培训", section: "S1.2", points: 15),
      .init(id: "C4", title: "群众满意度 ≥ 95%", section: "S2", points: 60),
    ])
  let units = (0..<unitCount).map { index in
    let earned = [7.5, 15, 1.0 / 3, 0.1 + 0.2 + Double(index)]
    return UnitSnapshot(
      id: "U\(index + 1)", name: "第\(index + 1)试点单位：市场监督管理局 \"一网通办\"",
      region: index == 0 ? "浙江省杭州市" : "'); DROP TABLE unit; --", level: "市级", category: "综合窗口\t改革",
      score: earned.reduce(0, +),
      selfScore: 88.25 + Double(index), rank: index + 1, tier: index == 2 ? "vetoed" : "good", vetoed: index == 2,
      reviewers: ["R-张三", "R-李四"].prefix(index + 1).map { $0 },
      reviewerTotals: [61.5, 1.0 / 3].prefix(index + 1).map { $0 },
      sections: [
        .init(id: "S1", earned: earned[0] + earned[1] + earned[2], max: 40),
        .init(id: "S1.1", earned: earned[0] + earned[1], max: 25),
        .init(id: "S1.2", earned: earned[2], max: 15),
        .init(id: "S2", earned: earned[3], max: index == 1 ? 0 : 60),
      ],
      criteria: zip(["C1", "C2", "C3", "C4"], earned).map { .init(id: $0, earned: $1, max: 15) },
      exemplar: index == 0, partners: index == 0 ? [] : ["U1", "U\(index)"])
  }
  return RoundSnapshot(
    round: round, rubric: rubric, units: units,
    rejected: [
      .init(kind: "submission", file: "submissions/某区/申报书.xml", line: 12, reason: "缺少字段 <score>\n第二个错误"),
      .init(kind: "review", file: "reviews/r'1\".xml", line: 0, reason: "无法读取文件"),
    ],
    reviewsApplied: 4, submissionsSeen: unitCount + 1, pairings: .arranged)
}

/// The same round scored differently, to tell a replacement from the original.
private func changedSnapshot(_ snapshot: RoundSnapshot) -> RoundSnapshot {
  var changed = snapshot
  changed.units.removeLast()
  changed.units[0].score = 99.5
  changed.units[0].partners = ["U9"]
  changed.rejected = []
  changed.pairings = .recommended
  return changed
}

private struct Interrupted: Error, Equatable {}

// MARK: - Recording and reading

@Test func aRecordedRoundReadsBackEqual() throws {
  try withHistoryPath { path in
    let snapshot = sampleSnapshot()
    let store = try HistoryStore(path: path)
    let outcome = try store.record(snapshot, replace: false, recordedAt: "2025-07-01T09:00:00Z", tool: "piloteval test")
    #expect(outcome.action == .added)
    #expect(outcome.round == "2025H1")
    #expect(outcome.units == 3)
    #expect(outcome.rejected == 2)
    // 1 round + 3 tiers + 4 sections + 4 criteria + 3 × (1 unit + 4 sections + 4 criteria) + 5 reviewers
    // + 4 partners + 2 rejected
    #expect(outcome.rows == 1 + 3 + 4 + 4 + 27 + 5 + 4 + 2)
    #expect(try store.snapshot(round: "2025H1") == snapshot)

    let reopened = try HistoryStore(path: path)
    #expect(try reopened.snapshot(round: "2025H1") == snapshot)
  }
}

@Test func extremeNumbersAndEmptyListsReadBackEqual() throws {
  try withHistoryPath { path in
    let store = try HistoryStore(path: path)
    let empty = RoundSnapshot(
      round: "空轮次 'x'\n",
      rubric: RubricShape(id: "", version: "", title: "", total: 0, tiers: [], sections: [], criteria: []),
      units: [])
    var extreme = sampleSnapshot(round: "2025H2", unitCount: 1)
    extreme.units[0].score = .greatestFiniteMagnitude
    extreme.units[0].selfScore = -.leastNonzeroMagnitude
    extreme.units[0].criteria[0].earned = .infinity
    extreme.units[0].criteria[1].earned = 1e-300
    extreme.units[0].criteria[2].earned = 12_345_678_901_234_568
    extreme.units[0].rank = .max
    extreme.rejected[0].line = .min
    try store.record(empty, replace: false, recordedAt: "", tool: "")
    try store.record(extreme, replace: false, recordedAt: "t", tool: "piloteval")
    #expect(try store.snapshots(["2025H2", empty.round]) == [extreme, empty])
  }
}

@Test func roundsAreListedInRecordingOrderWithTheirCounts() throws {
  try withHistoryPath { path in
    let store = try HistoryStore(path: path)
    #expect(try store.rounds().isEmpty)
    try store.record(sampleSnapshot(round: "2025H2"), replace: false, recordedAt: "t1", tool: "piloteval 1.0")
    try store.record(sampleSnapshot(round: "2024H1", unitCount: 1), replace: false, recordedAt: "t2", tool: "x")
    try store.record(sampleSnapshot(round: "2025H1", unitCount: 0), replace: false, recordedAt: "t3", tool: "y")
    let rounds = try store.rounds()
    #expect(rounds.map(\.id) == ["2025H2", "2024H1", "2025H1"])
    #expect(
      rounds[0]
        == StoredRound(
          id: "2025H2", rubricID: "gov-std-2025", rubricVersion: "2025.1", recordedAt: "t1", tool: "piloteval 1.0",
          unitCount: 3, rejectedCount: 2))
    #expect(rounds.map(\.unitCount) == [3, 1, 0])
  }
}

@Test func aRoundAlreadyRecordedIsRefusedAndKeptAsItWas() throws {
  try withHistoryPath { path in
    let store = try HistoryStore(path: path)
    let original = sampleSnapshot()
    try store.record(original, replace: false, recordedAt: "t1", tool: "piloteval")
    #expect(throws: HistoryError.roundExists("2025H1", file: path)) {
      try store.record(changedSnapshot(original), replace: false, recordedAt: "t2", tool: "piloteval")
    }
    #expect(try store.snapshot(round: "2025H1") == original)
    #expect(try store.rounds().map(\.recordedAt) == ["t1"])
    #expect(
      HistoryError.roundExists("2025H1", file: "piloteval.sqlite").description
        == "round 2025H1 is already recorded in piloteval.sqlite; pass --replace to overwrite it")
  }
}

@Test func replaceOverwritesARoundInItsOriginalPosition() throws {
  try withHistoryPath { path in
    let store = try HistoryStore(path: path)
    for round in ["2024H1", "2024H2", "2025H1"] {
      try store.record(sampleSnapshot(round: round), replace: false, recordedAt: "t", tool: "piloteval")
    }
    let replacement = changedSnapshot(sampleSnapshot(round: "2024H1"))
    let outcome = try store.record(replacement, replace: true, recordedAt: "later", tool: "piloteval 2")
    #expect(outcome.action == .replaced)
    #expect(outcome.units == 2)
    #expect(try store.rounds().map(\.id) == ["2024H1", "2024H2", "2025H1"])
    #expect(try store.rounds()[0].recordedAt == "later")
    #expect(try store.snapshot(round: "2024H1") == replacement)
    #expect(try store.snapshot(round: "2024H2") == sampleSnapshot(round: "2024H2"))
    // The old rows went with the old round (ON DELETE CASCADE): 3 + 3 + 2 units, 4 criteria each.
    #expect(try store.integer("SELECT COUNT(*) FROM unit") == 8)
    #expect(try store.integer("SELECT COUNT(*) FROM unit_criterion") == 32)
    #expect(try store.integer("SELECT COUNT(*) FROM rejected") == 4)

    let added = try store.record(sampleSnapshot(round: "2025H2"), replace: true, recordedAt: "t", tool: "piloteval")
    #expect(added.action == .added)
    #expect(try store.rounds().map(\.id) == ["2024H1", "2024H2", "2025H1", "2025H2"])
  }
}

@Test func anUnknownRoundIsReportedWithTheRecordedRounds() throws {
  try withHistoryPath { path in
    let store = try HistoryStore(path: path)
    #expect(throws: HistoryError.unknownRound("2025H1", known: [])) { try store.snapshot(round: "2025H1") }
    try store.record(sampleSnapshot(round: "2025H1"), replace: false, recordedAt: "t", tool: "piloteval")
    try store.record(sampleSnapshot(round: "2024H2"), replace: false, recordedAt: "t", tool: "piloteval")
    let error = HistoryError.unknownRound("2023H1", known: ["2025H1", "2024H2"])
    #expect(throws: error) { try store.snapshot(round: "2023H1") }
    #expect(throws: error) { try store.snapshots(["2025H1", "2023H1"]) }
    #expect(error.description == "round 2023H1 is not recorded; recorded rounds: 2025H1, 2024H2")
  }
}

@Test func aSnapshotSQLiteCannotKeepExactlyIsRefused() throws {
  try withHistoryPath { path in
    let store = try HistoryStore(path: path)
    var snapshot = sampleSnapshot()
    snapshot.units[1].criteria[2].earned = .nan
    let error = #expect(throws: HistoryError.self) {
      try store.record(snapshot, replace: false, recordedAt: "t", tool: "piloteval")
    }
    guard case .invalidSnapshot("2025H1", let reason) = error else {
      Issue.record("expected invalidSnapshot, got \(String(describing: error))")
      return
    }
    #expect(reason == "the earned points of C3 for unit U2 is not a number (NaN)")
    snapshot = sampleSnapshot()
    snapshot.units[0].name = "a\u{0}b"
    #expect(throws: HistoryError.self) { try store.record(snapshot, replace: false, recordedAt: "t", tool: "p") }
    #expect(try store.rounds().isEmpty)
  }
}

// MARK: - Transactions

@Test func anAbortedRecordLeavesTheEarlierStateIntact() throws {
  try withHistoryPath { path in
    let store = try HistoryStore(path: path)
    let first = sampleSnapshot(round: "2025H1")
    try store.record(first, replace: false, recordedAt: "t1", tool: "piloteval")
    var hookCalls = 0
    #expect(throws: Interrupted()) {
      try store.record(sampleSnapshot(round: "2025H2"), replace: false, recordedAt: "t2", tool: "piloteval") {
        hookCalls += 1
        throw Interrupted()
      }
    }
    #expect(throws: Interrupted()) {
      try store.record(changedSnapshot(first), replace: true, recordedAt: "t3", tool: "piloteval") {
        throw Interrupted()
      }
    }
    #expect(hookCalls == 1)
    #expect(try store.rounds().map(\.id) == ["2025H1"])
    #expect(try store.rounds()[0].recordedAt == "t1")
    #expect(try store.snapshot(round: "2025H1") == first)
    #expect(try store.integer("SELECT COUNT(*) FROM unit") == 3)
    #expect(try HistoryStore(path: path).snapshot(round: "2025H1") == first)

    // The store is still usable, and a hook that returns lets the transaction commit.
    try store.record(sampleSnapshot(round: "2025H2"), replace: false, recordedAt: "t4", tool: "piloteval") {}
    #expect(try store.rounds().map(\.id) == ["2025H1", "2025H2"])
  }
}

// MARK: - Files and migrations

@Test func aNewHistoryHasTheV2SchemaAndReopens() throws {
  try withHistoryPath { path in
    #expect(HistoryStore.schemaVersion == 2)
    #expect(HistoryStore.migrations == ["v1", "v2"])
    let store = try HistoryStore(path: path)
    #expect(try store.appliedMigrations() == ["v1", "v2"])
    #expect(try store.integer("PRAGMA user_version") == 2)
    #expect(try store.integer("PRAGMA foreign_keys") == 1)
    try store.record(sampleSnapshot(), replace: false, recordedAt: "t", tool: "piloteval")

    let reopened = try HistoryStore(path: path)
    #expect(try reopened.appliedMigrations() == ["v1", "v2"])
    #expect(try reopened.rounds().map(\.id) == ["2025H1"])
  }
}

@Test func anEmptyFileBecomesAHistory() throws {
  try withHistoryPath { path in
    #expect(FileManager.default.createFile(atPath: path, contents: Data()))
    let store = try HistoryStore(path: path)
    #expect(try store.appliedMigrations() == ["v1", "v2"])
  }
}

@Test func aV1HistoryIsMigratedAndItsReviewerTotalsAreUnknown() throws {
  try withHistoryPath { path in
    let snapshot = sampleSnapshot()
    #expect(snapshot.units.contains { !$0.reviewerTotals.isEmpty })
    do {
      let store = try HistoryStore(path: path)
      try store.record(snapshot, replace: false, recordedAt: "t", tool: "piloteval")
      #expect(try store.snapshots(["2025H1"]) == [snapshot])
    }
    // Turn the file back into what v1 wrote: no total column, no v2 in the bookkeeping, user_version 1.
    try HistoryStore.executeUnchecked(
      """
      ALTER TABLE unit_reviewer DROP COLUMN total;
      DELETE FROM grdb_migrations WHERE identifier = 'v2';
      PRAGMA user_version = 1;
      """, at: path)
    let migrated = try HistoryStore(path: path)
    #expect(try migrated.appliedMigrations() == ["v1", "v2"])
    #expect(try migrated.integer("PRAGMA user_version") == 2)
    let read = try migrated.snapshots(["2025H1"])[0]
    #expect(read.units.map(\.reviewers) == snapshot.units.map(\.reviewers))
    #expect(read.units.allSatisfy { $0.reviewerTotals.isEmpty })
  }
}

@Test func aHistoryFromANewerPilotEvalIsRefused() throws {
  try withHistoryPath { path in
    _ = try HistoryStore(path: path)
    try HistoryStore.executeUnchecked("INSERT INTO grdb_migrations (identifier) VALUES ('v3')", at: path)
    let error = HistoryError.newerSchema(file: path, unknownMigrations: ["v3"])
    #expect(throws: error) { try HistoryStore(path: path) }
    #expect(error.description.contains("upgrade piloteval"))
  }
}

@Test func anotherSQLiteDatabaseIsRefusedAndLeftUntouched() throws {
  try withHistoryPath { path in
    try HistoryStore.executeUnchecked("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')", at: path)
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let error = #expect(throws: HistoryError.self) { try HistoryStore(path: path) }
    #expect(error == .notAHistory(file: path, reason: "it is a SQLite database with other tables: notes"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }
  try withHistoryPath { path in
    try HistoryStore.executeUnchecked("PRAGMA application_id = 1234", at: path)
    #expect(throws: HistoryError.self) { try HistoryStore(path: path) }
  }
}

@Test func aFileThatIsNotSQLiteIsRefusedAndLeftUntouched() throws {
  try withHistoryPath { path in
    let text = Data(String(repeating: "round,unit,score\n2025H1,U1,88.5\n", count: 40).utf8)
    try text.write(to: URL(fileURLWithPath: path))
    let error = HistoryError.notAHistory(file: path, reason: "it is not a SQLite database")
    #expect(throws: error) { try HistoryStore(path: path) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text)
    #expect(error.description.hasPrefix("\(path) is not a PilotEval history"))
  }
}

@Test func aFileInAMissingFolderCannotBeOpened() throws {
  try withHistoryPath { path in
    let missing = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("no/such/h.sqlite").path
    let error = #expect(throws: HistoryError.self) { try HistoryStore(path: missing) }
    guard case .cannotOpen(missing, _) = error else {
      Issue.record("expected cannotOpen, got \(String(describing: error))")
      return
    }
  }
}
