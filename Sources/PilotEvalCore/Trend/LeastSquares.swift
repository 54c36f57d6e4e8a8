/// An ordinary least-squares line y = intercept + slope · x.
struct LeastSquaresFit {
  /// Points fitted.
  let count: Int
  /// The slope.
  let slope: Double
  /// The intercept.
  let intercept: Double
  /// The slope's standard error: √(s² / Sxx) with s² = Σ residual² / (n − 2).
  let standardError: Double
  /// R² = Sxy² / (Sxx · Syy); 0 when every y is the same (there is nothing to explain).
  let rSquared: Double

  /// Fits the points (sums in the order given, around the means); `nil` for fewer than three points
  /// (no degree of freedom left for the error) or when every x is the same (no slope).
  init?(x: [Double], y: [Double]) {
    precondition(x.count == y.count, "one y per x")
    let n = x.count
    guard n >= 3 else { return nil }
    let meanX = x.reduce(0, +) / Double(n)
    let meanY = y.reduce(0, +) / Double(n)
    var sxx = 0.0
    var sxy = 0.0
    var syy = 0.0
    for (xi, yi) in zip(x, y) {
      sxx += (xi - meanX) * (xi - meanX)
      sxy += (xi - meanX) * (yi - meanY)
      syy += (yi - meanY) * (yi - meanY)
    }
    guard sxx > 0 else { return nil }
    let slope = sxy / sxx
    let intercept = meanY - slope * meanX
    var residuals = 0.0
    for (xi, yi) in zip(x, y) {
      let residual = yi - intercept - slope * xi
      residuals += residual * residual
    }
    count = n
    self.slope = slope
    self.intercept = intercept
    standardError = (residuals / Double(n - 2) / sxx).squareRoot()
    rSquared = syy > 0 ? min(1, sxy * sxy / (sxx * syy)) : 0
  }
}

extension BetaConvergence {
  /// β-convergence from round `earlier` to round `later` of `table`.
  ///
  /// Over the units scored in both (in id order): x = the earlier score, y = (later − earlier) /
  /// periods, periods = later − earlier index. The interval is slope ± t · SE with t the
  /// (1 + confidence) / 2 quantile of Student's t with n − 2 degrees of freedom (a confidence at or
  /// below 0 gives t = 0; at or above 1, an unbounded interval). Converging when the interval lies
  /// wholly below 0, diverging when wholly above, else inconclusive; not defined, with every figure
  /// 0, for fewer than three units or when every unit had the same earlier score.
  init(_ table: TrendTable, from earlier: Int, to later: Int, confidence: Double) {
    let periods = later - earlier
    var x = [Double]()
    var y = [Double]()
    for unit in table.ids.indices {
      guard let start = table.score(unit, earlier), let end = table.score(unit, later) else { continue }
      x.append(start)
      y.append((end - start) / Double(periods))
    }
    let from = table.rounds[earlier].round
    let to = table.rounds[later].round
    guard let fit = LeastSquaresFit(x: x, y: y) else {
      self.init(
        from: from, to: to, periods: periods, count: x.count, slope: 0, intercept: 0, standardError: 0, lower: 0,
        upper: 0, confidence: confidence, rSquared: 0, verdict: .notDefined)
      return
    }
    let t = max(0, StudentT.quantile((1 + confidence) / 2, degreesOfFreedom: Double(fit.count - 2)))
    let halfWidth = fit.standardError == 0 ? 0 : t * fit.standardError
    let lower = fit.slope - halfWidth
    let upper = fit.slope + halfWidth
    let verdict: Verdict = upper < 0 ? .converging : lower > 0 ? .diverging : .inconclusive
    self.init(
      from: from, to: to, periods: periods, count: fit.count, slope: fit.slope, intercept: fit.intercept,
      standardError: fit.standardError, lower: lower, upper: upper, confidence: confidence, rSquared: fit.rSquared,
      verdict: verdict)
  }
}
