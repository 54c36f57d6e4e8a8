import PilotEvalCore
import Testing

/// Cohort summaries: size, tiers, median score and median section shares for each region, level and category.
///
/// Expected values are worked by hand in the comments.
@Suite("Cohort summaries")
struct CohortSummaryTests {
  /// S1 {S1.1 {C1 50}}, S2 {C2 50, optional}; tiers 90 / 80 / 60 / 0; a data veto V1.
  private let rubric = Rubric.make(
    [.judgement("C1", points: 50), .judgement("C2", points: 50).optional()],
    sections: [.section("S1", []), .section("S1.1", in: "S1", ["C1"]), .section("S2", ["C2"])],
    vetoes: [Veto(id: "V1", title: "安全事故")])

  /// A unit earning `c1` and `c2` (`nil`: C2 not applicable).
  private func card(
    _ id: String, region: String? = nil, level: String? = nil, category: String? = nil, _ c1: Double,
    _ c2: Double?, vetoed: Bool = false
  ) -> Scorecard {
    let second = c2.map { Response(criterion: "C2", points: $0) } ?? .notApplicable("C2")
    return rubric.score(
      Submission.make(
        unit: id, region: region, level: level, category: category,
        [Response(criterion: "C1", points: c1), second], derived: DerivedData(triggeredVetoes: vetoed ? ["V1"] : [])))
  }

  /// A 95 exemplary, B 85 good, C 70 pass (C2 not applicable: 35 × 100 ÷ 50), D 40 fail, E 60 vetoed.
  private var round: [Scorecard] {
    [
      card("A", region: "广西", level: "市级", 50, 45),
      card("B", region: "广西", level: "县级", 40, 45),
      card("C", region: "湖南", level: "市级", 35, nil),
      card("D", level: "市级", 20, 20),
      card("E", region: "广西", 30, 30, vetoed: true),
    ]
  }

  private func summary(_ cohort: Cohort, _ value: String?) -> CohortSummary {
    CohortSummary.summaries(round, rubric: rubric).first { $0.cohort == cohort && $0.value == value }!
  }

  @Test("one summary per cohort value: region, level, category in turn; values in UTF-8 byte order, none last")
  func order() {
    let summaries = CohortSummary.summaries(round, rubric: rubric)
    // 广 E5 B9 BF < 湖 E6 B9 96; 县 E5 8E BF < 市 E5 B8 82. No unit has a category: one cohort, nil.
    #expect(summaries.map(\.cohort) == [.region, .region, .region, .level, .level, .level, .category])
    #expect(summaries.map(\.value) == ["广西", "湖南", nil, "县级", "市级", nil, nil])
    #expect(summaries.map(\.units) == [3, 1, 1, 1, 3, 1, 5])
  }

  @Test(
    "values compare by UTF-8 bytes, not by locale or numerically",
    arguments: [
      (["b", "a", "B"], ["B", "a", "b"]),  // 'B' 0x42 < 'a' 0x61
      (["😀", "～"], ["～", "😀"]),  // U+FF5E before U+1F600
      (["R10", "R9", "R1"], ["R1", "R10", "R9"]),
    ])
  func byteOrder(values: [String], expected: [String]) {
    let cards = values.map { card($0, region: $0, 40, 40) }
    let regions = CohortSummary.summaries(cards, rubric: rubric).filter { $0.cohort == .region }
    #expect(regions.map(\.value) == expected)
  }

  @Test("counts units per tier in rubric order, then vetoed, listing tiers no unit reached as 0")
  func tierCounts() {
    let guangxi = summary(.region, "广西")
    #expect(guangxi.tiers.map(\.tier) == ["exemplary", "good", "pass", "fail", "vetoed"])
    #expect(guangxi.tiers.map(\.count) == [1, 1, 0, 0, 1])  // A, B, E
    #expect(summary(.region, "湖南").tiers.map(\.count) == [0, 0, 1, 0, 0])
    #expect(CohortSummary.overall(round, rubric: rubric).tiers.map(\.count) == [1, 1, 1, 1, 1])
  }

  @Test("the median score is the middle value; vetoed units count with their score")
  func medianOdd() {
    #expect(summary(.region, "广西").medianScore == 85)  // 95, 85, 60 (E, vetoed)
    #expect(summary(.level, "市级").medianScore == 70)  // 95, 70, 40
    #expect(summary(.region, nil).medianScore == 40)  // D alone
  }

  @Test("the median of an even count is the mean of the two middle values")
  func medianEven() {
    let cards = [card("P", region: "广西", 40, 40), card("Q", region: "广西", 50, 41)]
    #expect(CohortSummary.summaries(cards, rubric: rubric)[0].medianScore == 85.5)  // (80 + 91) ÷ 2
  }

  @Test("section shares are earned ÷ max of the top-level sections only, in rubric order")
  func sectionShares() {
    let guangxi = summary(.region, "广西")
    #expect(guangxi.sections.map(\.section) == ["S1", "S2"])  // not S1.1
    // S1: A 1.0, B 0.8, E 0.6 → 0.8. S2: A 0.9, B 0.9, E 0.6 → 0.9.
    #expect(guangxi.sections.map(\.median) == [0.8, 0.9])
    #expect(guangxi.sections.map(\.units) == [3, 3])
  }

  @Test("a unit for which a section has max 0 is left out of that section's median")
  func sectionWithoutPoints() {
    // 市级: S1 A 1.0, C 0.7, D 0.4 → 0.7; S2 A 0.9, D 0.4 (C has no C2) → (0.4 + 0.9) ÷ 2.
    let city = summary(.level, "市级")
    #expect(city.sections.map(\.units) == [3, 2])
    #expect(city.sections[0].median == 0.7)
    #expect(city.sections[1].median!.isClose(to: 0.65))
    // 湖南 is C alone: S2 has no unit to take a median of.
    let hunan = summary(.region, "湖南")
    #expect(hunan.sections.map(\.units) == [1, 0])
    #expect(hunan.sections.map(\.median) == [0.7, nil])
  }

  @Test("the overall summary covers every unit, with no cohort and no value")
  func overall() {
    let overall = CohortSummary.overall(round, rubric: rubric)
    #expect(overall.cohort == nil)
    #expect(overall.value == nil)
    #expect(overall.units == 5)
    #expect(overall.medianScore == 70)  // 40, 60, 70, 85, 95
    // S1: 0.4, 0.6, 0.7, 0.8, 1.0 → 0.7. S2 (C left out): 0.4, 0.6, 0.9, 0.9 → 0.75.
    #expect(overall.sections.map(\.median) == [0.7, 0.75])
    #expect(overall.sections.map(\.units) == [5, 4])
  }

  @Test("an empty round has no cohorts, and an overall summary with no units and no medians")
  func empty() {
    #expect(CohortSummary.summaries([], rubric: rubric).isEmpty)
    let overall = CohortSummary.overall([], rubric: rubric)
    #expect(overall.units == 0)
    #expect(overall.medianScore == nil)
    #expect(overall.tiers.allSatisfy { $0.count == 0 })
    #expect(overall.sections.map(\.median) == [nil, nil])
  }
}
