/// β-convergence between two rounds: ordinary least squares of growth (later score − earlier score,
/// per round elapsed) on the earlier score, over units scored in both. A negative slope means
/// laggards grew faster — or that the earlier scores were measured with noise (regression to the mean):
/// every entry carries the earlier round's reliability r and the slope corrected for it.
public struct BetaConvergence: Sendable, Hashable {
  /// The verdict.
  public enum Verdict: String, Sendable, Hashable {
    /// The whole interval is below 0.
    case converging
    /// The whole interval is above 0.
    case diverging
    /// The interval contains 0.
    case inconclusive
    /// Fewer than three units, or every unit had the same earlier score (`reason` says which).
    case notDefined = "not-defined"
  }
  /// The earlier round.
  public var from: String
  /// The later round.
  public var to: String
  /// Recorded rounds elapsed from `from` to `to` (growth is divided by it): the difference of their
  /// positions in the recording order, whichever rounds the comparison was given.
  public var periods: Int
  /// Units scored in both rounds.
  public var count: Int
  /// The slope β (growth per round per point of earlier score); 0 when not defined.
  public var slope: Double
  /// The intercept.
  public var intercept: Double
  /// The slope's standard error.
  public var standardError: Double
  /// Lower end of the slope's confidence interval (Student's t, n − 2 degrees of freedom).
  public var lower: Double
  /// Upper end.
  public var upper: Double
  /// The confidence level used.
  public var confidence: Double
  /// R² of the fit.
  public var rSquared: Double
  /// The verdict.
  public var verdict: Verdict
  /// Why the slope is not defined (`verdict == .notDefined`), else `nil`.
  public var reason: String?
  /// The reliability of the earlier round's verified scores, ICC(1,k₀) of its reviewers' totals, with the
  /// subjects, raters and k₀ it rests on; `nil` when the earlier round holds no reviewers' totals.
  public var reliability: ICCEstimate?
  /// r: `reliability`'s ICC(1,k₀), or why it is not known.
  public var r: ReliabilityValue
  /// The slope measurement noise alone produces with reliability r and no real change: −(1 − r) / periods.
  public var noiseSlope: ReliabilityValue
  /// The slope corrected for regression to the mean, per round: (periods · β + 1 − r) / (r · periods).
  public var corrected: ReliabilityValue
  /// The corrected slope's percentile-bootstrap interval over units (r held at its estimate), `nil` when the
  /// corrected slope is not defined.
  public var correctedInterval: ConfidenceInterval?

  /// Creates a record.
  public init(
    from: String, to: String, periods: Int, count: Int, slope: Double, intercept: Double, standardError: Double,
    lower: Double, upper: Double, confidence: Double, rSquared: Double, verdict: Verdict, reason: String? = nil,
    reliability: ICCEstimate? = nil, r: ReliabilityValue = .notDefined("not computed"),
    noiseSlope: ReliabilityValue = .notDefined("not computed"),
    corrected: ReliabilityValue = .notDefined("not computed"), correctedInterval: ConfidenceInterval? = nil
  ) {
    self.from = from
    self.to = to
    self.periods = periods
    self.count = count
    self.slope = slope
    self.intercept = intercept
    self.standardError = standardError
    self.lower = lower
    self.upper = upper
    self.confidence = confidence
    self.rSquared = rSquared
    self.verdict = verdict
    self.reason = reason
    self.reliability = reliability
    self.r = r
    self.noiseSlope = noiseSlope
    self.corrected = corrected
    self.correctedInterval = correctedInterval
  }
}
