import Foundation  // String(format:)

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
      // Excel, which these files are for, holds 32,767 characters in a cell and spills the rest
      // into the next rows: a longer text is cut with a marker (UTF-8 is never shorter than UTF-16).
      if text.utf8.count > cellLimit { text = TextCut.fitted(text, limit: cellLimit) { $0.utf16.count } }
      if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
      }
      return text
    }
  }
}

/// The most UTF-16 code units a spreadsheet cell holds.
private let cellLimit = 32_767

/// `value` with exactly two decimals, rounded as SPEC §4's round2.
public func fixed2(_ value: Double) -> String { fixed(value, places: 2) }

/// `value` with exactly `places` decimals (0…6), halves rounded up as SPEC §4's round2 rounds; `-0` is written `0`.
/// Not finite is `—`. A magnitude too large for the decimals to fit a 64-bit integer (≥ 9e12 with 6 places) is
/// written in full by `wholeDigits` (a double that large has no fraction worth printing), never trapped.
func fixed(_ value: Double, places: Int) -> String {
  guard value.isFinite else { return "—" }
  let places = min(max(places, 0), 6)
  var scale: Int64 = 1
  for _ in 0..<places { scale *= 10 }
  let scaled = (value * Double(scale) + 0.5 + 1e-7).rounded(.down)
  guard Swift.abs(scaled) < 9.0e18 else {
    let digits = wholeDigits(value.rounded())
    return places > 0 ? digits + "." + String(repeating: "0", count: places) : digits
  }
  let units = Int64(scaled)
  let magnitude = units.magnitude
  let sign = units < 0 ? "-" : ""
  let whole = magnitude / UInt64(scale)
  guard places > 0 else { return "\(sign)\(whole)" }
  let fraction = String(magnitude % UInt64(scale))
  return "\(sign)\(whole)." + String(repeating: "0", count: places - fraction.count) + fraction
}

/// The decimal digits of a whole, finite `value` of any magnitude, with `-` for a negative one: the exact
/// decimal expansion of the double, as C's `%.0f` prints it.
func wholeDigits(_ value: Double) -> String {
  String(format: "%.0f", value)
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
