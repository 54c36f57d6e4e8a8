import PilotEvalCore
import Testing

/// Dispersion of one round's scores: mean, population SD, CV, Gini and Theil T with its split into
/// between- and within-region parts.
///
/// Expected values are worked by hand in the comments.
@Suite("Trend dispersion")
struct DispersionTests {
  /// The dispersion of a single round of `units`.
  private func dispersion(_ units: [UnitSnapshot]) -> Dispersion {
    TrendReport([.trend("R1", units)]).dispersion[0]
  }

  @Test("[1, 2, 3, 4]: mean 2.5, SD √1.25, CV √1.25 / 2.5, Gini 0.25")
  func oneToFour() {
    // SD: deviations ±1.5, ±0.5 → (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25.
    // Gini: Σᵢ Σⱼ |xᵢ − xⱼ| = 2 × (1 + 2 + 3 + 1 + 2 + 1) = 20; mean difference 20 / 16 = 1.25;
    // 1.25 / (2 × 2.5) = 0.25.
    let result = dispersion([.unit("d", 4), .unit("b", 2), .unit("a", 1), .unit("c", 3)])
    #expect(result.round == "R1")
    #expect(result.count == 4)
    #expect(result.mean == 2.5)
    #expect(approximately(result.standardDeviation, 1.25.squareRoot()))
    #expect(approximately(result.coefficientOfVariation, 1.25.squareRoot() / 2.5))
    #expect(approximately(result.gini, 0.25))
  }

  @Test("two regions: Theil T = 0.100237, between 0.056633 + within 0.043604; groups in byte order")
  func theilByHand() {
    // 湖南 20, 60 (mean 40); 广西 80, 80 (mean 80); overall mean 60.
    // Shares y/μ: 1/3, 1, 4/3, 4/3 → T = ¼ [⅓ ln ⅓ + 0 + 2 × 4/3 ln 4/3]
    //   = ¼ [−0.366204 + 0.767152] = 0.100237.
    // T(湖南): shares ½, 3/2 → ½ [½ ln ½ + 3/2 ln 3/2] = ½ [−0.346574 + 0.608198] = 0.130812; T(广西) = 0.
    // Between = ½ · ⅔ ln ⅔ + ½ · 4/3 ln 4/3 = −0.135155 + 0.191788 = 0.056633.
    // Within = ½ · ⅔ · 0.130812 + ½ · 4/3 · 0 = 0.043604.
    // 广 (E5 B9 BF) comes before 湖 (E6 B9 96).
    let result = dispersion([
      .unit("A", 20, region: "湖南"), .unit("B", 60, region: "湖南"), .unit("C", 80, region: "广西"),
      .unit("D", 80, region: "广西"),
    ])
    #expect(approximately(result.theil, 0.100_237_024, 1e-8))
    #expect(approximately(result.theilBetween, 0.056_633_012, 1e-8))
    #expect(approximately(result.theilWithin, 0.043_604_012, 1e-8))
    #expect(result.groups.map(\.region) == ["广西", "湖南"])
    #expect(result.groups.map(\.count) == [2, 2])
    #expect(result.groups.map(\.mean) == [80, 40])
    #expect(approximately(result.groups[0].theil, 0))
    #expect(approximately(result.groups[1].theil, 0.130_812_036, 1e-8))
  }

  @Test("a unit scoring 0 adds 0 · ln 0 = 0 to the Theil index")
  func zeroScore() {
    // [0, 10]: mean 5, shares 0 and 2 → T = ½ (0 + 2 ln 2) = ln 2. Gini: 2 × 10 / 4 / (2 × 5) = 0.5.
    let result = dispersion([.unit("a", 0), .unit("b", 10)])
    #expect(approximately(result.theil, 0.693_147_180_559_945, 1e-12))
    #expect(approximately(result.gini, 0.5))
    #expect(approximately(result.theilBetween + result.theilWithin, result.theil, 1e-12))
  }

  @Test("every score equal: SD, CV, Gini and Theil are 0; a mean of 0 gives CV 0, not a division by 0")
  func noSpread() {
    let equal = dispersion([.unit("a", 70), .unit("b", 70), .unit("c", 70)])
    #expect([equal.standardDeviation, equal.coefficientOfVariation, equal.gini, equal.theil] == [0, 0, 0, 0])
    let zeros = dispersion([.unit("a", 0), .unit("b", 0)])
    #expect(zeros.mean == 0)
    #expect(
      [zeros.coefficientOfVariation, zeros.gini, zeros.theil, zeros.theilBetween, zeros.theilWithin] == [0, 0, 0, 0, 0])
  }

  @Test("one unit has Gini 0; a round with no units is all zeros with no groups")
  func degenerate() {
    let single = dispersion([.unit("a", 55, region: "x")])
    #expect(single.gini == 0)
    #expect(single.theil == 0)
    #expect(single.groups == [Dispersion.Group(region: "x", count: 1, mean: 55, theil: 0)])
    let empty = dispersion([])
    #expect(empty.count == 0)
    #expect(empty.mean == 0)
    #expect(empty.groups.isEmpty)
  }

  @Test("between + within equals the Theil index to 1e-12, and the fast Gini equals the O(n²) definition")
  func decompositionOnPseudoRandomData() {
    // 300 scores from a fixed linear congruential generator, some of them 0, in five regions ("" included).
    var state: UInt64 = 20_250_601
    func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
    let regions = ["", "广西", "湖南", "江苏", "R9"]
    var units = [UnitSnapshot]()
    for index in 0..<300 {
      let draw = next()
      let score = draw < 0.05 ? 0 : (next() * 100 * 100).rounded() / 100
      units.append(.unit("U\(index)", score, region: regions[Int(next() * 5)]))
    }
    let result = dispersion(units)
    #expect(abs(result.theilBetween + result.theilWithin - result.theil) < 1e-12)
    #expect(result.groups.map(\.count).reduce(0, +) == 300)
    #expect(result.groups.map(\.region) == ["", "R9", "广西", "江苏", "湖南"])
    let scores = units.map(\.score)
    let pairs = scores.reduce(0.0) { sum, a in sum + scores.reduce(0.0) { $0 + abs(a - $1) } }
    let mean = scores.reduce(0, +) / 300
    #expect(abs(result.gini - pairs / (300 * 300) / (2 * mean)) < 1e-12)
  }

  @Test("the regions are the ones units give in that round, even when they later move")
  func regionOfTheRound() {
    let rounds: [RoundSnapshot] = [
      .trend("R1", [.unit("a", 50, region: "x"), .unit("b", 70, region: "x")]),
      .trend("R2", [.unit("a", 60, region: "y"), .unit("b", 70, region: "x")]),
    ]
    let report = TrendReport(rounds)
    #expect(report.dispersion.map { $0.groups.map(\.region) } == [["x"], ["x", "y"]])
    #expect(report.units[0].region == "y")
  }
}
