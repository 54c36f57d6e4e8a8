import PilotEvalCore
import Testing

/// Self-assessment accuracy: self score against verified score, per unit and per cohort.
@Suite("Self-assessment accuracy")
struct SelfAssessmentTests {
  /// One 100-point judgement criterion C1: the score is the points.
  private let rubric = Rubric.make([.judgement("C1", points: 100)])

  /// A unit claiming `claimed` points, verified at `verified` by one reviewer (`nil`: no review).
  private func card(_ id: String, region: String? = nil, claimed: Double, verified: Double?) -> Scorecard {
    let reviews = verified.map { [Review.by("E1", of: id, scores: [ScoreChange(criterion: "C1", points: $0)])] }
    return rubric.score(
      Submission.make(unit: id, region: region, [Response(criterion: "C1", points: claimed)]), reviews: reviews ?? [])
  }

  /// Gaps: A +10, B +6, C −5, D unreviewed (0), E +5, F +6.
  private var round: [Scorecard] {
    [
      card("A", region: "广西", claimed: 90, verified: 80),
      card("B", region: "广西", claimed: 70, verified: 64),
      card("C", region: "湖南", claimed: 60, verified: 65),
      card("D", region: "广西", claimed: 88, verified: nil),
      card("E", region: "湖南", claimed: 75, verified: 70),
      card("F", region: "湖南", claimed: 80, verified: 74),
    ]
  }

  @Test("each unit's gap is self score − verified score, in the order given")
  func unitGaps() {
    let report = SelfAssessmentReport(round)
    #expect(report.units.map(\.unit) == ["A", "B", "C", "D", "E", "F"])
    #expect(report.units.map(\.gap) == [10, 6, -5, 0, 5, 6])
    #expect(report.units[0].selfScore == 90)
    #expect(report.units[0].score == 80)
    #expect(report.units.map(\.reviewed) == [true, true, true, false, true, true])
  }

  @Test("units without reviews have gap 0, are counted as unreviewed, and are left out of every mean")
  func unreviewed() {
    let report = SelfAssessmentReport(round)
    #expect(report.reviewed == 5)
    #expect(report.unreviewed == 1)
    // (10 + 6 − 5 + 5 + 6) ÷ 5 = 4.4; with D's 0 it would be 22 ÷ 6.
    #expect(report.meanGap!.isClose(to: 4.4))
  }

  @Test("each cohort's mean gap is over its reviewed units, cohorts ordered as in ranking")
  func cohortMeans() {
    let report = SelfAssessmentReport(round)
    #expect(report.cohorts.map(\.cohort) == [.region, .region, .level, .category])
    #expect(report.cohorts.map(\.value) == ["广西", "湖南", nil, nil])
    // 广西: A 10, B 6 → 8 (D unreviewed). 湖南: C −5, E 5, F 6 → 2.
    #expect(report.cohorts[0].meanGap == 8)
    #expect(report.cohorts[0].count == 2)
    #expect(report.cohorts[0].unreviewed == 1)
    #expect(report.cohorts[1].meanGap == 2)
    #expect(report.cohorts[1].count == 3)
    #expect(report.cohorts[1].unreviewed == 0)
  }

  @Test("a cohort with no reviewed unit has no mean gap")
  func cohortWithoutReviews() {
    let report = SelfAssessmentReport([
      card("A", region: "广西", claimed: 90, verified: 80), card("D", claimed: 88, verified: nil),
    ])
    let unnamed = report.cohorts.first { $0.cohort == .region && $0.value == nil }!
    #expect(unnamed.meanGap == nil)
    #expect(unnamed.count == 0)
    #expect(unnamed.unreviewed == 1)
  }

  @Test("overstating: gaps above 5 points by default, largest first, equal gaps by unit id; exactly 5 is not above")
  func overstating() {
    #expect(SelfAssessmentReport(round).overstating == ["A", "B", "F"])  // 10, 6, 6; E's 5 is not above 5
  }

  @Test(
    "the threshold is a parameter",
    arguments: [
      (8.0, ["A"]),
      (0.0, ["A", "B", "F", "E"]),
      (20.0, []),
    ])
  func threshold(threshold: Double, expected: [String]) {
    let report = SelfAssessmentReport(round, threshold: threshold)
    #expect(report.threshold == threshold)
    #expect(report.overstating == expected)
  }

  @Test("an unreviewed unit is never listed as overstating, even below a negative threshold")
  func unreviewedNeverOverstating() {
    // C (−5) is above −10; D (unreviewed, 0) is not listed.
    #expect(SelfAssessmentReport(round, threshold: -10).overstating == ["A", "B", "F", "E", "C"])
  }

  @Test("with no reviews at all there are no means and no one overstates")
  func noReviews() {
    let report = SelfAssessmentReport([card("A", claimed: 90, verified: nil), card("B", claimed: 50, verified: nil)])
    #expect(report.units.map(\.gap) == [0, 0])
    #expect(report.unreviewed == 2)
    #expect(report.reviewed == 0)
    #expect(report.meanGap == nil)
    #expect(report.cohorts.allSatisfy { $0.meanGap == nil })
    #expect(report.overstating.isEmpty)
  }
}
