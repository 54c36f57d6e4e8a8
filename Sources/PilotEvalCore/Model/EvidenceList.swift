/// The evidence items a submission lists, criterion by criterion and bonus by bonus, as an
/// expert reviewing it sees them (the scoring only counts them: `Response.evidenceCount`).
public struct EvidenceList: Sendable, Hashable {
  /// One `<evidence>` element of a submission.
  public struct Item: Sendable, Hashable {
    /// Its position among its parent's evidence items, from 1 (what a reviewer points at).
    public var number: Int
    /// The `ref` attribute: the file in the unit's records.
    public var reference: String
    /// The element's text: the document's title.
    public var title: String
    /// The line of the element.
    public var line: Int

    /// Creates an item.
    public init(number: Int, reference: String, title: String, line: Int = 0) {
      self.number = number
      self.reference = reference
      self.title = title
      self.line = line
    }
  }

  /// Items of each criterion's first `<response>`, by criterion id, in document order.
  public var criteria: [String: [Item]]
  /// Items of each bonus's first claim, by bonus id, in document order.
  public var bonuses: [String: [Item]]

  /// Creates a list.
  public init(criteria: [String: [Item]] = [:], bonuses: [String: [Item]] = [:]) {
    self.criteria = criteria
    self.bonuses = bonuses
  }
}
