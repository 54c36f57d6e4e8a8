/// A pilot unit registered in a round.
public struct UnitRecord: Sendable, Hashable {
  /// The unit id, as in submissions.
  public var id: String
  /// The unit's name.
  public var name: String
  /// Region (for filters).
  public var region: String
  /// Level (for filters).
  public var level: String
  /// Category.
  public var category: String
  /// Organisation, when given.
  public var organisation: String

  /// Creates a unit record.
  public init(id: String, name: String, region: String, level: String, category: String, organisation: String = "") {
    self.id = id
    self.name = name
    self.region = region
    self.level = level
    self.category = category
    self.organisation = organisation
  }
}
