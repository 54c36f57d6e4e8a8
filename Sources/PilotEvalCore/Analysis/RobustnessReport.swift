/// The result of a robustness analysis: each unit's rank interval and top-tier probability.
public struct RobustnessReport: Sendable, Hashable {
  /// The options the analysis ran with.
  public var options: RobustnessOptions
  /// One result per scorecard, in the order of the scorecards given.
  public var units: [UnitRobustness]
  /// One sentence stating the draws, the seed, the weight noise and whether reviewers were resampled.
  public var description: String
}
