/// A two-sided confidence interval: the range a statistic's true value lies in with probability `level`
/// under the method's assumptions.
public struct ConfidenceInterval: Sendable, Hashable {
  /// The lower end.
  public var lower: Double
  /// The upper end.
  public var upper: Double
  /// The confidence level, e.g. `0.95`.
  public var level: Double

  /// Creates an interval.
  public init(lower: Double, upper: Double, level: Double) {
    self.lower = lower
    self.upper = upper
    self.level = level
  }

  /// Whether `value` lies inside the interval, ends included.
  public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }
}
