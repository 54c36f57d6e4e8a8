/// A statistic, or the reason it is not defined for the data at hand: reliabilities, and every other figure
/// that can fail for lack of data (the mean of an empty group, a corrected slope without a reliability), so
/// that such figures read the same everywhere (`{"notDefined": reason}` in JSON).
///
/// A `.value` is always finite: where a formula would divide by zero or give NaN
/// (one rater, no variance, fewer than 2 subjects …), the statistic is
/// `.notDefined` with a lowercase reason instead.
public enum ReliabilityValue: Sendable, Hashable {
  /// The statistic; always finite.
  case value(Double)
  /// Why the statistic is not defined, e.g. `fewer than 2 raters have ratings`.
  case notDefined(String)

  /// The statistic, or `nil` when it is not defined.
  public var number: Double? {
    if case .value(let number) = self { return number }
    return nil
  }

  /// `.value(x)` when `x` is finite, else `.notDefined(otherwise)`.
  public static func finite(_ value: Double, otherwise: String) -> ReliabilityValue {
    value.isFinite ? .value(value) : .notDefined(otherwise)
  }

  /// Why the statistic is not defined, or `nil` when it is.
  public var reason: String? {
    if case .notDefined(let reason) = self { return reason }
    return nil
  }
}

// MARK: - Reasons

extension ReliabilityValue {
  static let fewerThanTwoRaters = notDefined("fewer than 2 raters have ratings")
  static let fewerThanTwoSubjects = notDefined("fewer than 2 subjects have ratings")
  static let fewerThanTwoPairableSubjects = notDefined("fewer than 2 subjects have 2 or more ratings")
  static let noRepeatedRatings = notDefined("no subject has 2 or more ratings")
  static let noCompleteBlock = notDefined("fewer than 3 subjects were rated by one common panel of 2 or more raters")
  static let noVariance = notDefined("all ratings are identical (no variance)")
  static let noSubjectVariance = notDefined(
    "the between-subject mean square is too small (zero or negative denominator)")
  static let noSharedSubject = notDefined("the rater shares no subject with another rater")

  /// `numerator ÷ denominator` when the denominator is positive and the quotient finite, else `otherwise`.
  static func ratio(_ numerator: Double, _ denominator: Double, otherwise: ReliabilityValue) -> ReliabilityValue {
    guard denominator > 0 else { return otherwise }
    let quotient = numerator / denominator
    return quotient.isFinite ? .value(quotient) : otherwise
  }
}
