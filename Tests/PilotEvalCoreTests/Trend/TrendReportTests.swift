import PilotEvalCore
import Testing

/// The trend report as a whole: units lined up across rounds, the most improved, stalled laggards,
/// σ-convergence, and determinism.
@Suite("Trend report")
struct TrendReportTests {
  @Test("units: every id in byte order, nil where absent, name/region/level from the latest round")
  func unitsLinedUp() {
    let report = TrendReport([
      .trend(
        "R1",
        [
          .unit("b", 70, region: "广西", name: "B old", partners: ["a"]),
          .unit("a", 92, level: "市级", name: "A", exemplar: true),
        ]),
      .trend("R2", [.unit("c", 65), .unit("b", 81, region: "湖南", name: "B new"), .unit("B", 85, name: "capital")]),
    ])
    #expect(report.rounds == ["R1", "R2"])
    #expect(report.basis == .points)
    // "B" (0x42) < "a" (0x61) < "b" < "c".
    #expect(report.units.map(\.id) == ["B", "a", "b", "c"])
    let b = report.units[2]
    #expect(b.name == "B new")
    #expect(b.region == "湖南")
    #expect(b.scores == [70, 81])
    #expect(b.ranks == [2, 2])
    #expect(b.tiers == ["pass", "good"])
    #expect(b.hadPartners == [true, false])
    #expect(b.exemplar == [false, false])
    let a = report.units[1]
    #expect(a.name == "A")
    #expect(a.level == "市级")
    #expect(a.scores == [92, nil])
    #expect(a.exemplar == [true, nil])
    #expect(a.hadPartners == [false, nil])
    #expect(a.change == nil)
    #expect(report.units[0].scores == [nil, 85])
  }

  @Test("a unit listed twice in a round counts by its first entry")
  func duplicateEntry() {
    let report = TrendReport([.trend("R1", [.unit("a", 60), .unit("a", 90)])])
    #expect(report.units.count == 1)
    #expect(report.units[0].scores == [60])
    #expect(report.dispersion[0].count == 1)
  }

  @Test("most improved: positive changes only, largest first, ties by id, at most options.mostImproved")
  func mostImproved() {
    // Changes: a +10, b +10, c +5 (absent in R2: first to last appearance), d −3, e once (none), f 0.
    let rounds: [RoundSnapshot] = [
      .trend("R1", [.unit("a", 60), .unit("b", 70), .unit("c", 50), .unit("d", 80), .unit("f", 75)]),
      .trend("R2", [.unit("a", 65), .unit("b", 75), .unit("d", 78), .unit("e", 90), .unit("f", 70)]),
      .trend("R3", [.unit("a", 70), .unit("b", 80), .unit("c", 55), .unit("d", 77), .unit("f", 75)]),
    ]
    let ids = { (report: TrendReport) in report.mostImproved.map { report.units[$0].id } }
    #expect(ids(TrendReport(rounds)) == ["a", "b", "c"])
    #expect(ids(TrendReport(rounds, options: TrendOptions(mostImproved: 2))) == ["a", "b"])
    #expect(ids(TrendReport(rounds, options: TrendOptions(mostImproved: 0))) == [])
  }

  @Test("stalled laggards: two lowest tiers or vetoed in the first round, change below the threshold")
  func stalledLaggards() {
    // Two lowest tiers: pass, fail. L1 pass +1, L2 fail −1, L3 pass +5 (moved), L4 good +0 (not a laggard),
    // L5 vetoed +1, L6 fail but scored once. Smallest change first, ties by id: L2, L1, L5.
    let rounds: [RoundSnapshot] = [
      .trend(
        "R1",
        [
          .unit("L1", 65), .unit("L2", 40), .unit("L3", 70), .unit("L4", 82), .unit("L5", 70, tier: "vetoed"),
          .unit("L6", 30),
        ]),
      .trend("R2", [.unit("L1", 66), .unit("L2", 39), .unit("L3", 75), .unit("L4", 82), .unit("L5", 71)]),
    ]
    let ids = { (report: TrendReport) in report.stalledLaggards.map { report.units[$0].id } }
    #expect(ids(TrendReport(rounds)) == ["L2", "L1", "L5"])
    // With a threshold of 6, L3's +5 has stalled too.
    #expect(ids(TrendReport(rounds, options: TrendOptions(stallThreshold: 6))) == ["L2", "L1", "L5", "L3"])
  }

