/// One unit given to one expert.
public struct ReviewAssignment: Sendable, Hashable {
  /// The unit id.
  public var unit: String
  /// The expert id.
  public var reviewer: String

  /// An assignment.
  public init(unit: String, reviewer: String) {
    self.unit = unit
    self.reviewer = reviewer
  }
}
