import Foundation
import PilotEvalCore
import Testing

/// The trend's edge cases (no spread, rounds skipped) and its intervals: the bootstrap of the partner effect
/// and β corrected for regression to the mean. Independent computations are written out in the tests.
@Suite("Trend uncertainty")
struct TrendUncertaintyTests {
  static let constant = 37.959_574_468_085_11

  @Test("six equal earlier scores: β is not defined with a reason, not SE 7e14 and a ±2e15 interval")
  func equalEarlierScores() {
    let rounds: [RoundSnapshot] = [
      .trend("R1", (1...6).map { .unit("u\($0)", Self.constant) }),
      .trend("R2", (1...6).map { .unit("u\($0)", 40 + Double($0)) }),
    ]
    let beta = TrendReport(rounds).beta[0]
    #expect(beta.verdict == .notDefined)
    #expect(beta.reason?.contains("same earlier score") == true)
    #expect(beta.standardError == 0 && beta.lower == 0 && beta.upper == 0)
    let dispersion = TrendReport(rounds).dispersion[0]
    #expect(dispersion.standardDeviation == 0)
    #expect(dispersion.mean == Self.constant)
  }

  @Test("both rounds all equal: σ and β are not defined (were 'converging' and β = −0.25, R² = 1); Theil is 0")
  func bothRoundsEqual() {
    let rounds: [RoundSnapshot] = [
      .trend("R1", (1...6).map { .unit("u\($0)", Self.constant, region: $0 % 2 == 0 ? "A" : "B") }),
      .trend("R2", (1...6).map { .unit("u\($0)", 42.5, region: $0 % 2 == 0 ? "A" : "B") }),
    ]
    let report = TrendReport(rounds)
    #expect(report.sigma.verdict == .notDefined)
    #expect(report.sigma.reason?.contains("same score") == true)
    #expect(report.beta[0].verdict == .notDefined)
    #expect(report.beta[0].rSquared == 0)
    for entry in report.dispersion {
      #expect(entry.theil == 0 && entry.theilBetween == 0 && entry.theilWithin == 0)
      #expect(entry.gini == 0 && entry.coefficientOfVariation == 0)
    }
  }

  @Test("β is per recorded round elapsed: comparing R1 with R3 alone divides by 2, as the three-round report does")
  func perRecordedRound() {
    let r1 = RoundSnapshot.trend("R1", [.unit("a", 50), .unit("b", 60), .unit("c", 70), .unit("d", 80)])
    let r2 = RoundSnapshot.trend("R2", [.unit("a", 56), .unit("b", 64), .unit("c", 72), .unit("d", 82)])
    let r3 = RoundSnapshot.trend("R3", [.unit("a", 60), .unit("b", 68), .unit("c", 75), .unit("d", 83)])
    let all = TrendReport([r1, r2, r3]).beta.first { $0.from == "R1" && $0.to == "R3" }
    let pair = TrendReport([r1, r3], positions: [0, 2]).beta[0]
    #expect(pair.periods == 2)
    #expect(all?.periods == 2)
    // Growth per round 5, 4, 2.5, 1.5 on 50…80: slope −0.12 (half the one-step slope −0.24 of the same data).
    #expect(approximately(pair.slope, -0.12))
    #expect(approximately(pair.slope, all?.slope ?? 0))
  }

  // MARK: - Partner effect interval