  @Test("a laggard is judged by the rubric of the first round it appears in")
  func laggardByFirstRound() {
    // R2's rubric has three tiers (good 80, pass 60, fail 0): its two lowest are pass and fail.
    // x enters in R2 at 65 (pass) and gains 1; y enters in R2 at 85 (good) and gains 0.
    let three = RubricShape.trend(tiers: [("good", 80), ("pass", 60), ("fail", 0)])
    let report = TrendReport([
      .trend("R1", [.unit("z", 50)]),
      .trend("R2", rubric: three, [.unit("x", 65), .unit("y", 85)]),
      .trend("R3", [.unit("x", 66), .unit("y", 85)]),
    ])
    #expect(report.stalledLaggards.map { report.units[$0].id } == ["x"])
  }

  @Test(
    "σ-convergence from the CV per round: fell every step, rose every step, or mixed",
    arguments: [
      // CVs: [40, 80] → 20 / 60 = ⅓; [50, 70] → ⅙; [55, 65] → 1/12.
      ([[40.0, 80], [50, 70], [55, 65]], SigmaConvergence.Verdict.converging, 1.0 / 12 - 1.0 / 3),
      ([[55, 65], [50, 70], [40, 80]], .diverging, 1.0 / 3 - 1.0 / 12),
      ([[40, 80], [50, 70], [40, 80]], .mixed, 0),
      ([[40, 80], [40, 80]], .mixed, 0),
    ])
  func sigma(scores: [[Double]], verdict: SigmaConvergence.Verdict, change: Double) {
    let rounds = scores.enumerated().map { round, pair in
      RoundSnapshot.trend("R\(round + 1)", [.unit("a", pair[0]), .unit("b", pair[1])])
    }
    let sigma = TrendReport(rounds).sigma
    #expect(sigma.verdict == verdict)
    #expect(approximately(sigma.change, change, 1e-12))
    #expect(sigma.coefficientsOfVariation == TrendReport(rounds).dispersion.map(\.coefficientOfVariation))
  }

  @Test("one round or none: σ not defined, no pairs to compare")
  func tooFewRounds() {
    for rounds in [[], [RoundSnapshot.trend("R1", [.unit("a", 60), .unit("b", 70)])]] {
      let report = TrendReport(rounds)
      #expect(report.sigma.verdict == .notDefined)
      #expect(report.sigma.change == 0)
      #expect(report.rubricChanges.isEmpty)
      #expect(report.migrations.isEmpty)
      #expect(report.beta.isEmpty)
      #expect(report.partnerEffects.isEmpty)
      #expect(report.dispersion.count == rounds.count)
    }
  }

  @Test("the order units are listed in within a round does not change the report")
  func deterministic() {
    let units: [UnitSnapshot] = [
      .unit("甲", 62, region: "广西", partners: ["丙"]), .unit("乙", 71, region: "湖南"), .unit("丙", 93, exemplar: true),
      .unit("丁", 55, region: "广西"), .unit("戊", 48, region: "湖南", level: "县级"),
    ]
    let later: [UnitSnapshot] = [
      .unit("甲", 70, region: "广西"), .unit("乙", 74, region: "湖南"), .unit("丙", 94), .unit("丁", 58, region: "广西"),
      .unit("戊", 60, region: "湖南", level: "县级"),
    ]
    let forward = TrendReport([.trend("R1", units), .trend("R2", later), .trend("R3", units)])
    let backward = TrendReport([
      .trend("R1", units.reversed()), .trend("R2", later.reversed()), .trend("R3", units.reversed()),
    ])
    #expect(forward == backward)
    #expect(forward.options == TrendOptions())
  }
}
