import Testing

@testable import PilotEvalCore

@Suite("F distribution")
struct FDistributionTests {
  @Test("quantiles match scipy.stats.f.ppf (scipy 1.14.1), non-integer degrees of freedom included")
  func quantiles() {
    let cases: [(Double, Double, Double, Double)] = [
      (0.975, 5, 18, 3.381967805875243), (0.975, 18, 5, 6.361883204654353), (0.95, 7, 7.5, 3.631366025824391),
      (0.975, 40, 1000, 1.499346277777588),
    ]
    for (q, d1, d2, expected) in cases {
      let value = FDistribution.quantile(q, d1, d2)
      #expect(value.map { abs($0 - expected) <= 1e-9 * expected } == true, "F(\(q); \(d1), \(d2))")
    }
  }

  @Test("F(1, 1) has median 1, and degenerate arguments give no quantile")
  func edges() {
    #expect(FDistribution.quantile(0.5, 1, 1).map { abs($0 - 1) < 1e-9 } == true)
    #expect(FDistribution.quantile(0, 3, 4) == nil)
    #expect(FDistribution.quantile(0.9, 0, 4) == nil)
    #expect(FDistribution.quantile(0.9, 3, .infinity) == nil)
  }
}
