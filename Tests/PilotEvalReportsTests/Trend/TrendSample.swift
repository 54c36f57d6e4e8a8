import PilotEvalCore
import PilotEvalReports

/// Hand-built comparisons of rounds (the computation is not used), and a current round to report them with.
enum TrendSample {
  /// A name that must be escaped wherever it lands.
  static let hostileName = "<script>alert(1)</script> & \"东\""

  /// Three rounds on a percent basis: U1 climbs from pass to exemplary, U2 (hostile name) holds, U3 stalls and
  /// leaves before the last round, U4 enters in the second, U5 slips.
  static func threeRounds() -> TrendReport {
    let rounds = ["2024H1", "2024H2", "2025H1"]
    let units = [
      UnitTrend(
        id: "U1", name: "南宁市机关事务管理局", region: "南宁", level: "市", scores: [60, 70, 82], ranks: [3, 2, 1],
        tiers: ["pass", "good", "exemplary"], hadPartners: [true, true, false], exemplar: [false, false, true]),
      UnitTrend(
        id: "U2", name: hostileName, region: "柳州", level: "市", scores: [85, 86, 87], ranks: [1, 1, 2],
        tiers: ["good", "good", "exemplary"], hadPartners: [false, false, false], exemplar: [true, true, true]),
      UnitTrend(
        id: "U3", name: "桂林 & 阳朔", region: "桂林", level: "县", scores: [55, 55.5, nil], ranks: [4, 4, nil],
        tiers: ["fail", "fail", nil], hadPartners: [true, false, nil], exemplar: [false, false, nil]),
      UnitTrend(
        id: "U4", name: "梧州", region: "梧州", level: "市", scores: [nil, 65, 70], ranks: [nil, 3, 3],
        tiers: [nil, "pass", "pass"], hadPartners: [nil, false, false], exemplar: [nil, false, false]),
      UnitTrend(
        id: "U5", name: "玉林", region: "玉林", level: "县", scores: [70, 68, 69], ranks: [2, 5, 4],
        tiers: ["pass", "pass", "pass"], hadPartners: [false, true, false], exemplar: [false, false, false]),
    ]
    let tiers = ["exemplary", "good", "pass", "fail", "vetoed"]
    return TrendReport(
      options: TrendOptions(mostImproved: 3, stallThreshold: 2, confidence: 0.95), rounds: rounds, basis: .percent,
      rubricChanges: [
        RubricChange(
          from: "2024H1", to: "2024H2", fromRubric: "jgsw 1.0", toRubric: "jgsw 1.0", added: [], removed: [],
          repointed: [], fromTotal: 100, toTotal: 100, tiersChanged: false),
        RubricChange(
          from: "2024H2", to: "2025H1", fromRubric: "jgsw 1.0", toRubric: "jgsw 2.0", added: ["C9", "C10"],
          removed: ["C4"], repointed: [.init(id: "C3", from: 5, to: 8)], fromTotal: 100, toTotal: 110,
          tiersChanged: false),
      ],
      units: units, mostImproved: [0, 3, 1], stalledLaggards: [4, 2],
      migrations: [
        TierMigration(
          from: "2024H1", to: "2024H2", tiers: tiers,
          counts: [[0, 0, 0, 0, 0], [0, 1, 0, 0, 0], [0, 1, 1, 0, 0], [0, 0, 0, 1, 0], [0, 0, 0, 0, 0]], left: 0,
          entered: 1),
        TierMigration(
          from: "2024H2", to: "2025H1", tiers: tiers,
          counts: [[0, 0, 0, 0, 0], [2, 0, 0, 0, 0], [0, 0, 2, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]], left: 1,
          entered: 0),
        TierMigration(
          from: "2024H1", to: "2025H1", tiers: tiers,
          counts: [[0, 0, 0, 0, 0], [1, 0, 0, 0, 0], [1, 0, 1, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]], left: 1,
          entered: 1),
      ],
      dispersion: [
        Dispersion(
          round: "2024H1", count: 4, mean: 67.5, standardDeviation: 11.456, coefficientOfVariation: 0.16972,
          gini: 0.08333, theil: 0.01401, theilBetween: 0.01401, theilWithin: 0,
          groups: [.init(region: "南宁", count: 1, mean: 60, theil: 0)]),
        Dispersion(
          round: "2024H2", count: 5, mean: 68.9, standardDeviation: 10.1, coefficientOfVariation: 0.14659,
          gini: 0.07, theil: 0.0105, theilBetween: 0.0085, theilWithin: 0.002, groups: []),
        Dispersion(
          round: "2025H1", count: 4, mean: 77, standardDeviation: 7.38, coefficientOfVariation: 0.09584,
          gini: 0.0512, theil: 0.0046, theilBetween: 0.0031, theilWithin: 0.0015, groups: []),
      ],
      sigma: SigmaConvergence(
        coefficientsOfVariation: [0.16972, 0.14659, 0.09584], change: -0.07388, verdict: .converging),
      beta: [
        BetaConvergence(
          from: "2024H1", to: "2024H2", periods: 1, count: 4, slope: -0.2, intercept: 18, standardError: 0.1,
          lower: -0.63, upper: 0.23, confidence: 0.95, rSquared: 0.4, verdict: .inconclusive),
        BetaConvergence(
          from: "2024H2", to: "2025H1", periods: 1, count: 4, slope: -0.3, intercept: 25, standardError: 0.05,
          lower: -0.52, upper: -0.08, confidence: 0.95, rSquared: 0.8, verdict: .converging),
        BetaConvergence(
          from: "2024H1", to: "2025H1", periods: 2, count: 3, slope: -0.35, intercept: 30.5, standardError: 0.02,
          lower: -0.6, upper: -0.1, confidence: 0.95, rSquared: 0.9, verdict: .converging),
      ],
      partnerEffects: [
        PartnerEffect(
          from: "2024H1", to: "2024H2", source: .recommended, paired: .init(count: 2, meanImprovement: 5.25),
          unpaired: .init(count: 1, meanImprovement: -2),
          strata: [
            .init(
              tier: "pass", cohort: "level", value: "县", paired: .init(count: 1, meanImprovement: 10),
              unpaired: .init(count: 1, meanImprovement: -2))
          ], unmatched: 1, difference: 12),
        PartnerEffect(
          from: "2024H2", to: "2025H1", source: .arranged, paired: .init(count: 2, meanImprovement: 6.5),
          unpaired: .init(count: 1, meanImprovement: 5), strata: [], unmatched: 2, difference: nil),
      ])
  }

