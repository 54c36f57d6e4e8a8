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

/// What changed in the rubric from one round to the next. Criteria are matched by id.
public struct RubricChange: Sendable, Hashable {
  /// A criterion whose full points changed.
  public struct Repointed: Sendable, Hashable {
    /// The criterion id.
    public var id: String
    /// Points in the earlier round.
    public var from: Double
    /// Points in the later round.
    public var to: Double
    /// Creates an entry.
    public init(id: String, from: Double, to: Double) {
      self.id = id
      self.from = from
      self.to = to
    }
  }
  /// The earlier round.
  public var from: String
  /// The later round.
  public var to: String
  /// Rubric id and version in the earlier round (`id version`).
  public var fromRubric: String
  /// Rubric id and version in the later round.
  public var toRubric: String
  /// Criteria only in the later round, in its document order.
  public var added: [String]
  /// Criteria only in the earlier round, in its document order.
  public var removed: [String]
  /// Criteria in both whose points changed, in the later round's order.
  public var repointed: [Repointed]
  /// The earlier round's total.
  public var fromTotal: Double
  /// The later round's total.
  public var toTotal: Double
  /// Whether tier ids or minimums differ.
  public var tiersChanged: Bool

  /// Whether nothing that matters for comparison changed.
  public var isUnchanged: Bool {
    added.isEmpty && removed.isEmpty && repointed.isEmpty && fromTotal == toTotal && !tiersChanged
  }

  /// Creates a change record.
  public init(
    from: String, to: String, fromRubric: String, toRubric: String, added: [String], removed: [String],
    repointed: [Repointed], fromTotal: Double, toTotal: Double, tiersChanged: Bool
  ) {
    self.from = from
    self.to = to
    self.fromRubric = fromRubric
    self.toRubric = toRubric
    self.added = added
    self.removed = removed
    self.repointed = repointed
    self.fromTotal = fromTotal
    self.toTotal = toTotal
    self.tiersChanged = tiersChanged
  }
}

/// One unit across the rounds. Arrays have one entry per round; `nil` where the unit has no scorecard.
public struct UnitTrend: Sendable, Hashable {
  /// The unit id.
  public var id: String
  /// The name in the latest round the unit appears in.
  public var name: String
  /// The region in the latest round the unit appears in.
  public var region: String
  /// The level in the latest round the unit appears in.
  public var level: String
  /// Scores on the report's basis.
  public var scores: [Double?]
  /// Overall ranks.
  public var ranks: [Int?]
  /// Tier ids (or `vetoed`).
  public var tiers: [String?]
  /// Whether the unit had learning partners in each round.
  public var hadPartners: [Bool?]
  /// Whether the unit was an exemplar in each round.
  public var exemplar: [Bool?]

  /// Creates a unit trend.
  public init(
    id: String, name: String, region: String, level: String, scores: [Double?], ranks: [Int?], tiers: [String?],
    hadPartners: [Bool?], exemplar: [Bool?]
  ) {
    self.id = id
    self.name = name
    self.region = region
    self.level = level
    self.scores = scores
    self.ranks = ranks
    self.tiers = tiers
    self.hadPartners = hadPartners
    self.exemplar = exemplar
  }

  /// Score change from the first round the unit appears in to the last (`nil` when it appears once).
  public var change: Double? {
    let present = scores.compactMap { $0 }
    guard present.count >= 2, let first = present.first, let last = present.last else { return nil }
    return last - first
  }

  /// Rank change from the first round the unit appears in to the last, positive = moved up
  /// (`nil` when it appears once).
  public var rankChange: Int? {
    let present = ranks.compactMap { $0 }
    guard present.count >= 2, let first = present.first, let last = present.last else { return nil }
    return first - last
  }
}

/// How many units moved from each tier to each tier between two rounds.
public struct TierMigration: Sendable, Hashable {
  /// The earlier round.
  public var from: String
  /// The later round.
  public var to: String
  /// Row and column labels: the later round's tier ids highest first, then `vetoed`.
  public var tiers: [String]
  /// `counts[i][j]`: units in `tiers[i]` in the earlier round and `tiers[j]` in the later one.
  public var counts: [[Int]]
  /// Units scored in the earlier round only.
  public var left: Int
  /// Units scored in the later round only.
  public var entered: Int

  /// Creates a migration matrix.
  public init(from: String, to: String, tiers: [String], counts: [[Int]], left: Int, entered: Int) {
    self.from = from
    self.to = to
    self.tiers = tiers
    self.counts = counts
    self.left = left
    self.entered = entered
  }

  /// Units that moved to a higher tier (vetoed counts as the lowest).
  public var movedUp: Int {
    var total = 0
    for i in counts.indices { for j in counts[i].indices where j < i { total += counts[i][j] } }
    return total
  }

  /// Units that moved to a lower tier.
  public var movedDown: Int {
    var total = 0
    for i in counts.indices { for j in counts[i].indices where j > i { total += counts[i][j] } }
    return total
  }
}

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

/// σ-convergence: whether the spread of scores narrowed from round to round.
public struct SigmaConvergence: Sendable, Hashable {
  /// The verdict.
  public enum Verdict: String, Sendable, Hashable {
    /// The coefficient of variation fell at every step.
    case converging
    /// It rose at every step.
    case diverging
    /// It moved both ways, or did not move.
    case mixed
    /// Fewer than two rounds, or no round with any spread (`reason` says which).
    case notDefined = "not-defined"
  }
  /// Coefficient of variation per round (the same values as `Dispersion`).
  public var coefficientsOfVariation: [Double]
  /// Last minus first.
  public var change: Double
  /// The verdict.
  public var verdict: Verdict
  /// Why there is no verdict (`verdict == .notDefined`), else `nil`.
  public var reason: String?

  /// Creates a record.
  public init(coefficientsOfVariation: [Double], change: Double, verdict: Verdict, reason: String? = nil) {
    self.coefficientsOfVariation = coefficientsOfVariation
    self.change = change
    self.verdict = verdict
    self.reason = reason
  }
}
