/// The comparison of several rounds: who moved, whether the gap is closing, and whether
/// learning from exemplars went with faster improvement.
///
/// Built by `TrendReport(_:options:)` from rounds in chronological order.
public struct TrendReport: Sendable, Hashable {
  /// The scale every score in the report is on.
  public enum Basis: String, Sendable, Hashable {
    /// Points, when every round's rubric has the same total.
    case points
    /// Percent of the rubric total, when totals differ between rounds.
    case percent
  }

  /// The options used.
  public var options: TrendOptions
  /// Round ids, in the order given (chronological).
  public var rounds: [String]
  /// The scale of every score, change and dispersion figure below.
  public var basis: Basis
  /// What changed in the rubric between consecutive rounds (one entry per pair, also when nothing changed).
  public var rubricChanges: [RubricChange]
  /// Every unit seen in any round, ordered by id (byte order).
  public var units: [UnitTrend]
  /// Indexes into `units` of the most improved (first to last round they appear in), largest change first.
  public var mostImproved: [Int]
  /// Indexes into `units` of laggards (in the two lowest tiers, or vetoed, in their first round) that
  /// improved by less than `options.stallThreshold`, smallest change first.
  public var stalledLaggards: [Int]
  /// Tier migration between consecutive rounds, and from the first round to the last (last entry,
  /// when there are three or more rounds).
  public var migrations: [TierMigration]
  /// Dispersion of scores in each round.
  public var dispersion: [Dispersion]
  /// Whether dispersion fell across rounds.
  public var sigma: SigmaConvergence
  /// Growth regressed on the initial score, for each consecutive pair, then first to last (when three
  /// or more rounds).
  public var beta: [BetaConvergence]
  /// Improvement of units that had learning partners against comparable units that had none, for
  /// each consecutive pair.
  public var partnerEffects: [PartnerEffect]

  /// Creates a report from its parts (the analysis uses `init(_:options:)`).
  public init(
    options: TrendOptions, rounds: [String], basis: Basis, rubricChanges: [RubricChange], units: [UnitTrend],
    mostImproved: [Int], stalledLaggards: [Int], migrations: [TierMigration], dispersion: [Dispersion],
    sigma: SigmaConvergence, beta: [BetaConvergence], partnerEffects: [PartnerEffect]
  ) {
    self.options = options
    self.rounds = rounds
    self.basis = basis
    self.rubricChanges = rubricChanges
    self.units = units
    self.mostImproved = mostImproved
    self.stalledLaggards = stalledLaggards
    self.migrations = migrations
    self.dispersion = dispersion
    self.sigma = sigma
    self.beta = beta
    self.partnerEffects = partnerEffects
  }
}
