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

/// How firmly one unit holds its place when weights and reviewers are perturbed.
public struct UnitRobustness: Sendable, Hashable {
  /// The unit id.
  public var unit: String
  /// The median of the unit's ranks over the draws; of an even number of draws, the mean of the middle two.
  public var medianRank: Double
  /// The 5th percentile of the unit's ranks (nearest rank: the ⌈0.05 · draws⌉-th smallest).
  public var rank5: Int
  /// The 95th percentile of the unit's ranks (nearest rank: the ⌈0.95 · draws⌉-th smallest).
  public var rank95: Int
  /// The share of draws in which the unit reaches the rubric's top tier.
  public var topTierProbability: Double
  /// The draws behind `topTierProbability`.
  public var draws: Int

  /// Creates a unit's result.
  public init(unit: String, medianRank: Double, rank5: Int, rank95: Int, topTierProbability: Double, draws: Int) {
    self.unit = unit
    self.medianRank = medianRank
    self.rank5 = rank5
    self.rank95 = rank95
    self.topTierProbability = topTierProbability
    self.draws = draws
  }

  /// The Monte Carlo standard error of `topTierProbability`, √(p (1 − p) / draws): how far another seed could
  /// move it.
  public var topTierStandardError: Double {
    draws > 0 ? (topTierProbability * (1 - topTierProbability) / Double(draws)).squareRoot() : 0
  }

  /// Whether the unit reaches the top tier in at least `share` of all possible draws, given the Monte Carlo
  /// error: robust when p − 1.96 SE ≥ share, borderline when the interval p ± 1.96 SE contains it, else not.
  public func verdict(robustShare share: Double) -> RobustnessVerdict {
    let margin = 1.959_963_984_540_054 * topTierStandardError
    if topTierProbability - margin >= share - scoringEpsilon { return .robust }
    if topTierProbability + margin >= share - scoringEpsilon { return .borderline }
    return .notRobust
  }
}

/// How sure it is that a unit holds the top tier under perturbation, allowing for Monte Carlo error.
public enum RobustnessVerdict: String, Sendable, Hashable {
  /// The 95% interval of the top-tier probability lies at or above the robust share.
  case robust
  /// The interval contains the robust share: more draws or another seed could tip it either way.
  case borderline
  /// The interval lies below the robust share.
  case notRobust = "not-robust"
}

/// The result of a robustness analysis: each unit's rank interval and top-tier probability.
public struct RobustnessReport: Sendable, Hashable {
  /// The options the analysis ran with.
  public var options: RobustnessOptions
  /// One result per scorecard, in the order of the scorecards given.
  public var units: [UnitRobustness]
  /// One sentence stating the draws, the seed, the weight noise and whether reviewers were resampled.
  public var description: String
}