  /// A deterministic stream of numbers in [0, 1) for test data (a 64-bit LCG, top bits).
  struct Stream {
    var state: UInt64
    mutating func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) * 0x1.0p-53
    }
  }

  private func partnerRounds(paired: [Double], unpaired: [Double]) -> [RoundSnapshot] {
    var first = [UnitSnapshot]()
    var second = [UnitSnapshot]()
    for (index, gain) in paired.enumerated() {
      first.append(.unit("p\(index)", 70, region: "R", partners: ["x"]))
      second.append(.unit("p\(index)", 70 + gain, region: "R"))
    }
    for (index, gain) in unpaired.enumerated() {
      first.append(.unit("q\(index)", 70, region: "R"))
      second.append(.unit("q\(index)", 70 + gain, region: "R"))
    }
    return [.trend("R1", first), .trend("R2", second)]
  }

  @Test("partner effect: the bootstrap interval agrees with the normal interval d ± 1.96 √(s₁²/n₁ + s₂²/n₂)")
  func partnerInterval() {
    var stream = Stream(state: 7)
    let paired = (0..<40).map { _ in 3 + 4 * stream.next() }
    let unpaired = (0..<40).map { _ in 1 + 4 * stream.next() }
    let effect = TrendReport(partnerRounds(paired: paired, unpaired: unpaired)).partnerEffects[0]
    // Independent: the difference of means and the plug-in (divisor n) standard error the bootstrap estimates.
    func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }
    func variance(_ x: [Double]) -> Double { x.reduce(0) { $0 + ($1 - mean(x)) * ($1 - mean(x)) } / Double(x.count) }
    let difference = mean(paired) - mean(unpaired)
    let half = 1.959_964 * (variance(paired) / 40 + variance(unpaired) / 40).squareRoot()
    #expect(approximately(effect.difference ?? 0, difference, 1e-9))
    let interval = effect.differenceInterval
    #expect(interval != nil)
    if let interval {
      #expect(abs(interval.lower - (difference - half)) < 0.15 * half)
      #expect(abs(interval.upper - (difference + half)) < 0.15 * half)
      #expect(interval.level == 0.95)
    }
  }

  @Test("partner interval: deterministic for a seed, another seed moves it, constant gains give zero width")
  func partnerIntervalSeeds() {
    var stream = Stream(state: 11)
    let rounds = partnerRounds(
      paired: (0..<12).map { _ in 5 * stream.next() }, unpaired: (0..<9).map { _ in 5 * stream.next() })
    let first = TrendReport(rounds, options: TrendOptions(seed: 3)).partnerEffects[0].differenceInterval
    let again = TrendReport(rounds, options: TrendOptions(seed: 3)).partnerEffects[0].differenceInterval
    let other = TrendReport(rounds, options: TrendOptions(seed: 4)).partnerEffects[0].differenceInterval
    #expect(first == again)
    #expect(first != other)
    let flat = TrendReport(partnerRounds(paired: [2, 2, 2], unpaired: [1, 1])).partnerEffects[0]
    #expect(flat.differenceInterval == ConfidenceInterval(lower: 1, upper: 1, level: 0.95))
    #expect(flat.singletonStrata == 0)
    let single = TrendReport(partnerRounds(paired: [2, 3, 4], unpaired: [1])).partnerEffects[0]
    #expect(single.singletonStrata == 1)
    let none = TrendReport(partnerRounds(paired: [2, 2], unpaired: [])).partnerEffects[0]
    #expect(none.differenceInterval == nil)
    #expect(none.differenceValue.reason != nil)
    #expect(none.unpaired.mean.reason == "no unit in the group")
  }
}

/// β corrected for regression to the mean, with r = ICC(1,k₀) of the earlier round's reviewers' totals.
@Suite("Trend β and regression to the mean")
struct RegressionToTheMeanTests {
  /// 40 units: true level t, two reviewers each (totals t ± noise), earlier score their mean, later score
  /// t + 2 + noise (no real convergence).
  static func rounds(reviewed: Bool = true) -> (rounds: [RoundSnapshot], totals: [[Double]]) {
    var stream = TrendUncertaintyTests.Stream(state: 99)
    var first = [UnitSnapshot]()
    var second = [UnitSnapshot]()
    var totals = [[Double]]()
    for index in 0..<40 {
      let level = 55 + 35 * stream.next()
      let ratings = [level + 8 * (stream.next() - 0.5), level + 8 * (stream.next() - 0.5)]
      let earlier = (ratings[0] + ratings[1]) / 2
      var unit = UnitSnapshot.unit("u\(index)", earlier)
      if reviewed {
        unit.reviewers = ["E\(index % 3)", "E\(3 + index % 2)"]
        unit.reviewerTotals = ratings
      }
      totals.append(ratings)
      first.append(unit)
      second.append(.unit("u\(index)", level + 2 + 8 * (stream.next() - 0.5)))
    }
    return ([.trend("R1", first), .trend("R2", second)], totals)
  }

