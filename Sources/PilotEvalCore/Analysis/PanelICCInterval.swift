/// The F-based confidence intervals of intraclass correlations (McGraw & Wong 1996, "Forming inferences about
/// some intraclass correlation coefficients", Psychological Methods 1(1), tables 7 and 8).
///
/// Each interval has the single-rating ICC's limits and their Spearman–Brown step-up by k for the mean of k
/// ratings (which is the ICC(·,k) interval of the same tables, rewritten). A limit the formula cannot give
/// (an F quantile of no degrees of freedom, a zero denominator) makes the whole interval `nil`.
enum ICCInterval {
  /// The single-rating and average intervals.
  typealias Pair = (single: ConfidenceInterval, average: ConfidenceInterval)

  /// Case 1, one-way random. With F = MSB / MSW on df₁ = g − 1 and df₂ = N − g, and F_q(a, b) the upper
  /// (1 − level)/2 point of F(a, b):
  ///
  ///     F_L = F / F_q(df₁, df₂)      F_U = F · F_q(df₂, df₁)
  ///     ICC(1,1) ∈ [(F_L − 1) / (F_L + k − 1), (F_U − 1) / (F_U + k − 1)]
  ///     ICC(1,k) ∈ [1 − 1 / F_L, 1 − 1 / F_U]
  ///
  /// For unequal numbers of ratings per subject k is k₀, the usual approximation.
  static func oneWay(
    msb: Double, msw: Double, subjects g: Int, ratings total: Int, k: Double, level: Double
  )
    -> Pair?
  {
    let (df1, df2) = (Double(g - 1), Double(total - g))
    let q = (1 + level) / 2
    guard msw > 0, let upper12 = FDistribution.quantile(q, df1, df2),
      let upper21 = FDistribution.quantile(q, df2, df1)
    else { return nil }
    let f = msb / msw
    let (low, high) = (f / upper12, f * upper21)
    let single = ConfidenceInterval(lower: (low - 1) / (low + k - 1), upper: (high - 1) / (high + k - 1), level: level)
    let average = ConfidenceInterval(lower: 1 - 1 / low, upper: 1 - 1 / high, level: level)
    return finite(single, average)
  }

  /// Case 2A, two-way random, absolute agreement, on n subjects × k raters, with ρ̂ = ICC(A,1) and the mean
  /// squares of rows (MSR), columns (MSC) and error (MSE):
  ///
  ///     a = k ρ̂ / (n (1 − ρ̂))        b = 1 + k ρ̂ (n − 1) / (n (1 − ρ̂))
  ///     v = (a MSC + b MSE)² / ((a MSC)² / (k − 1) + (b MSE)² / ((n − 1)(k − 1)))
  ///     F* = F_q(n − 1, v)           F_* = F_q(v, n − 1)
  ///     lower = n (MSR − F* MSE) / (F* (k MSC + (k n − k − n) MSE) + n MSR)
  ///     upper = n (F_* MSR − MSE) / (k MSC + (k n − k − n) MSE + n F_* MSR)
  ///
  /// and for ICC(A,k) the limits stepped up by Spearman–Brown, L_k = k L / (1 + (k − 1) L).
  static func twoWay(
    icc rho: Double, msr: Double, msc: Double, mse: Double, subjects n: Int, raters k: Int, level: Double
  )
    -> Pair?
  {
    let (nn, kk) = (Double(n), Double(k))
    guard rho < 1 else { return nil }
    let a = kk * rho / (nn * (1 - rho))
    let b = 1 + kk * rho * (nn - 1) / (nn * (1 - rho))
    let numerator = (a * msc + b * mse) * (a * msc + b * mse)
    let denominator = (a * msc) * (a * msc) / (kk - 1) + (b * mse) * (b * mse) / ((nn - 1) * (kk - 1))
    guard denominator > 0 else { return nil }
    let v = numerator / denominator
    let q = (1 + level) / 2
    guard let fStar = FDistribution.quantile(q, nn - 1, v), let fSub = FDistribution.quantile(q, v, nn - 1) else {
      return nil
    }
    let spread = kk * msc + (kk * nn - kk - nn) * mse
    let lower = nn * (msr - fStar * mse) / (fStar * spread + nn * msr)
    let upper = nn * (fSub * msr - mse) / (spread + nn * fSub * msr)
    func stepUp(_ limit: Double) -> Double { 1 + (kk - 1) * limit > 0 ? kk * limit / (1 + (kk - 1) * limit) : .nan }
    return finite(
      ConfidenceInterval(lower: lower, upper: upper, level: level),
      ConfidenceInterval(lower: stepUp(lower), upper: stepUp(upper), level: level))
  }

  /// The pair when all four limits are finite.
  private static func finite(_ single: ConfidenceInterval, _ average: ConfidenceInterval) -> Pair? {
    [single.lower, single.upper, average.lower, average.upper].allSatisfy(\.isFinite) ? (single, average) : nil
  }
}
