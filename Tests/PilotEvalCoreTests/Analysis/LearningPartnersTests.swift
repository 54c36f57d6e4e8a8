import PilotEvalCore
import Testing

/// Learning partners (结对帮扶): which exemplars each unit should learn from, and what.
///
/// Match scores are worked by hand in the comments; the first test is the worked example of
/// docs/LEARNING-PARTNERS.md.
@Suite("Learning partners")
struct LearningPartnersTests {
  /// The worked example's rubric: S1 {C1 30, C2 20}, S2 {C3 50}; total 100.
  private let rubric = Rubric.make(
    [.judgement("C1", points: 30), .judgement("C2", points: 20), .judgement("C3", points: 50)],
    sections: [.section("S1", ["C1", "C2"]), .section("S2", ["C3"])],
    vetoes: [Veto(id: "V1", title: "安全事故")])

  /// A unit of `rubric` earning `points` on its criteria in order (`nil`: not applicable).
  private func card(
    _ id: String, in rubric: Rubric, region: String? = nil, level: String? = nil, _ points: [Double?],
    vetoed: Bool = false
  ) -> Scorecard {
    let responses = zip(rubric.criteria, points).map { criterion, points in
      points.map { Response(criterion: criterion.id, points: $0) } ?? .notApplicable(criterion.id)
    }
    return rubric.score(
      Submission.make(
        unit: id, region: region, level: level, responses,
        derived: DerivedData(triggeredVetoes: vetoed ? ["V1"] : [])))
  }

  private func card(
    _ id: String, region: String? = nil, level: String? = nil, _ points: [Double?], vetoed: Bool = false
  ) -> Scorecard {
    card(id, in: rubric, region: region, level: level, points, vetoed: vetoed)
  }

  /// L 广西 市级 (15, 20, 25) learns; A 广西 县级 (30, 16, 45) and B 湖南 市级 (30, 20, 50) are exemplars.
  private var example: [Scorecard] {
    [
      card("L", region: "广西", level: "市级", [15, 20, 25]),
      card("A", region: "广西", level: "县级", [30, 16, 45]),
      card("B", region: "湖南", level: "市级", [30, 20, 50]),
    ]
  }

  // MARK: - Match scores and order

  @Test("the worked example: a same-region exemplar comes before a better match that only shares the level")
  func workedExample() {
    let pairs = LearningPartners.partners(for: example, exemplars: [1, 2], rubric: rubric)
    let partners = pairs[0]!
    #expect(partners.map(\.partner) == ["A", "B"])
    #expect(partners.map(\.partnerIndex) == [1, 2])
    #expect(partners.map(\.unit) == ["L", "L"])
    #expect(partners.map(\.preference) == [.sameRegion, .sameLevel])
    // L: S1 0.7, S2 0.5; C1 0.5, C2 1.0, C3 0.5. Weights: S1 0.3 × 50/100 = 0.15, S2 0.5 × 0.5 = 0.25,
    // C1 0.5 × 0.3 = 0.15, C2 0, C3 0.5 × 0.5 = 0.25.
    // A: S1 0.92, S2 0.9 → 0.15 × 0.22 + 0.25 × 0.4 + 0.15 × 0.5 + 0.25 × 0.4 = 0.308.
    // B: S1 1.0, S2 1.0 → 0.15 × 0.3 + 0.25 × 0.5 + 0.15 × 0.5 + 0.25 × 0.5 = 0.37.
    #expect(partners[0].score.isClose(to: 0.308))
    #expect(partners[1].score.isClose(to: 0.37))
  }

  @Test("lessons: criteria where the partner earned more, largest gain first")
  func exampleLessons() {
    let partners = LearningPartners.partners(for: example, exemplars: [1, 2], rubric: rubric)[0]!
    // From A: C3 25 → 45 (+20), C1 15 → 30 (+15); C2 20 → 16 is no lesson.
    let lessons = partners[0].lessons
    #expect(lessons.map(\.criterion) == ["C3", "C1"])
    #expect(lessons.map(\.unitPoints) == [25, 15])
    #expect(lessons.map(\.partnerPoints) == [45, 30])
    #expect(lessons.map(\.gain) == [20, 15])
    // From B: C3 +25, C1 +15.
    #expect(partners[1].lessons.map(\.gain) == [25, 15])
  }

