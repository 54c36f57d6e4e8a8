import PilotEvalCore
import Testing

/// SPEC §4: order, competition ranks and cohort ranks.
@Suite("§4 ranking")
struct RankingTests {
  /// S1 {C1 50}, S2 {C2 50}; a data veto V1.
  private func rubric(tiebreak: [String] = []) -> Rubric {
    Rubric.make(
      [.judgement("C1", points: 50), .judgement("C2", points: 50)],
      sections: [.section("S1", ["C1"]), .section("S2", ["C2"])], tiebreak: tiebreak,
      vetoes: [Veto(id: "V1", title: "安全事故")])
  }

  private struct Entry {
    var id: String
    var s1: Double
    var s2: Double
    var region: String? = nil
    var level: String? = nil
    var category: String? = nil
    var vetoed = false
  }

  /// Scores each entry (C1 = s1, C2 = s2) and ranks them.
  private func rank(_ entries: [Entry], tiebreak: [String] = []) -> [RankedUnit] {
    let rubric = rubric(tiebreak: tiebreak)
    let cards = entries.map { entry in
      rubric.score(
        Submission.make(
          unit: entry.id, region: entry.region, level: entry.level, category: entry.category,
          [Response(criterion: "C1", points: entry.s1), Response(criterion: "C2", points: entry.s2)],
          derived: DerivedData(triggeredVetoes: entry.vetoed ? ["V1"] : [])))
    }
    return Ranking(rubric: rubric).rank(cards)
  }

  @Test("score descending, with competition ranks: equal units share a rank, the next skips (1224)")
  func competitionRanks() {
    let ranked = rank([
      Entry(id: "D", s1: 30, s2: 30), Entry(id: "C", s1: 35, s2: 35), Entry(id: "A", s1: 40, s2: 40),
      Entry(id: "B", s1: 35, s2: 35),
    ])
    #expect(ranked.map(\.scorecard.unit.id) == ["A", "B", "C", "D"])  // 80, 70, 70, 60
    #expect(ranked.map(\.rank) == [1, 2, 2, 4])
  }

  @Test("equal scores are ordered by the tiebreak sections' earned points, descending")
  func tiebreakSection() {
    // Both 70; S2: B 40 > A 30 → B first, and they no longer share a rank.
    let ranked = rank([Entry(id: "A", s1: 40, s2: 30), Entry(id: "B", s1: 30, s2: 40)], tiebreak: ["S2"])
    #expect(ranked.map(\.scorecard.unit.id) == ["B", "A"])
    #expect(ranked.map(\.rank) == [1, 2])
  }

  @Test("the next tiebreak section decides only when the previous one ties")
  func tiebreakOrder() {
    // All 70. By S2 first: B (40) ahead of A and C (35 each); A and C tie on S2 too, and on S1 (35) → share.
    // With tiebreak [S1, S2]: A 35, B 30, C 35 on S1 → A, C (tied) then B.
    let entries = [Entry(id: "A", s1: 35, s2: 35), Entry(id: "B", s1: 30, s2: 40), Entry(id: "C", s1: 35, s2: 35)]
    let byS2 = rank(entries, tiebreak: ["S2", "S1"])
    #expect(byS2.map(\.scorecard.unit.id) == ["B", "A", "C"])
    #expect(byS2.map(\.rank) == [1, 2, 2])
    let byS1 = rank(entries, tiebreak: ["S1", "S2"])
    #expect(byS1.map(\.scorecard.unit.id) == ["A", "C", "B"])
    #expect(byS1.map(\.rank) == [1, 1, 3])
  }

  @Test("scores and section points compare after rounding to two decimals")
  func comparesRounded() {
    // 70.004 and 70.001 both show as 70.00: a tie, ordered by unit id, sharing rank 1.
    let ranked = rank([Entry(id: "B", s1: 35.004, s2: 35), Entry(id: "A", s1: 35.001, s2: 35)], tiebreak: ["S1"])
    #expect(ranked.map(\.scorecard.unit.id) == ["A", "B"])
    #expect(ranked.map(\.rank) == [1, 1])
  }

