import Foundation  // exp, log, log1p, lgamma

/// Student's t distribution, through the regularized incomplete beta function.
enum StudentT {
  /// P(T > t) for t ≥ 0 with `degreesOfFreedom` ν > 0: ½ · I_{ν/(ν+t²)}(ν/2, ½).
  static func upperTail(_ t: Double, degreesOfFreedom nu: Double) -> Double {
    guard t > 0 else { return 0.5 }
    guard t.isFinite else { return 0 }
    return 0.5 * IncompleteBeta.regularized(nu / (nu + t * t), a: nu / 2, b: 0.5)
  }

  /// P(T ≤ t).
  static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
    t >= 0 ? 1 - upperTail(t, degreesOfFreedom: nu) : upperTail(-t, degreesOfFreedom: nu)
  }

  /// The p-quantile: the t with P(T ≤ t) = p; −∞ for p ≤ 0 and +∞ for p ≥ 1.
  ///
  /// Solved on the tail beyond the quantile (so p near 1 loses no precision to 1 − p): the upper
  /// bound doubles from 1 until the tail is small enough, then bisection runs until the bracket is
  /// below 1e-12 relative (or stops shrinking).
  static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
    if p <= 0 { return -.infinity }
    if p >= 1 { return .infinity }
    if p == 0.5 { return 0 }
    let tail = p > 0.5 ? 1 - p : p
    let magnitude = upperQuantile(tail: tail, degreesOfFreedom: nu)
    return p > 0.5 ? magnitude : -magnitude
  }

  /// The t ≥ 0 with P(T > t) = `tail`, for 0 < tail < ½.
  private static func upperQuantile(tail: Double, degreesOfFreedom nu: Double) -> Double {
    var low = 0.0
    var high = 1.0
    while upperTail(high, degreesOfFreedom: nu) > tail {
      low = high
      high *= 2
      if !high.isFinite { return .infinity }
    }
    for _ in 0..<200 {
      let middle = (low + high) / 2
      if middle <= low || middle >= high || high - low <= 1e-12 * high { break }
      if upperTail(middle, degreesOfFreedom: nu) > tail { low = middle } else { high = middle }
    }
    return (low + high) / 2
  }
}

/// The regularized incomplete beta function I_x(a, b).
enum IncompleteBeta {
  /// I_x(a, b) for a, b > 0: 0 at x ≤ 0, 1 at x ≥ 1.
  ///
  /// I_x(a, b) = x^a (1 − x)^b / (a B(a, b)) · 1 / (1 + d₁ / (1 + d₂ / (1 + …))) with
  /// d₂ₘ₊₁ = −(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)) and d₂ₘ = m (b − m) x / ((a + 2m − 1)(a + 2m)).
  /// The fraction converges fast for x ≤ (a + 1) / (a + b + 2); above that, I_x(a, b) = 1 − I_{1−x}(b, a).
  static func regularized(_ x: Double, a: Double, b: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let flipped = x > (a + 1) / (a + b + 2)
    let (y, p, q) = flipped ? (1 - x, b, a) : (x, a, b)
    let logBeta = lgamma(p) + lgamma(q) - lgamma(p + q)
    let front = exp(p * log(y) + q * log1p(-y) - logBeta)
    let value = front / (p * continuedFraction(y, a: p, b: q))
    return flipped ? 1 - value : value
  }

  /// 1 + d₁ / (1 + d₂ / (1 + …)), evaluated front to back (modified Lentz): after term j the value is
  /// the product of every factor Cⱼ Dⱼ so far, with Cⱼ = 1 + dⱼ / Cⱼ₋₁ and Dⱼ = 1 / (1 + dⱼ Dⱼ₋₁).
  private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300
    var value = 1.0
    var c = 1.0
    var d = 0.0
    for term in 1...10_000 {
      let m = Double(term / 2)
      let coefficient =
        term % 2 == 1
        ? -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
        : m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
      d = 1 + coefficient * d
      if abs(d) < tiny { d = tiny }
      d = 1 / d
      c = 1 + coefficient / c
      if abs(c) < tiny { c = tiny }
      let factor = c * d
      value *= factor
      if abs(factor - 1) < 1e-15 { break }
    }
    return value
  }
}
