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
