import Testing

@testable import PilotEvalCore

/// A 100-point rubric in two 50-point sections (one judgement criterion each);
/// 示范 needs 90 and every section at 60%; C1 is a ★ key item.
private let rubric = Rubric.make(
  [Criterion.judgement("C1", points: 50).key(), .judgement("C2", points: 50)],
  sections: [.section("S1", ["C1"]), .section("S2", ["C2"])],
  tiers: [
    Tier(id: "exemplary", name: "示范", min: 90, sectionFloor: 0.6),
    Tier(id: "good", name: "良好", min: 80),
    Tier(id: "fail", name: "不合格", min: 0),
  ],
  vetoes: [Veto(id: "V1", title: "事故")])

/// A unit scoring `c1 + c2` points, reviewed by `reviewers` experts who agree with it.
private func unit(
  _ id: String, _ c1: Double, _ c2: Double, region: String = "广西", reviewers: Int = 3, vetoed: Bool = false
) -> Scorecard {
  let submission = Submission.make(
    unit: id, region: region, [Response(criterion: "C1", points: c1), Response(criterion: "C2", points: c2)],
    derived: DerivedData(triggeredVetoes: vetoed ? ["V1"] : []))
  let reviews = (0..<reviewers).map { Review.by("E\($0)", of: id) }
  return rubric.score(submission, reviews: reviews)
}

private func report(_ cards: [Scorecard], policy: ExemplarPolicy = .init()) -> ExemplarReport {
  ExemplarReport(cards, placements: Ranking(rubric: rubric).places(cards), rubric: rubric, policy: policy)
}

@Suite("Exemplar selection")
struct ExemplarTests {
  @Test("exemplars are the top-tier units, in rank order")
  func topTierUnits() {
    let cards = [unit("A", 46, 46), unit("B", 50, 48), unit("C", 40, 40)]
    let picked = report(cards)
    #expect(picked.exemplars.map(\.unit) == ["B", "A"])
    #expect(picked.exemplars.map(\.rank) == [1, 2])
  }

  @Test("a unit whose score reaches the top tier but one section is below its floor is a near miss")
  func floorKeepsOut() throws {
    // 70/30 sections, 示范 ≥ 85 with a 60% floor: 70 + 17.5 = 87.5 ≥ 85, but S2 is 17.5/30 = 58.3% < 60%.
    let skewed = Rubric.make(
      [.judgement("C1", points: 70), .judgement("C2", points: 30)],
      sections: [.section("S1", ["C1"]), .section("S2", ["C2"])],
      tiers: [Tier(id: "exemplary", name: "示范", min: 85, sectionFloor: 0.6), Tier(id: "fail", name: "不合格", min: 0)])
    let card = skewed.score(
      .make(unit: "F", [Response(criterion: "C1", points: 70), Response(criterion: "C2", points: 17.5)]))
    let picked = ExemplarReport(
      [card], placements: Ranking(rubric: skewed).places([card]), rubric: skewed, policy: .init())
    #expect(picked.exemplars.isEmpty)
    let miss = try #require(picked.nearMisses.first)
    #expect(miss.unit == "F")
    #expect(miss.reasons == [.sectionFloor(["S2"])])
  }

  @Test("a ★ item at zero keeps a high scorer out, and the reason says which item")
  func keyItemKeepsOut() throws {
    // C1 (★, 10 points) at 0 and C2 at 90: 90 ≥ 85, but a ★ item at zero means the lowest tier.
    let wide = Rubric.make(
      [Criterion.judgement("C1", points: 10).key(), .judgement("C2", points: 90)],
      tiers: [Tier(id: "exemplary", name: "示范", min: 85), Tier(id: "fail", name: "不合格", min: 0)])
    let card = wide.score(
      .make(unit: "K", [Response(criterion: "C1", points: 0), Response(criterion: "C2", points: 90)]))
    let picked = ExemplarReport([card], placements: Ranking(rubric: wide).places([card]), rubric: wide, policy: .init())
    #expect(picked.exemplars.isEmpty)
    #expect(picked.nearMisses.first?.reasons == [.keyItemAtZero(["C1"])])
  }

  @Test("a vetoed unit is never an exemplar; if its score is close it is listed with the veto")
  func vetoKeepsOut() {
    let picked = report([unit("V", 50, 50, vetoed: true), unit("A", 46, 46)])
    #expect(picked.exemplars.map(\.unit) == ["A"])
    #expect(picked.nearMisses.map(\.unit) == ["V"])
    #expect(picked.nearMisses.first?.reasons == [.vetoed(["V1"])])
  }

  @Test("units within the margin below the top tier are near misses with their gap; farther ones are not")
  func margin() {
    // 43 + 43.5 = 86.5: 3.5 below 90 (within 5). 42 + 42 = 84: 6 below (outside).
    let picked = report([unit("N", 43, 43.5), unit("F", 42, 42)])
    #expect(picked.nearMisses.map(\.unit) == ["N"])
    #expect(picked.nearMisses.first?.reasons == [.belowTopTier(gap: 3.5)])
    let wider = report([unit("N", 43, 43.5), unit("F", 42, 42)], policy: .init(nearMargin: 6))
    #expect(wider.nearMisses.map(\.unit) == ["N", "F"])
  }

  @Test("a minimum number of reviewers keeps a top-tier unit out, with how many it has")
  func minimumReviewers() {
    let picked = report(
      [unit("A", 46, 46, reviewers: 1), unit("B", 46, 45, reviewers: 3)], policy: .init(minimumReviewers: 2))
    #expect(picked.exemplars.map(\.unit) == ["B"])
    #expect(picked.nearMisses.first?.reasons == [.tooFewReviewers(have: 1, need: 2)])
  }

  @Test("a per-region quota keeps the best-ranked units of each region and names the quota for the rest")
  func regionQuota() throws {
    let cards = [
      unit("GX1", 50, 49, region: "广西"), unit("GX2", 48, 48, region: "广西"), unit("GX3", 47, 47, region: "广西"),
      unit("SC1", 46, 45, region: "四川"),
    ]
    let quota = try #require(ExemplarPolicy.CohortQuota(parsing: "region:2"))
    let picked = report(cards, policy: .init(quota: quota))
    #expect(picked.exemplars.map(\.unit) == ["GX1", "GX2", "SC1"])
    #expect(picked.nearMisses.first?.reasons == [.cohortQuota(cohort: .region, value: "广西", allowance: 2)])
  }

  @Test("a share quota is rounded down: 50% of 3 units allows 1")
  func shareQuota() throws {
    let cards = [unit("A", 50, 49), unit("B", 48, 48), unit("C", 47, 47)]
    let quota = try #require(ExemplarPolicy.CohortQuota(parsing: "region:50%"))
    #expect(report(cards, policy: .init(quota: quota)).exemplars.map(\.unit) == ["A"])
  }

  @Test(
    "quota text that is not cohort:number or cohort:percent is refused",
    arguments: ["region", "city:2", "level:-1", "level:x", "level:120%"])
  func badQuota(text: String) {
    #expect(ExemplarPolicy.CohortQuota(parsing: text) == nil)
  }
}
