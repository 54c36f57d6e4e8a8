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
    var output = ""
    write(into: &output, indent: 0, prettyDepth: prettyDepth)
    output += "\n"
    return output
  }

  func write(into output: inout String, indent: Int, prettyDepth: Int) {
    if prettyDepth <= 0 {
      writeCompact(into: &output)
      return
    }
    switch self {
    case .object(let members):
      guard !members.isEmpty else { output += "{}"; return }
      output += "{\n"
      for (index, (key, value)) in members.enumerated() {
        output += String(repeating: " ", count: indent + 2)
        JSONValue.writeString(key, into: &output)
        output += ": "
        value.write(into: &output, indent: indent + 2, prettyDepth: prettyDepth - 1)
        output += index + 1 < members.count ? ",\n" : "\n"
      }
      output += String(repeating: " ", count: indent) + "}"
    case .array(let items):
      guard !items.isEmpty else { output += "[]"; return }
      output += "[\n"
      for (index, item) in items.enumerated() {
        output += String(repeating: " ", count: indent + 2)
        item.write(into: &output, indent: indent + 2, prettyDepth: prettyDepth - 1)
        output += index + 1 < items.count ? ",\n" : "\n"
      }
      output += String(repeating: " ", count: indent) + "]"
    default:
      writeCompact(into: &output)
    }
  }

  private func writeCompact(into output: inout String) {
    switch self {
    case .object(let members):
      output += "{"
      for (index, (key, value)) in members.enumerated() {
        if index > 0 { output += "," }
        JSONValue.writeString(key, into: &output)
        output += ":"
        value.writeCompact(into: &output)
      }
      output += "}"
    case .array(let items):
      output += "["
      for (index, item) in items.enumerated() {
        if index > 0 { output += "," }
        item.writeCompact(into: &output)
      }
      output += "]"
    case .string(let text):
      JSONValue.writeString(text, into: &output)
    case .number(let value):
      output += value.isFinite ? JSONValue.format(value) : "null"
    case .integer(let value):
      output += String(value)
    case .bool(let value):
      output += value ? "true" : "false"
    case .null:
      output += "null"
    }
  }

  /// Shortest round-trip form; whole numbers keep one decimal (`90.0`).
  static func format(_ value: Double) -> String {
    if value == 0 { return "0.0" }
    return "\(value)"
  }

  private static func writeString(_ text: String, into output: inout String) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "\u{2028}": output += "\\u2028"
      case "\u{2029}": output += "\\u2029"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    output += "\""
  }
}
