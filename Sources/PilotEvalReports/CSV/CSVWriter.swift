/// A CSV cell: text from inputs is neutralized against formula injection, numbers are not.
public enum CSVCell: Sendable, Hashable {
  /// Text; a leading `=`, `+`, `-`, `@`, tab or carriage return is escaped with `'`.
  case text(String)
  /// A number, written with two decimals.
  case number(Double)
  /// A whole number.
  case integer(Int)
  /// An empty cell.
  case empty
}

/// Writes RFC 4180 CSV that Excel opens with Chinese intact: UTF-8 with a BOM,
/// CRLF line ends, fields quoted when they need it.
public struct CSVWriter: Sendable {
  private var rows: [[CSVCell]] = []

  /// Creates a writer with a header row.
  public init(header: [String]) {
    rows.append(header.map(CSVCell.text))
  }

  /// Appends a row.
  public mutating func append(_ row: [CSVCell]) {
    rows.append(row)
  }

  /// The document, starting with the UTF-8 byte order mark.
  public func render() -> String {
    var output = "\u{FEFF}"
    for row in rows {
      output += row.map(CSVWriter.field).joined(separator: ",")
      output += "\r\n"
    }
    return output
  }

  /// One cell as a CSV field.
  static func field(_ cell: CSVCell) -> String {
    switch cell {
    case .empty: return ""
    case .integer(let value): return String(value)
    case .number(let value): return value.isFinite ? fixed2(value) : ""
    case .text(let raw):
      var text = raw
      if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
        text = "'" + text
      }
      if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
      }
      return text
    }
  }
}

/// `value` with exactly two decimals, rounded as SPEC §4's round2.
public func fixed2(_ value: Double) -> String {
  let cents = Int64((value * 100 + 0.5 + 1e-7).rounded(.down))
  let sign = cents < 0 ? "-" : ""
  let magnitude = cents.magnitude
  let fraction = magnitude % 100
  return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}

extension String {
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var result = ""
    for character in self {
      if character == target { result += replacement } else { result.append(character) }
    }
    return result
  }
}
