/// How good a plan is as an experimental design.
public struct AssignmentQuality: Sendable, Hashable {
  /// An expert and the number of units they review.
  public struct Load: Sendable, Hashable {
    /// The expert id.
    public var expert: String
    /// Units assigned (reviewed ones included).
    public var units: Int
  }

  /// A complete block for ICC(2): every rater rated every subject.
  public struct CompleteBlock: Sendable, Hashable {
    /// The raters (expert ids, in byte order), at least 2.
    public var raters: [String]
    /// The subjects (unit ids, in byte order), at least 3.
    public var subjects: [String]
    /// Whether the block is the largest there is (`true`), or the best a greedy search found because
    /// the exact search would have been too large.
    public var exact: Bool

    /// Ratings in the block: raters × subjects.
    public var ratings: Int { raters.count * subjects.count }
  }

  /// Each expert's load, in expert id order.
  public var loads: [Load]
  /// Pairs of experts: n(n − 1)/2.
  public var expertPairs: Int
  /// Pairs of experts who review at least one unit together.
  public var pairsSharing: Int
  /// Pairs of experts who could review some unit together under 回避: an upper bound for `pairsSharing`.
  public var pairsPossible: Int
  /// Groups of experts linked through shared units; 1 means the design is connected.
  public var groups: Int
  /// The largest complete block (raters × subjects with every rating present, ≥ 2 raters, ≥ 3 subjects),
  /// largest by ratings, then subjects; `nil` when there is none.
  public var completeBlock: CompleteBlock?

  /// The share of expert pairs who review at least one unit together, or `nil` with fewer than 2 experts.
  public var pairShare: Double? {
    expertPairs > 0 ? Double(pairsSharing) / Double(expertPairs) : nil
  }

  /// The smallest load (0 without experts).
  public var lowestLoad: Int { loads.map(\.units).min() ?? 0 }
  /// The largest load (0 without experts).
  public var highestLoad: Int { loads.map(\.units).max() ?? 0 }
  /// Whether every two experts are linked through a chain of shared units.
  public var isConnected: Bool { groups <= 1 }
}
