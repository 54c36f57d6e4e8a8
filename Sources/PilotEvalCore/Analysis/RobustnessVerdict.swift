/// How sure it is that a unit holds the top tier under perturbation, allowing for Monte Carlo error.
public enum RobustnessVerdict: String, Sendable, Hashable {
  /// The 95% interval of the top-tier probability lies at or above the robust share.
  case robust
  /// The interval contains the robust share: more draws or another seed could tip it either way.
  case borderline
  /// The interval lies below the robust share.
  case notRobust = "not-robust"
}
