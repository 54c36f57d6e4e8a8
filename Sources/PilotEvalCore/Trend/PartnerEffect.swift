/// Did 以先带后 work: the improvement of units that had learning partners in the earlier round against
/// comparable units (same starting tier and the same region, else the same level) that had none.
/// This is an observational comparison, not an experiment: units were not paired at random.
public struct PartnerEffect: Sendable, Hashable {
  /// A group's size and mean improvement.
  public struct Group: Sendable, Hashable {
    /// Units in the group.
    public var count: Int
    /// Mean improvement (0 when the group is empty: read `mean` for a figure that says so).
    public var meanImprovement: Double
    /// Creates a group.
    public init(count: Int, meanImprovement: Double) {
      self.count = count
      self.meanImprovement = meanImprovement
    }
    /// The mean improvement, not defined for an empty group.
    public var mean: ReliabilityValue {
      count > 0 ? .finite(meanImprovement, otherwise: "the mean is not finite") : .notDefined("no unit in the group")
    }
  }
  /// One stratum of comparable units.
  public struct Stratum: Sendable, Hashable {
    /// The starting tier.
    public var tier: String
    /// `region` or `level`: what else the units share.
    public var cohort: String
    /// The region or level.
    public var value: String
    /// Units with partners.
    public var paired: Group
    /// Units without.
    public var unpaired: Group
    /// Creates a stratum.
    public init(tier: String, cohort: String, value: String, paired: Group, unpaired: Group) {
      self.tier = tier
      self.cohort = cohort
      self.value = value
      self.paired = paired
      self.unpaired = unpaired
    }
  }
  /// The earlier round.
  public var from: String
  /// The later round.
  public var to: String
  /// Whether the earlier round's partners were recommended or arranged.
  public var source: PairingSource
  /// Every unit scored in both rounds that had partners (exemplars excluded).
  public var paired: Group
  /// Every unit scored in both rounds that had none (exemplars excluded).
  public var unpaired: Group
  /// Strata holding both kinds of unit, in byte order of tier, cohort, value.
  public var strata: [Stratum]
  /// Units with partners that had no comparable unit without (left out of `difference`).
  public var unmatched: Int
  /// Σ over strata of (paired mean − unpaired mean) × paired count / Σ paired count; `nil` when no
  /// stratum holds both kinds.
  public var difference: Double?
  /// The percentile-bootstrap interval of `difference` (units resampled within their stratum and group),
  /// `nil` when `difference` is.
  public var differenceInterval: ConfidenceInterval?

  /// Strata in which the units with partners or those without are a single unit: resampling cannot vary
  /// that group, so with many such strata `differenceInterval` understates the uncertainty.
  public var singletonStrata: Int {
    strata.filter { $0.paired.count == 1 || $0.unpaired.count == 1 }.count
  }

  /// `difference`, or why it is not defined.
  public var differenceValue: ReliabilityValue {
    difference.map { .finite($0, otherwise: "the difference is not finite") }
      ?? .notDefined("no group of comparable units holds both units with and without partners")
  }

  /// Creates a record.
  public init(
    from: String, to: String, source: PairingSource, paired: Group, unpaired: Group, strata: [Stratum],
    unmatched: Int, difference: Double?, differenceInterval: ConfidenceInterval? = nil
  ) {
    self.from = from
    self.to = to
    self.source = source
    self.paired = paired
    self.unpaired = unpaired
    self.strata = strata
    self.unmatched = unmatched
    self.difference = difference
    self.differenceInterval = differenceInterval
  }
}
