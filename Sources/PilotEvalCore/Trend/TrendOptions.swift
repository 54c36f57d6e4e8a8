/// What the comparison of rounds is asked to do.
public struct TrendOptions: Sendable, Hashable {
  /// How many units the "most improved" list names.
  public var mostImproved: Int
  /// A laggard whose score rose by less than this many points (on the report's basis) has stalled.
  public var stallThreshold: Double
  /// Confidence level of every interval (β slope, corrected slope, partner effect).
  public var confidence: Double
  /// The seed of the bootstrap resamples (corrected β slope, partner effect).
  public var seed: UInt64
  /// Bootstrap resamples per interval.
  public var resamples: Int

  /// Creates options; every default is the one the documentation states.
  public init(
    mostImproved: Int = 10, stallThreshold: Double = 2, confidence: Double = 0.95, seed: UInt64 = 1,
    resamples: Int = 2000
  ) {
    self.mostImproved = mostImproved
    self.stallThreshold = stallThreshold
    self.confidence = confidence
    self.seed = seed
    self.resamples = max(1, resamples)
  }
}
