import PilotEvalCore
import Testing

/// Tier migration matrices: who moved from which tier to which between two rounds.
@Suite("Trend tier migration")
struct TierMigrationTests {
  /// R1: A 92 exemplary, B 85 good, C 70 pass, D 50 fail, E 65 vetoed.
  /// R2: A 88 good, B 91 exemplary, D 55 vetoed, E 75 pass, F 81 good (new); C is gone.
  private let rounds: [RoundSnapshot] = [
    .trend(
      "R1", [.unit("A", 92), .unit("B", 85), .unit("C", 70), .unit("D", 50), .unit("E", 65, tier: "vetoed")]),
    .trend(
      "R2", [.unit("A", 88), .unit("B", 91), .unit("D", 55, tier: "vetoed"), .unit("E", 75), .unit("F", 81)]),
  ]

  @Test("five units: A down a tier, B up, D vetoed, E recovers, C left and F entered")
  func fiveUnits() {
    let migration = TrendReport(rounds).migrations
    #expect(migration.count == 1)
    let matrix = migration[0]
    #expect(matrix.from == "R1")
    #expect(matrix.to == "R2")
    #expect(matrix.tiers == ["exemplary", "good", "pass", "fail", "vetoed"])
    // Rows are the R1 tier, columns the R2 tier.
    #expect(
      matrix.counts == [
        [0, 1, 0, 0, 0],  // A exemplary → good
        [1, 0, 0, 0, 0],  // B good → exemplary
        [0, 0, 0, 0, 0],  // C pass → (left)
        [0, 0, 0, 0, 1],  // D fail → vetoed
        [0, 0, 1, 0, 0],  // E vetoed → pass
      ])
    #expect(matrix.left == 1)  // C
    #expect(matrix.entered == 1)  // F
    #expect(matrix.movedUp == 2)  // B, E
    #expect(matrix.movedDown == 2)  // A, D
  }

  @Test("a tier the later rubric dropped is listed after the later tiers, before vetoed")
  func droppedTier() {
    // R1 has a "merit" tier between good and pass; R2 does not.
    let before = RubricShape.trend(tiers: [("exemplary", 90), ("good", 80), ("merit", 70), ("pass", 60), ("fail", 0)])
    let migration = TrendReport([
      .trend("R1", rubric: before, [.unit("A", 72), .unit("B", 95)]),
      .trend("R2", [.unit("A", 82), .unit("B", 93)]),
    ]).migrations[0]
    #expect(migration.tiers == ["exemplary", "good", "pass", "fail", "merit", "vetoed"])
    #expect(migration.counts[4] == [0, 1, 0, 0, 0, 0])  // A merit → good
    #expect(migration.counts[0] == [1, 0, 0, 0, 0, 0])  // B exemplary → exemplary
    #expect(migration.movedUp == 1)
    #expect(migration.movedDown == 0)
  }

  @Test("with three rounds the last matrix is first → last, its left and entered counting those two rounds only")
  func firstToLast() {
    // a: pass → good → exemplary; b: in R1 and R2 only; c: in R2 only; d: in R3 only.
    let migrations = TrendReport([
      .trend("R1", [.unit("a", 65), .unit("b", 70)]),
      .trend("R2", [.unit("a", 85), .unit("b", 72), .unit("c", 90)]),
      .trend("R3", [.unit("a", 95), .unit("d", 40)]),
    ]).migrations
    #expect(migrations.map(\.from) == ["R1", "R2", "R1"])
    #expect(migrations.map(\.to) == ["R2", "R3", "R3"])
    #expect(migrations.map(\.left) == [0, 2, 1])  // R2 → R3: b, c; R1 → R3: b
    #expect(migrations.map(\.entered) == [1, 1, 1])  // c; d; d
    #expect(migrations[2].counts[2][0] == 1)  // a pass → exemplary
    #expect(migrations[2].movedUp == 1)
  }

  @Test("no migration with a single round")
  func singleRound() {
    #expect(TrendReport([rounds[0]]).migrations.isEmpty)
  }
}
