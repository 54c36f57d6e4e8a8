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
