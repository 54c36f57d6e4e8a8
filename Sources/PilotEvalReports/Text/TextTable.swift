/// A plain-text table aligned for terminals, counting CJK characters as two columns.
public struct TextTable: Sendable {
  /// How a column aligns.
  public enum Alignment: Sendable {
    /// Text columns.
    case left
    /// Number columns.
    case right
  }

  private let header: [String]
  private let alignments: [Alignment]
  private var rows: [[String]] = []

  /// Creates a table with column titles and alignments.
  public init(columns: [(String, Alignment)]) {
    header = columns.map(\.0)
    alignments = columns.map(\.1)
  }

  /// Appends a row (one string per column).
  public mutating func append(_ row: [String]) {
    rows.append(row)
  }

  /// The table, one line per row, with a rule under the header.
  public func render() -> String {
    let all = [header] + rows
    let widths = header.indices.map { column in all.map { displayWidth($0[column]) }.max() ?? 0 }
    func line(_ cells: [String]) -> String {
      cells.indices.map { column in
        let padding = String(repeating: " ", count: widths[column] - displayWidth(cells[column]))
        return alignments[column] == .left ? cells[column] + padding : padding + cells[column]
      }.joined(separator: "  ").trimmingTrailingSpaces()
    }
    var output = line(header) + "\n"
    output += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
    for row in rows { output += line(row) + "\n" }
    return output
  }
}

/// Columns a string takes in a terminal: East Asian wide and full-width characters take two.
public func displayWidth(_ text: String) -> Int {
  text.unicodeScalars.reduce(0) { width, scalar in
    let value = scalar.value
    if scalar.properties.generalCategory == .nonspacingMark || value == 0x200B { return width }
    let wide =
      (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
      || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
      || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1F64F).contains(value) || (0x20000...0x3FFFD).contains(value)
    return width + (wide ? 2 : 1)
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }
}
