import PilotEvalCore
import Testing

/// β-convergence: growth regressed on the earlier score by ordinary least squares, with a Student's t
/// interval for the slope.
///
/// Expected values are worked by hand in the comments.
@Suite("Trend β-convergence")
struct BetaConvergenceTests {
  /// Four units: earlier 50, 60, 70, 80; later 60, 68, 75, 83, so growth y = 10, 8, 5, 3.
  private let fourUnits: [RoundSnapshot] = [
    .trend("R1", [.unit("a", 50), .unit("b", 60), .unit("c", 70), .unit("d", 80)]),
    .trend("R2", [.unit("a", 60), .unit("b", 68), .unit("c", 75), .unit("d", 83)]),
  ]

  @Test("OLS on four points: slope −0.24, intercept 22.1, SE √0.0002, 95% CI −0.24 ± 4.3027 SE, R² 0.9931")
  func byHand() {
    // x̄ = 65, ȳ = 6.5; x − x̄ = −15, −5, 5, 15; y − ȳ = 3.5, 1.5, −1.5, −3.5.
    // Sxx = 225 + 25 + 25 + 225 = 500; Sxy = −52.5 − 7.5 − 7.5 − 52.5 = −120; Syy = 29.
    // slope = −120 / 500 = −0.24; intercept = 6.5 + 0.24 × 65 = 22.1.
    // Fitted 10.1, 7.7, 5.3, 2.9 → residuals −0.1, 0.3, −0.3, 0.1; Σ² = 0.2; s² = 0.2 / (4 − 2) = 0.1.
    // SE = √(0.1 / 500) = 0.0141421; t(0.975, 2) = 4.302653 → half width 0.0608487.
    // CI = [−0.3008487, −0.1791513], wholly below 0: converging. R² = 120² / (500 × 29) = 0.9931034.
    let beta = TrendReport(fourUnits).beta
    #expect(beta.count == 1)
    let fit = beta[0]
    #expect(fit.from == "R1")
    #expect(fit.to == "R2")
    #expect(fit.periods == 1)
    #expect(fit.count == 4)
    #expect(approximately(fit.slope, -0.24))
    #expect(approximately(fit.intercept, 22.1))
    #expect(approximately(fit.standardError, 0.000_2.squareRoot()))
    #expect(approximately(fit.lower, -0.300_848_7, 1e-6))
    #expect(approximately(fit.upper, -0.179_151_3, 1e-6))
    #expect(fit.confidence == 0.95)
    #expect(approximately(fit.rSquared, 0.993_103_448, 1e-8))
    #expect(fit.verdict == .converging)
  }

  @Test("the interval uses the options' confidence: at 50%, t(0.75, 2) = 0.8165 (= √(2/3))")
  func confidence() {
    // ν = 2: the p-quantile is (2p − 1) √(2 / (1 − (2p − 1)²)); p = 0.75 → 0.5 √(2 / 0.75) = √(2/3).
    let fit = TrendReport(fourUnits, options: TrendOptions(confidence: 0.5)).beta[0]
    #expect(fit.confidence == 0.5)
    #expect(approximately((fit.upper - fit.slope) / fit.standardError, (2.0 / 3).squareRoot(), 1e-9))
  }

  @Test("laggards falling further behind: growth rising with the earlier score is diverging")
  func diverging() {
    // Growth 1, 3, 4, 6 on x 50, 60, 70, 80: slope 0.16, residuals 0.1, −0.3, 0.3, −0.1, same SE as above.
    let rounds: [RoundSnapshot] = [
      .trend("R1", [.unit("a", 50), .unit("b", 60), .unit("c", 70), .unit("d", 80)]),
      .trend("R2", [.unit("a", 51), .unit("b", 63), .unit("c", 74), .unit("d", 86)]),
    ]
    let fit = TrendReport(rounds).beta[0]
    #expect(approximately(fit.slope, 0.16))
    #expect(fit.lower > 0)
    #expect(fit.verdict == .diverging)
  }

  @Test("an interval containing 0 is inconclusive")
  func inconclusive() {
    // Growth 2, −2, 2, −2 on x 50, 60, 70, 80: Sxy = −15·2 −5·(−2) + 5·2 + 15·(−2) = −40, slope −0.08,
    // residuals large → the interval spans 0.
    let rounds: [RoundSnapshot] = [
      .trend("R1", [.unit("a", 50), .unit("b", 60), .unit("c", 70), .unit("d", 80)]),
      .trend("R2", [.unit("a", 52), .unit("b", 58), .unit("c", 72), .unit("d", 78)]),
    ]
    let fit = TrendReport(rounds).beta[0]
    #expect(approximately(fit.slope, -0.08))
    #expect(fit.lower < 0 && fit.upper > 0)
    #expect(fit.verdict == .inconclusive)
  }

  @Test("with three rounds: each consecutive pair, then first → last with growth per round (periods 2)")
  func firstToLast() {
    // R1 → R3 over units a, b, c (d is absent in R3): growth (60 − 50) / 2 = 5, (66 − 60) / 2 = 3,
    // (72 − 70) / 2 = 1 → slope −0.2 exactly on the line, SE 0: the interval is the point −0.2.
    let rounds: [RoundSnapshot] = [
      .trend("R1", [.unit("a", 50), .unit("b", 60), .unit("c", 70), .unit("d", 80)]),
      .trend("R2", [.unit("a", 55), .unit("b", 63), .unit("c", 71), .unit("d", 81)]),
      .trend("R3", [.unit("a", 60), .unit("b", 66), .unit("c", 72)]),
    ]
    let beta = TrendReport(rounds).beta
    #expect(beta.map(\.from) == ["R1", "R2", "R1"])
    #expect(beta.map(\.to) == ["R2", "R3", "R3"])
    #expect(beta.map(\.periods) == [1, 1, 2])
    #expect(beta.map(\.count) == [4, 3, 3])
    let span = beta[2]
    #expect(approximately(span.slope, -0.2))
    #expect(approximately(span.intercept, 15))
    #expect(approximately(span.standardError, 0, 1e-12))
    #expect(approximately(span.rSquared, 1))
    #expect(span.verdict == .converging)
  }

  @Test("not defined, with zeros, for fewer than three units or when every earlier score is the same")
  func notDefined() {
    let two: [RoundSnapshot] = [
      .trend("R1", [.unit("a", 50), .unit("b", 60)]), .trend("R2", [.unit("a", 55), .unit("b", 61)]),
    ]
    let sameStart: [RoundSnapshot] = [
      .trend("R1", [.unit("a", 60), .unit("b", 60), .unit("c", 60)]),
      .trend("R2", [.unit("a", 55), .unit("b", 61), .unit("c", 70)]),
    ]
    for (rounds, count) in [(two, 2), (sameStart, 3)] {
      let fit = TrendReport(rounds).beta[0]
      #expect(fit.verdict == .notDefined)
      #expect(fit.count == count)
      #expect([fit.slope, fit.intercept, fit.standardError, fit.lower, fit.upper, fit.rSquared] == [0, 0, 0, 0, 0, 0])
    }
  }

  @Test("no β entry with fewer than two rounds")
  func oneRound() {
    #expect(TrendReport([fourUnits[0]]).beta.isEmpty)
  }
}