  @Test(
    "last, unit id ascending by UTF-8 bytes (Unicode code point order)",
    arguments: [
      (["b", "a", "B"], ["B", "a", "b"]),  // 'B' 0x42 < 'a' 0x61
      (["É", "Z"], ["Z", "É"]),  // U+00C9 after U+005A
      (["😀", "～"], ["～", "😀"]),  // U+FF5E before U+1F600 (UTF-16 order would put 😀 first)
      (["GX-10", "GX-9", "GX-1"], ["GX-1", "GX-10", "GX-9"]),  // no numeric collation
    ])
  func unitIdOrder(ids: [String], expected: [String]) {
    let ranked = rank(ids.map { Entry(id: $0, s1: 30, s2: 30) })
    #expect(ranked.map(\.scorecard.unit.id) == expected)
    #expect(ranked.allSatisfy { $0.rank == 1 })
  }

  @Test("vetoed units rank after every unit that is not vetoed, and carry on the numbering")
  func vetoedLast() {
    let ranked = rank([
      Entry(id: "V", s1: 50, s2: 45, vetoed: true), Entry(id: "A", s1: 25, s2: 25), Entry(id: "B", s1: 20, s2: 20),
      Entry(id: "W", s1: 10, s2: 10, vetoed: true),
    ])
    #expect(ranked.map(\.scorecard.unit.id) == ["A", "B", "V", "W"])  // 50, 40, then vetoed 95, 20
    #expect(ranked.map(\.rank) == [1, 2, 3, 4])
  }

  @Test("a vetoed and a non-vetoed unit with equal scores do not share a rank")
  func vetoedNotTied() {
    let ranked = rank([Entry(id: "A", s1: 30, s2: 30, vetoed: true), Entry(id: "B", s1: 30, s2: 30)])
    #expect(ranked.map(\.scorecard.unit.id) == ["B", "A"])
    #expect(ranked.map(\.rank) == [1, 2])
  }

  @Test("cohort ranks: by region, level and category, each on its own, with competition ranking")
  func cohortRanks() {
    // Overall: A 90, B 80, C 70, D 70, E 60, F 50.
    let ranked = rank([
      Entry(id: "A", s1: 45, s2: 45, region: "广西", level: "市级", category: "管理局"),
      Entry(id: "B", s1: 40, s2: 40, region: "云南", level: "市级", category: "管理局"),
      Entry(id: "C", s1: 35, s2: 35, region: "广西", level: "县级", category: "管理局"),
      Entry(id: "D", s1: 35, s2: 35, region: "广西", level: "县级"),
      Entry(id: "E", s1: 30, s2: 30, level: "市级"),
      Entry(id: "F", s1: 25, s2: 25, level: "市级", category: "管理局"),
    ])
    #expect(ranked.map(\.scorecard.unit.id) == ["A", "B", "C", "D", "E", "F"])
    #expect(ranked.map(\.rank) == [1, 2, 3, 3, 5, 6])
    // Region: 广西 A 1, C 2, D 2; 云南 B 1; none: E 1, F 2.
    #expect(ranked.map(\.cohortRanks.region) == [1, 1, 2, 2, 1, 2])
    // Level: 市级 A 1, B 2, E 3, F 4; 县级 C 1, D 1.
    #expect(ranked.map(\.cohortRanks.level) == [1, 2, 1, 1, 3, 4])
    // Category: 管理局 A 1, B 2, C 3, F 4; none: D 1, E 2.
    #expect(ranked.map(\.cohortRanks.category) == [1, 2, 3, 1, 2, 4])
  }

  @Test("cohort ranks put vetoed units after the others of their cohort")
  func cohortVetoed() {
    let ranked = rank([
      Entry(id: "A", s1: 50, s2: 50, region: "广西", vetoed: true), Entry(id: "B", s1: 10, s2: 10, region: "广西"),
    ])
    #expect(ranked.map(\.scorecard.unit.id) == ["B", "A"])
    #expect(ranked.map(\.cohortRanks.region) == [1, 2])
  }
}