  @Test("r, the noise slope and the corrected slope match a one-way ANOVA and OLS written out here")
  func correctedSlope() {
    let (rounds, totals) = Self.rounds()
    let beta = TrendReport(rounds).beta[0]
    // One-way ANOVA, 40 subjects × 2 ratings: k₀ = 2, ICC(1,k) = (MSB − MSW) / MSB.
    let means = totals.map { ($0[0] + $0[1]) / 2 }
    let grand = means.reduce(0, +) / 40
    let msb = 2 * means.reduce(0) { $0 + ($1 - grand) * ($1 - grand) } / 39
    let msw =
      zip(totals, means).reduce(0) { $0 + ($1.0[0] - $1.1) * ($1.0[0] - $1.1) + ($1.0[1] - $1.1) * ($1.0[1] - $1.1) }
      / 40
    let r = (msb - msw) / msb
    #expect(approximately(beta.r.number ?? -1, r, 1e-9))
    #expect(beta.reliability?.subjects == 40)
    #expect(beta.reliability?.ratersPerSubject == 2)
    // OLS slope of growth on the earlier score.
    let x = rounds[0].units.map(\.score)
    let y = zip(rounds[1].units, rounds[0].units).map { $0.score - $1.score }
    let mx = x.reduce(0, +) / 40
    let my = y.reduce(0, +) / 40
    let slope =
      zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
    #expect(approximately(beta.slope, slope, 1e-9))
    #expect(approximately(beta.noiseSlope.number ?? 0, -(1 - r), 1e-9))
    #expect(approximately(beta.corrected.number ?? 0, (slope + 1 - r) / r, 1e-9))
    // The raw β is pulled below 0 by the noise; the corrected slope is near the true 0.
    #expect(beta.slope < 0)
    #expect(abs(beta.corrected.number ?? 9) < abs(beta.slope))
    // The bootstrap interval holds the estimate, and its width is close to the normal one, 2 × 1.96 SE / r.
    let interval = beta.correctedInterval
    #expect(interval?.contains(beta.corrected.number ?? 9) == true)
    if let interval {
      let normal = 2 * 1.96 * beta.standardError / r
      #expect(abs((interval.upper - interval.lower) - normal) < 0.35 * normal)
    }
    #expect(TrendReport(rounds, options: TrendOptions(seed: 5)).beta[0].correctedInterval != interval)
  }

  @Test("a round without reviews has no reliability: the corrected slope is not defined, β still is")
  func noReviews() {
    let beta = TrendReport(Self.rounds(reviewed: false).rounds).beta[0]
    #expect(beta.verdict != .notDefined)
    #expect(beta.r.reason?.contains("no reviews") == true)
    #expect(beta.corrected.number == nil)
    #expect(beta.correctedInterval == nil)
  }

  @Test("over two recorded rounds the correction is per round: (2β + 1 − r) / (2r)")
  func perRoundCorrection() {
    let (rounds, _) = Self.rounds()
    let middle = RoundSnapshot.trend("M", rounds[0].units.map { .unit($0.id, $0.score + 1) })
    let beta = TrendReport([rounds[0], middle, rounds[1]]).beta.first { $0.from == "R1" && $0.to == "R2" }
    let r = beta?.r.number ?? 0
    #expect(beta?.periods == 2)
    #expect(approximately(beta?.corrected.number ?? 0, (2 * (beta?.slope ?? 0) + 1 - r) / (2 * r), 1e-12))
    #expect(approximately(beta?.noiseSlope.number ?? 0, -(1 - r) / 2, 1e-12))
  }
}