  @Test("within a group: match score descending, then unit id by UTF-8 bytes")
  func orderWithinGroup() {
    // b and B are full everywhere (0.37 each, as B in the example); A 0.308. 'B' 0x42 < 'b' 0x62.
    let cards = [
      card("L", region: "广西", level: "市级", [15, 20, 25]),
      card("A", region: "广西", level: "县级", [30, 16, 45]),
      card("b", region: "广西", [30, 20, 50]),
      card("B", region: "广西", [30, 20, 50]),
    ]
    let partners = LearningPartners.partners(for: cards, exemplars: [1, 2, 3], rubric: rubric)[0]!
    #expect(partners.map(\.partner) == ["B", "b", "A"])
    #expect(partners.allSatisfy { $0.preference == .sameRegion })
  }

  @Test("an exemplar in the same region and the same level counts as same region")
  func regionAndLevel() {
    let cards = [
      card("L", region: "广西", level: "市级", [15, 20, 25]), card("S", region: "广西", level: "市级", [30, 20, 50]),
    ]
    let pairs = LearningPartners.partners(for: cards, exemplars: [1], rubric: rubric)
    #expect(pairs[0]!.map(\.preference) == [.sameRegion])
  }

  @Test("a unit lacking a region or level shares none with exemplars lacking it too")
  func missingCohorts() {
    // N has no region: B (市级) is same level, M (no region, no level) is anywhere, though both score 0.37.
    let cards = [
      card("N", level: "市级", [15, 20, 25]), card("M", [30, 20, 50]),
      card("B", region: "湖南", level: "市级", [30, 20, 50]),
    ]
    let partners = LearningPartners.partners(for: cards, exemplars: [1, 2], rubric: rubric)[0]!
    #expect(partners.map(\.partner) == ["B", "M"])
    #expect(partners.map(\.preference) == [.sameLevel, .anywhere])
  }

  @Test("at most policy.count partners, taken in order", arguments: [(0, [String]()), (1, ["B"]), (2, ["B", "b"])])
  func countRespected(count: Int, expected: [String]) {
    let cards = [
      card("L", region: "广西", [15, 20, 25]), card("A", region: "广西", [30, 16, 45]),
      card("b", region: "广西", [30, 20, 50]), card("B", region: "广西", [30, 20, 50]),
    ]
    let pairs = LearningPartners.partners(
      for: cards, exemplars: [1, 2, 3], rubric: rubric, policy: PartnerPolicy(count: count))
    #expect(pairs[0]!.map(\.partner) == expected)
  }

  @Test("the default policy gives up to 3 partners")
  func defaultCount() {
    #expect(PartnerPolicy().count == 3)
    let cards = [card("L", [0, 0, 0])] + (1...5).map { card("E\($0)", [30, 20, 50]) }
    let pairs = LearningPartners.partners(for: cards, exemplars: Array(1...5), rubric: rubric)
    #expect(pairs[0]!.map(\.partner) == ["E1", "E2", "E3"])
  }

  @Test("only sections with points for both units and criteria applicable to both enter the match score")
  func applicability() {
    // S1 {C1 20, C2 20 optional}, S2 {C3 60 optional}; total 100.
    let rubric = Rubric.make(
      [.judgement("C1", points: 20), .judgement("C2", points: 20).optional(), .judgement("C3", points: 60).optional()],
      sections: [.section("S1", ["C1", "C2"]), .section("S2", ["C3"])])
    // U: S1 10/20 = 0.5, S2 0.5; C1 0.5. P: S1 40/40 = 1.0, S2 max 0; C1 1.0, C2 1.0.
    // S1: 0.5 × 0.5 × 40/100 = 0.1; S2 left out (P has no points there); C1: 0.5 × 0.5 × 20/100 = 0.05;
    // C2 left out (not applicable to U), C3 left out (not applicable to P). Total 0.15.
    let cards = [card("U", in: rubric, [10, nil, 30]), card("P", in: rubric, [20, 20, nil])]
    let partner = LearningPartners.partners(for: cards, exemplars: [1], rubric: rubric)[0]![0]
    #expect(partner.score.isClose(to: 0.15))
    #expect(partner.lessons.map(\.criterion) == ["C1"])
  }

