/// How far an expert panel agrees: intraclass correlations, Krippendorff's alpha, ranges that need a
/// consensus meeting, and each rater's leniency. Built by `PanelReliability.report(_:rubric:rangeThreshold:)`.
///
/// The ICCs, alpha and rater deviations are computed on each reviewer's total over the criteria that apply
/// to the unit (`RatingMatrix.from(_:criterion:)` with `nil`); the ranges criterion by criterion.
public struct PanelReport: Sendable, Equatable {
  /// The ICC model to quote first: `.twoWay` when the same raters rated every subject, else `.oneWay`.
  public var headline: ICCForm
  /// One sentence saying why `headline` was chosen.
  public var headlineReason: String
  /// ICC(1,1) and ICC(1,k), on every reviewed subject.
  public var oneWay: ICCEstimate
  /// ICC(2,1) and ICC(2,k), on the complete block (`RatingMatrix.completeBlock()`).
  public var twoWay: ICCEstimate
  /// Krippendorff's alpha, interval metric.
  public var alpha: ReliabilityValue
  /// The distinct panels (sets of raters of one subject) among the subjects.
  public var panelCount: Int = 0
  /// The subjects: scorecards with at least one review.
  public var subjects: Int
  /// The raters: distinct reviewer ids.
  public var raters: Int
  /// The ratings: (subject, reviewer) pairs.
  public var ratings: Int
  /// The fraction of a criterion's full points above which a range needs consensus.
  public var rangeThreshold: Double
  /// Each criterion's ranges, in rubric order.
  public var criteria: [CriterionSpread]
  /// Each rater's mean deviation from the rest of the panel, in rater order (UTF-8 bytes).
  public var raterDeviations: [RaterDeviation]

  /// The headline model's estimate.
  public var headlineICC: ICCEstimate { headline == .twoWay ? twoWay : oneWay }
}
