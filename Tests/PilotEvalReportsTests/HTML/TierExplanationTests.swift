import PilotEvalCore
import Testing

@testable import PilotEvalReports

/// The unit page's "what it takes to reach the next tier" judges the section floor as the scoring engine does.
@Suite("leadership report: the next tier's conditions")
struct TierExplanationTests {
  /// S1 and S2 hold 50 points each; exemplary (90) needs each at 60 %.
  static func site(firstSection points: Double) -> (ReportSite, Scorecard) {
    let rubric = Rubric(
      id: "r", version: "1",
      tiers: [
        Tier(id: "exemplary", name: "示范", min: 90, sectionFloor: 0.6), Tier(id: "good", name: "良好", min: 70),
        Tier(id: "fail", name: "不合格", min: 0),
      ],
      sections: [
        Section(id: "S1", title: "组织保障", parent: nil, depth: 0, criteria: [0]),
        Section(id: "S2", title: "制度建设", parent: nil, depth: 0, criteria: [1]),
      ],
      criteria: [
        Criterion(id: "C1", title: "领导小组", points: 50, method: .judgement(step: nil), section: 0),
        Criterion(id: "C2", title: "制度", points: 50, method: .judgement(step: nil), section: 1),
      ])
    let card = ScoringEngine(rubric: rubric).score(
      Submission(
        rubricID: "r", rubricVersion: "1", unit: Unit(id: "U1", name: "南宁"), round: "R1",
        responses: [Response(criterion: "C1", points: points), Response(criterion: "C2", points: 50)]))
    let result = RoundResult(
      rubric: rubric, round: "R1", scorecards: [card], rejected: [], submissionsSeen: 1, reviewsApplied: 0)
    let analysis = RoundAnalysis(result, options: AnalysisOptions(robustness: RobustnessOptions(draws: 5)))
    return (ReportSite(result: result, analysis: analysis, language: .zh, trend: nil), card)
  }

  @Test("a section 2×10⁻⁸ below the floor, which the engine counts as below, is named as a condition")
  func floorEdge() {
    // 29.99999998 < 0.6 × 50 − ε: below the floor for the engine; as a share, 0.5999999996 is not below 0.6 − ε.
    let (site, card) = Self.site(firstSection: 29.999_999_98)
    #expect(card.tier == "good")
    let lines = site.tierExplanation(card)
    #expect(lines.contains { $0.contains("使 组织保障 的得分率达到 60%") }, "\(lines)")
  }

  @Test("a section at the floor is not named")
  func atFloor() {
    let (site, card) = Self.site(firstSection: 30)
    #expect(card.tier == "good")
    #expect(!site.tierExplanation(card).contains { $0.contains("得分率达到") })
  }
}
