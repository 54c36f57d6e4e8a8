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