  /// One round only: nothing to compare, every verdict not defined.
  static func oneRound() -> TrendReport {
    TrendReport(
      options: TrendOptions(), rounds: ["2025H1"], basis: .points, rubricChanges: [],
      units: [
        UnitTrend(
          id: "U1", name: "南宁", region: "南宁", level: "市", scores: [82], ranks: [1], tiers: ["exemplary"],
          hadPartners: [false], exemplar: [true])
      ], mostImproved: [], stalledLaggards: [], migrations: [],
      dispersion: [
        Dispersion(
          round: "2025H1", count: 1, mean: 82, standardDeviation: 0, coefficientOfVariation: 0, gini: 0, theil: 0,
          theilBetween: 0, theilWithin: 0, groups: [])
      ], sigma: SigmaConvergence(coefficientsOfVariation: [0], change: 0, verdict: .notDefined), beta: [],
      partnerEffects: [])
  }

  /// No rounds at all.
  static func empty() -> TrendReport {
    TrendReport(
      options: TrendOptions(), rounds: [], basis: .points, rubricChanges: [], units: [], mostImproved: [],
      stalledLaggards: [], migrations: [], dispersion: [],
      sigma: SigmaConvergence(coefficientsOfVariation: [], change: 0, verdict: .notDefined), beta: [],
      partnerEffects: [])
  }

  /// The current round (2025H1) of U1, U2, U4 and U5 (not U3), scored on a 10-point rubric.
  static func currentRound() -> (RoundResult, RoundAnalysis) {
    let criterion = Criterion(id: "C1", title: "领导小组", points: 10, method: .judgement(step: 0.5), section: 0)
    let rubric = Rubric(
      id: "jgsw", version: "2.0",
      tiers: [
        Tier(id: "exemplary", name: "示范", min: 8), Tier(id: "good", name: "良好", min: 7),
        Tier(id: "pass", name: "合格", min: 6), Tier(id: "fail", name: "不合格", min: 0),
      ],
      sections: [Section(id: "S1", title: "组织保障", parent: nil, depth: 0, criteria: [0])], criteria: [criterion])
    let engine = ScoringEngine(rubric: rubric)
    func card(_ id: String, _ name: String, _ points: Double) -> Scorecard {
      engine.score(
        Submission(
          rubricID: "jgsw", rubricVersion: "2.0", unit: Unit(id: id, name: name, region: "广西"), round: "2025H1",
          responses: [Response(criterion: "C1", points: points)]), file: "\(id).xml")
    }
    let result = RoundResult(
      rubric: rubric, round: "2025H1",
      scorecards: [
        card("U1", "南宁市机关事务管理局", 9), card("U2", hostileName, 8.5), card("U4", "梧州", 7), card("U5", "玉林", 6.5),
      ],
      rejected: [], submissionsSeen: 4, reviewsApplied: 0)
    let analysis = RoundAnalysis(result, options: AnalysisOptions(robustness: RobustnessOptions(draws: 20)))
    return (result, analysis)
  }
}
