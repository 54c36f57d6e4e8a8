import PilotEvalCore
import Testing

/// SPEC §1, the table of methods: how an answer turns into points earned.
@Suite("§1 points earned by each method")
struct MethodPointsTests {
  // MARK: - levels

  @Test(
    "levels: a response earns the points of the level it names",
    arguments: [("A", 4.0), ("B", 2.5), ("C", 0.0)])
  func levelPoints(code: String, expected: Double) {
    let rubric = Rubric.make([.levels("C1", points: 4, [("A", 4), ("B", 2.5), ("C", 0)])])
    let result = rubric.score([Response(criterion: "C1", level: code)]).criterion("C1")
    #expect(result.points == expected)
    #expect(result.status == .scored)
  }

  // MARK: - scale

  @Test(
    "scale: points × clamp((v − from) ÷ (to − from), 0, 1)",
    arguments: [
      (0.75, 2.0),  // 4 × (0.75 − 0.5) ÷ 0.5 = 4 × 0.5
      (0.5, 0.0),  // at `from`: 0
      (1.0, 4.0),  // at `to`: full points
      (0.4, 0.0),  // below `from`: clamped to 0
      (1.2, 4.0),  // above `to`: clamped to full points
    ])
  func scalePoints(value: Double, expected: Double) {
    let rubric = Rubric.make([.scale("C1", points: 4, from: 0.5, to: 1.0)])
    let result = rubric.score([Response(criterion: "C1", value: value)]).criterion("C1")
    #expect(result.points.isClose(to: expected))
  }

  @Test(
    "scale: from > to means lower is better",
    arguments: [
      (4.0, 6.0),  // 8 × (4 − 10) ÷ (2 − 10) = 8 × 0.75
      (2.0, 8.0),  // at `to`: full points
      (1.0, 8.0),  // better than `to`: clamped to full points
      (10.0, 0.0),  // at `from`: 0
      (12.0, 0.0),  // worse than `from`: clamped to 0
    ])
  func scaleLowerIsBetter(value: Double, expected: Double) {
    let rubric = Rubric.make([.scale("C1", points: 8, from: 10, to: 2)])
    let result = rubric.score([Response(criterion: "C1", value: value)]).criterion("C1")
    #expect(result.points.isClose(to: expected))
  }

  // MARK: - bands

  @Test(
    "bands: the band with min ≤ v < max; a missing bound is open; no band: 0",
    arguments: [
      (150.0, 6.0),  // [100, ∞)
      (100.0, 6.0),  // min is inclusive
      (75.0, 3.0),  // [50, 100)
      (50.0, 3.0),
      (99.99, 3.0),  // max is exclusive, so 99.99 is still in [50, 100)
      (49.99, 0.0),  // in no band
      (-5.0, 0.0),
    ])
  func bandPoints(value: Double, expected: Double) {
    let rubric = Rubric.make([.bands("C1", points: 6, [.from(100, points: 6), .range(50, 100, points: 3)])])
    let result = rubric.score([Response(criterion: "C1", value: value)]).criterion("C1")
    #expect(result.points == expected)
    #expect(result.status == .scored)
  }

  @Test("bands: a band with no min is open below")
  func bandOpenBelow() {
    let rubric = Rubric.make([.bands("C1", points: 6, [.below(10, points: 2), .from(10, points: 6)])])
    #expect(rubric.score([Response(criterion: "C1", value: -1000)]).criterion("C1").points == 2)
    #expect(rubric.score([Response(criterion: "C1", value: 10)]).criterion("C1").points == 6)
  }

  @Test("bands: overlapping bands — the first in document order wins, not the best")
  func bandFirstMatch() {
    // 60 lies in [0, ∞) and in [50, ∞); the first listed is worth 2.
    let rubric = Rubric.make([.bands("C1", points: 5, [.from(0, points: 2), .from(50, points: 5)])])
    #expect(rubric.score([Response(criterion: "C1", value: 60)]).criterion("C1").points == 2)
  }

  // MARK: - checklist

  @Test(
    "checklist: min(points, Σ checked items)",
    arguments: [
      (["a", "b"], 4.0),  // 2 + 2
      (["a", "c"], 5.0),  // 2 + 3
      (["a", "b", "c"], 5.0),  // 2 + 2 + 3 = 7, capped at 5
      (["c"], 3.0),
    ])
  func checklistCap(checks: [String], expected: Double) {
    let rubric = Rubric.make([.checklist("C1", points: 5, [.item("a", 2), .item("b", 2), .item("c", 3)])])
    #expect(rubric.score([Response(criterion: "C1", checks: checks)]).criterion("C1").points == expected)
  }

  @Test("checklist: a select item is checked exactly when its XPath is true; its <check> is ignored")
  func checklistSelectOverridesCheck() {
    // a, b decided by data; c by <check>. Data selects only b; the unit checks a and c.
    // Earned: b (2) + c (1) = 3 — the check of a does not count.
    let rubric = Rubric.make([
      .checklist("C1", points: 5, [.selected("a", 2), .selected("b", 2), .item("c", 1)])
    ])
    let card = rubric.score(
      [Response(criterion: "C1", checks: ["a", "c"])], derived: DerivedData(selectedItems: ["C1": ["b"]]))
    #expect(card.criterion("C1").points == 3)
    #expect(card.criterion("C1").selfAnswer.checks == ["b", "c"])
  }

  @Test("checklist: with select items it needs no <response> — the data-derived set is the answer")
  func checklistSelectNeedsNoResponse() {
    let rubric = Rubric.make([.checklist("C1", points: 5, [.selected("a", 2), .selected("b", 2)])])
    let selected = rubric.score([], derived: DerivedData(selectedItems: ["C1": ["a"]])).criterion("C1")
    #expect(selected.points == 2)
    #expect(selected.status == .scored)
    // An empty data-derived set is still an answer: 0, scored, not missing.
    let none = rubric.score([]).criterion("C1")
    #expect(none.points == 0)
    #expect(none.status == .scored)
  }

  // MARK: - judgement

  @Test("judgement: the points the response gives", arguments: [0.0, 2.5, 3.5, 4.0])
  func judgementPoints(points: Double) {
    let rubric = Rubric.make([.judgement("C1", points: 4, step: 0.5)])
    #expect(rubric.score([Response(criterion: "C1", points: points)]).criterion("C1").points == points)
  }

  // MARK: - measured values

  @Test("measure: a measured value replaces the value the unit wrote")
  func measureReplacesWrittenValue() {
    // scale 0.5 → 1.0 for 4 points; measured 0.9 → 4 × 0.4 ÷ 0.5 = 3.2 (the written 1.0 would give 4).
    let rubric = Rubric.make([.scale("C1", points: 4, from: 0.5, to: 1.0).measured()])
    let card = rubric.score([Response(criterion: "C1", value: 1.0)], derived: DerivedData(measured: ["C1": 0.9]))
    #expect(card.criterion("C1").points.isClose(to: 3.2))
  }

  @Test("measure: a measured criterion needs no <response>")
  func measureNeedsNoResponse() {
    // bands: 75 lies in [50, 100) → 3.
    let rubric = Rubric.make([.bands("C1", points: 6, [.from(100, points: 6), .range(50, 100, points: 3)]).measured()])
    let result = rubric.score([], derived: DerivedData(measured: ["C1": 75])).criterion("C1")
    #expect(result.points == 3)
    #expect(result.status == .scored)
  }
}
