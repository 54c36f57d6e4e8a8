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
  /// (no degree of freedom left for the error) or when the x values have no spread beyond rounding
  /// (`PanelMath.isNearlyConstant`: no slope can be estimated).
  init?(x: [Double], y: [Double]) {
    precondition(x.count == y.count, "one y per x")
    let n = x.count
    guard n >= 3, !PanelMath.isNearlyConstant(x) else { return nil }
    let meanX = PanelMath.mean(x)
    let meanY = PanelMath.mean(y)
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
    rSquared = syy > 0 && !PanelMath.isNearlyConstant(y) ? min(1, sxy * sxy / (sxx * syy)) : 0
  }

  /// Why no line can be fitted to `x`, or `nil` when one can.
  static func obstacle(_ x: [Double]) -> String? {
    if x.count < 3 { return "fewer than 3 units were scored in both rounds" }
    if PanelMath.isNearlyConstant(x) {
      return "every unit had the same earlier score, so there is no spread to regress on"
    }
    return nil
  }
}
