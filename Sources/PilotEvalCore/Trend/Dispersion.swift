/// Dispersion of one round's scores.
public struct Dispersion: Sendable, Hashable {
  /// One region's part of the Theil index.
  public struct Group: Sendable, Hashable {
    /// The region ("" when not given).
    public var region: String
    /// Units in the region.
    public var count: Int
    /// Mean score.
    public var mean: Double
    /// The Theil index within the region.
    public var theil: Double
    /// Creates a group.
    public init(region: String, count: Int, mean: Double, theil: Double) {
      self.region = region
      self.count = count
      self.mean = mean
      self.theil = theil
    }
  }
  /// The round.
  public var round: String
  /// Units scored.
  public var count: Int
  /// Mean score.
  public var mean: Double
  /// Population standard deviation.
  public var standardDeviation: Double
  /// Standard deviation over the mean (0 when the mean is 0).
  public var coefficientOfVariation: Double
  /// The Gini coefficient (0 = every unit equal).
  public var gini: Double
  /// The Theil T index.
  public var theil: Double
  /// The between-region part of the Theil index.
  public var theilBetween: Double
  /// The within-region part (`theilBetween + theilWithin == theil`).
  public var theilWithin: Double
  /// Each region, in byte order of the region name.
  public var groups: [Group]

  /// Creates a dispersion record.
  public init(
    round: String, count: Int, mean: Double, standardDeviation: Double, coefficientOfVariation: Double, gini: Double,
    theil: Double, theilBetween: Double, theilWithin: Double, groups: [Group]
  ) {
    self.round = round
    self.count = count
    self.mean = mean
    self.standardDeviation = standardDeviation
    self.coefficientOfVariation = coefficientOfVariation
    self.gini = gini
    self.theil = theil
    self.theilBetween = theilBetween
    self.theilWithin = theilWithin
    self.groups = groups
  }
}
