/// σ-convergence: whether the spread of scores narrowed from round to round.
public struct SigmaConvergence: Sendable, Hashable {
  /// The verdict.
  public enum Verdict: String, Sendable, Hashable {
    /// The coefficient of variation fell at every step.
    case converging
    /// It rose at every step.
    case diverging
    /// It moved both ways, or did not move.
    case mixed
    /// Fewer than two rounds, or no round with any spread (`reason` says which).
    case notDefined = "not-defined"
  }
  /// Coefficient of variation per round (the same values as `Dispersion`).
  public var coefficientsOfVariation: [Double]
  /// Last minus first.
  public var change: Double
  /// The verdict.
  public var verdict: Verdict
  /// Why there is no verdict (`verdict == .notDefined`), else `nil`.
  public var reason: String?

  /// Creates a record.
  public init(coefficientsOfVariation: [Double], change: Double, verdict: Verdict, reason: String? = nil) {
    self.coefficientsOfVariation = coefficientsOfVariation
    self.change = change
    self.verdict = verdict
    self.reason = reason
  }
}
