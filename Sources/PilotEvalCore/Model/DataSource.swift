/// Where a measured value came from in a submission's `<data>`: the text read and the line
/// of the element holding it, so a warning can point at the data rather than the response.
public struct DataSource: Sendable, Hashable {
  /// The text the measure read (an attribute's value or an element's content).
  public var text: String
  /// The 1-based line of the element holding it.
  public var line: Int

  /// Creates a source.
  public init(text: String, line: Int) {
    self.text = text
    self.line = line
  }
}

extension ScoringMethod {
  /// The values this method scores differently from each other: a scale's bounds, the outer
  /// edges of the bands (unbounded where a band is open); nil for methods without a value.
  ///
  /// A value outside scores as the nearest bound does (or 0 outside every band), which is
  /// almost always a mistake such as a percentage written as a whole number.
  public var scorableRange: ClosedRange<Double>? {
    switch self {
    case .scale(let from, let to):
      return Swift.min(from, to)...Swift.max(from, to)
    case .bands(let bands):
      guard !bands.isEmpty else { return nil }
      let low = bands.allSatisfy { $0.min != nil } ? bands.compactMap(\.min).min()! : -Double.infinity
      let high = bands.allSatisfy { $0.max != nil } ? bands.compactMap(\.max).max()! : Double.infinity
      return low <= high ? low...high : nil
    case .levels, .checklist, .judgement:
      return nil
    }
  }
}