  // MARK: - Who gets partners

  @Test("exemplars are never given partners; every other unit has an entry")
  func exemplarsExcluded() {
    let pairs = LearningPartners.partners(for: example, exemplars: [1, 2], rubric: rubric)
    #expect(pairs.keys.sorted() == [0])
    let none = LearningPartners.partners(for: example, exemplars: [], rubric: rubric)
    #expect(none.keys.sorted() == [0, 1, 2])
    #expect(none.values.allSatisfy { $0.isEmpty })
  }

  @Test("a unit at 100% everywhere gets no partner")
  func fullUnit() {
    let cards = [card("F", region: "广西", [30, 20, 50]), card("B", region: "广西", [30, 20, 50])]
    #expect(LearningPartners.partners(for: cards, exemplars: [1], rubric: rubric)[0] == [])
  }

  @Test("an exemplar never ahead where the unit is short scores 0 and is skipped")
  func zeroScoreSkipped() {
    // U: S1 0.8 (C2 0.5), S2 1.0. P: S1 0.6, C2 0.5: nowhere ahead where U is short.
    let cards = [card("U", [30, 10, 50]), card("P", [20, 10, 50]), card("Q", region: "广西", [30, 20, 50])]
    let partners = LearningPartners.partners(for: cards, exemplars: [1, 2], rubric: rubric)[0]!
    #expect(partners.map(\.partner) == ["Q"])
  }

  @Test("vetoed units get partners, and are never partners even when named as exemplars")
  func vetoed() {
    let cards = [
      card("V", region: "广西", [15, 20, 25], vetoed: true),
      card("X", region: "广西", [30, 20, 50], vetoed: true),
      card("B", region: "湖南", [30, 20, 50]),
    ]
    let pairs = LearningPartners.partners(for: cards, exemplars: [1, 2], rubric: rubric)
    #expect(pairs.keys.sorted() == [0, 1])
    #expect(pairs[0]!.map(\.partner) == ["B"])
    #expect(pairs[1]!.map(\.partner) == [])  // X is full everywhere
  }

  @Test("exemplar positions out of range or repeated are harmless")
  func badPositions() {
    let pairs = LearningPartners.partners(for: example, exemplars: [2, 1, 2, 7, -1], rubric: rubric)
    #expect(pairs.keys.sorted() == [0])
    #expect(pairs[0]!.map(\.partner) == ["A", "B"])
  }

  // MARK: - Lessons

  @Test("lessons: applicable to both, gain descending, equal gains in rubric order")
  func lessonOrder() {
    // C1 5 → 10 (+5), C2 2 → 10 (+8), C3 not applicable to U, C4 5 → 10 (+5), C5 not applicable to P,
    // C6 10 → 10 (no gain).
    let rubric = Rubric.make(
      ["C1", "C2", "C3", "C4", "C5", "C6"].map { Criterion.judgement($0, points: 10).optional() })
    let cards = [
      card("U", in: rubric, [5, 2, nil, 5, 0, 10]), card("P", in: rubric, [10, 10, 10, 10, nil, 10]),
    ]
    let lessons = LearningPartners.partners(for: cards, exemplars: [1], rubric: rubric)[0]![0].lessons
    #expect(lessons.map(\.criterion) == ["C2", "C1", "C4"])
    #expect(lessons.map(\.gain) == [8, 5, 5])
  }
}
