// MARK: - Krippendorff's alpha

extension RatingMatrix {
  /// Krippendorff's alpha for interval data, with missing ratings.
  ///
  /// Only subjects with 2 or more ratings (pairable values) count; a subject rated once is ignored, and with
  /// fewer than 2 such subjects alpha is not defined.
  /// With m_u ratings of subject u and n = Σ m_u pairable values, in the coincidence-matrix formulation
  /// (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"), δ²(a, b) = (a − b)²:
  ///
  ///     D_o = (1/n) Σ_u 1/(m_u − 1) Σ_{i≠j in u} (x_i − x_j)²       observed disagreement
  ///     D_e = 1/(n(n − 1)) Σ_{i≠j over all n values} (x_i − x_j)²  expected disagreement
  ///     α   = 1 − D_o / D_e
  ///
  /// The sums run over ordered pairs; since Σ_{i≠j} (x_i − x_j)² = 2m Σ (x_i − x̄)² for m values, they are
  /// computed as D_o = (2/n) Σ_u m_u SS_u / (m_u − 1) and D_e = 2 SS / (n − 1), SS being sums of squared
  /// deviations from the mean (of the subject, or of all pairable values).
  public func krippendorffAlpha() -> ReliabilityValue {
    guard activeRaters >= 2 else { return .fewerThanTwoRaters }
    let units = subjects.indices.map(values(of:)).filter { $0.count >= 2 }
    guard !units.isEmpty else { return .noRepeatedRatings }
    // One subject leaves nothing to tell agreement from chance: D_e is then the same disagreement as D_o.
    guard units.count >= 2 else { return .fewerThanTwoPairableSubjects }
    let pairable = units.joined()
    guard !PanelMath.isConstant(pairable) else { return .noVariance }
    let n = Double(pairable.count)
    let observed =
      2 / n
      * units.reduce(0) { sum, unit in
        let m = Double(unit.count)
        return sum + m * PanelMath.squaredDeviations(unit) / (m - 1)
      }
    let expected = 2 * PanelMath.squaredDeviations(Array(pairable)) / (n - 1)
    guard expected > 0 else { return .noVariance }
    let alpha = 1 - observed / expected
    return alpha.isFinite ? .value(alpha) : .noVariance
  }
}
