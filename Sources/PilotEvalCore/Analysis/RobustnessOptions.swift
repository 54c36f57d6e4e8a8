/// Settings of a robustness analysis (`Robustness.analyse(_:rubric:options:jobs:)`).
public struct RobustnessOptions: Sendable, Hashable {
  /// How many perturbed scorings to run (at least 1).
  public var draws = 1000
  /// The seed of the pseudo-random streams: the same seed gives the same report on every platform.
  public var seed: UInt64 = 1
  /// How far a top-level section's weight may move: its factor is drawn from Uniform[1 − noise, 1 + noise]
  /// (0 ≤ noise < 1; 0 keeps the rubric's weights).
  public var weightNoise = 0.20
  /// Whether to bootstrap each unit's reviewers (units with two or more accepted reviews).
  public var resampleReviewers = true

  /// Creates options; the defaults are 1,000 draws, seed 1, ±20% weight noise and resampled reviewers.
  public init(draws: Int = 1000, seed: UInt64 = 1, weightNoise: Double = 0.20, resampleReviewers: Bool = true) {
    self.draws = draws
    self.seed = seed
    self.weightNoise = weightNoise
    self.resampleReviewers = resampleReviewers
  }
}
