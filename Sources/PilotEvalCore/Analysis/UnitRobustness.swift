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
