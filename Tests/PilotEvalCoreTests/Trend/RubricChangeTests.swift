import PilotEvalCore
import Testing

/// Rubric changes between consecutive rounds, and the percent basis they force when totals differ.
@Suite("Trend rubric changes")
struct RubricChangeTests {
  /// v1: C1 40, C2 30, C3 30 (total 100). v2: C1 40, C3 40, C4 40 (total 120): C2 removed, C3 repointed
  /// 30 → 40, C4 added.
  private let rounds: [RoundSnapshot] = [
    .trend(
      "2024H2", rubric: .trend(version: "1", [("C1", 40), ("C2", 30), ("C3", 30)]),
      [.unit("A", 80), .unit("B", 50)]),
    .trend(
      "2025H1", rubric: .trend(version: "2", [("C1", 40), ("C3", 40), ("C4", 40)]),
      [.unit("A", 96), .unit("B", 90)]),
  ]

  @Test("criteria matched by id: C4 added, C2 removed, C3 repointed 30 → 40; totals 100 → 120")
  func addedRemovedRepointed() {
    let changes = TrendReport(rounds).rubricChanges
    #expect(
      changes == [
        RubricChange(
          from: "2024H2", to: "2025H1", fromRubric: "r 1", toRubric: "r 2", added: ["C4"], removed: ["C2"],
          repointed: [.init(id: "C3", from: 30, to: 40)], fromTotal: 100, toTotal: 120, tiersChanged: false)
      ])
    #expect(!changes[0].isUnchanged)
  }

  @Test("different totals put every score on the percent basis: A 80 → 80%, B 50% → 75%")
  func percentBasis() {
    // A: 80 / 100 = 80%, 96 / 120 = 80% → change 0. B: 50 / 100 = 50%, 90 / 120 = 75% → change 25.
    let report = TrendReport(rounds)
    #expect(report.basis == .percent)
    #expect(report.units.map(\.scores) == [[80, 80], [50, 75]])
    #expect(report.units.map(\.change) == [0, 25])
    #expect(report.dispersion.map(\.mean) == [65, 77.5])
    #expect(report.mostImproved == [1])
  }

  @Test("equal totals keep points, even when criteria change")
  func pointsBasis() {
    let report = TrendReport([
      .trend("R1", rubric: .trend([("C1", 60), ("C2", 40)]), [.unit("A", 70)]),
      .trend("R2", rubric: .trend([("C1", 50), ("C3", 50)]), [.unit("A", 75)]),
    ])
    #expect(report.basis == .points)
    #expect(report.units[0].scores == [70, 75])
  }

  @Test("tiers changed when a minimum moves or a tier is added; a new display name alone is no change")
  func tiers() {
    func change(_ tiers: [RubricShape.TierShape]) -> RubricChange {
      var later = RubricShape.trend()
      later.tiers = tiers
      return TrendReport([.trend("R1", []), .trend("R2", rubric: later, [])]).rubricChanges[0]
    }
    let usual = RubricShape.trend().tiers
    var renamed = usual
    renamed[0].name = "示范"
    var moved = usual
    moved[1].min = 85
    #expect(!change(renamed).tiersChanged)
    #expect(change(renamed).isUnchanged)
    #expect(change(moved).tiersChanged)
    #expect(change(usual + [.init(id: "zero", name: "zero", min: -1)]).tiersChanged)
  }

  @Test("one entry per consecutive pair, also when nothing changed")
  func onePerPair() {
    let changes = TrendReport([.trend("R1", []), .trend("R2", []), .trend("R3", [])]).rubricChanges
    #expect(changes.map(\.from) == ["R1", "R2"])
    #expect(changes.map(\.to) == ["R2", "R3"])
    #expect(changes.map(\.isUnchanged) == [true, true])
  }
}
