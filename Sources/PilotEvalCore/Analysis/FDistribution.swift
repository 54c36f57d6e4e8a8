/// Snedecor's F distribution, for the confidence intervals of intraclass correlations.
enum FDistribution {
  /// P(F ≤ f) with `d1` and `d2` degrees of freedom (both > 0, not necessarily whole):
  /// I_{d1 f / (d1 f + d2)}(d1/2, d2/2), the regularized incomplete beta function.
  static func cdf(_ f: Double, _ d1: Double, _ d2: Double) -> Double {
    guard f > 0 else { return 0 }
    guard f.isFinite else { return 1 }
    return IncompleteBeta.regularized(d1 * f / (d1 * f + d2), a: d1 / 2, b: d2 / 2)
  }

  /// The `p`-quantile (0 < p < 1) with `d1` and `d2` degrees of freedom: the x solving I_x(d1/2, d2/2) = p,
  /// found by bisection on [0, 1] to the last bit, then f = d2 x / (d1 (1 − x)). `nil` when a degree of freedom
  /// is not positive and finite or `p` is outside (0, 1).
  static func quantile(_ p: Double, _ d1: Double, _ d2: Double) -> Double? {
    guard p > 0, p < 1, d1 > 0, d2 > 0, d1.isFinite, d2.isFinite else { return nil }
    var low = 0.0
    var high = 1.0
    for _ in 0..<1100 {
      let middle = (low + high) / 2
      if middle <= low || middle >= high { break }
      if IncompleteBeta.regularized(middle, a: d1 / 2, b: d2 / 2) < p { low = middle } else { high = middle }
    }
    let x = (low + high) / 2
    guard x < 1 else { return nil }
    let f = d2 * x / (d1 * (1 - x))
    return f.isFinite ? f : nil
  }
}
