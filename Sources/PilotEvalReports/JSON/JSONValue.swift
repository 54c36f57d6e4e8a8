/// A JSON value with ordered object keys, so output is byte-for-byte deterministic.
public indirect enum JSONValue: Sendable, Equatable {
  /// An object; keys keep the order given.
  case object([(String, JSONValue)])
  /// An array.
  case array([JSONValue])
  /// A string.
  case string(String)
  /// A number (NaN and infinities are written as `null`).
  case number(Double)
  /// An integer.
  case integer(Int)
  /// `true` or `false`.
  case bool(Bool)
  /// `null`.
  case null

  /// Two values are equal when they serialize to the same text.
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.serialized() == rhs.serialized()
  }

  /// A string, or `null` when absent.
  public static func optional(_ text: String?) -> JSONValue {
    text.map(JSONValue.string) ?? .null
  }

  /// The value as UTF-8 JSON text ending with a newline: indented by two spaces
  /// down to `prettyDepth` levels of nesting, each deeper value on one line
  /// (so a result file holds one unit per line and stays small).
  public func serialized(prettyDepth: Int = .max) -> String {
    var output: [UInt8] = []
    write(into: &output, indent: 0, prettyDepth: prettyDepth)
    output.append(UInt8(ascii: "\n"))
    return String(decoding: output, as: UTF8.self)
  }

  /// Appends the value's JSON text to `output`.
  func write(into output: inout [UInt8], indent: Int, prettyDepth: Int) {
    guard prettyDepth > 0 else { return writeCompact(into: &output) }
    switch self {
    case .object(let members) where !members.isEmpty:
      output.append(UInt8(ascii: "{"))
      for (index, (key, value)) in members.enumerated() {
        output.append(contentsOf: index == 0 ? [0x0A] : [UInt8(ascii: ","), 0x0A])
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent + 2))
        JSONValue.writeString(key, into: &output)
        output.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
        value.write(into: &output, indent: indent + 2, prettyDepth: prettyDepth - 1)
      }
      output.append(0x0A)
      output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
      output.append(UInt8(ascii: "}"))
    case .array(let items) where !items.isEmpty:
      output.append(UInt8(ascii: "["))
      for (index, item) in items.enumerated() {
        output.append(contentsOf: index == 0 ? [0x0A] : [UInt8(ascii: ","), 0x0A])
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent + 2))
        item.write(into: &output, indent: indent + 2, prettyDepth: prettyDepth - 1)
      }
      output.append(0x0A)
      output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
      output.append(UInt8(ascii: "]"))
    default:
      writeCompact(into: &output)
    }
  }

  private func writeCompact(into output: inout [UInt8]) {
    switch self {
    case .object(let members):
      output.append(UInt8(ascii: "{"))
      for (index, (key, value)) in members.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        JSONValue.writeString(key, into: &output)
        output.append(UInt8(ascii: ":"))
        value.writeCompact(into: &output)
      }
      output.append(UInt8(ascii: "}"))
    case .array(let items):
      output.append(UInt8(ascii: "["))
      for (index, item) in items.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        item.writeCompact(into: &output)
      }
      output.append(UInt8(ascii: "]"))
    case .string(let text):
      JSONValue.writeString(text, into: &output)
    case .number(let value):
      if !value.isFinite {
        output.append(contentsOf: "null".utf8)
      } else if value == 0 {
        output.append(contentsOf: "0.0".utf8)
      } else {
        output.append(contentsOf: value.description.utf8)
      }
    case .integer(let value):
      output.append(contentsOf: String(value).utf8)
    case .bool(let value):
      output.append(contentsOf: (value ? "true" : "false").utf8)
    case .null:
      output.append(contentsOf: "null".utf8)
    }
  }

  private static func writeString(_ text: String, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    let needsEscape = text.utf8.contains {
      $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2
    }
    guard needsEscape else {
      output.append(contentsOf: text.utf8)
      output.append(UInt8(ascii: "\""))
      return
    }
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output.append(contentsOf: #"\""#.utf8)
      case "\\": output.append(contentsOf: #"\\"#.utf8)
      case "\n": output.append(contentsOf: #"\n"#.utf8)
      case "\r": output.append(contentsOf: #"\r"#.utf8)
      case "\t": output.append(contentsOf: #"\t"#.utf8)
      case "\u{2028}": output.append(contentsOf: #"\u2028"#.utf8)
      case "\u{2029}": output.append(contentsOf: #"\u2029"#.utf8)
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
        } else {
          output.append(contentsOf: String(scalar).utf8)
        }
      }
    }
    output.append(UInt8(ascii: "\""))
  }
}
