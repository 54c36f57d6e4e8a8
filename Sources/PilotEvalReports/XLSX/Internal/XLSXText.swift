/// Text and numbers as they may appear in the parts of a workbook.
enum XLSXText {
  /// Whether XML 1.0 allows `scalar` in a document (its `Char` production).
  static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
  }

  /// `text` without the characters XML 1.0 forbids.
  static func cleaned(_ text: String) -> String {
    guard !text.unicodeScalars.allSatisfy(isAllowed) else { return text }
    var result = String.UnicodeScalarView()
    result.append(contentsOf: text.unicodeScalars.lazy.filter(isAllowed))
    return String(result)
  }

  /// `text` cut to what one cell holds (`XLSXLimits.textLength` UTF-16 code units),
  /// ending with `TextCut.marker` when cut, never inside a character.
  static func fitted(_ text: String) -> String {
    TextCut.fitted(text, limit: XLSXLimits.textLength) { $0.utf16.count }
  }

  /// `text` escaped for element content. A carriage return is written as a
  /// character reference, as XML parsers turn a literal one into a line feed.
  static func content(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\r": result += "&#13;"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// `text` escaped for a double-quoted attribute value, by `XMLEscape` (tabs and
  /// line breaks become character references so attribute normalization keeps them).
  static func attribute(_ text: String) -> String { XMLEscape.escape(text) }

  /// `text` with its literal `_xHHHH_` sequences protected.
  ///
  /// Cell text is an `ST_Xstring` (ECMA-376 Part 1, §22.9.2.19): readers such as
  /// Excel decode `_x0041_` to `A`. A literal sequence is kept by escaping its
  /// underscore as `_x005F_`, as Excel itself writes it.
  static func xstring(_ text: String) -> String {
    guard text.contains("_x") else { return text }
    let scalars = Array(text.unicodeScalars)
    var result = String.UnicodeScalarView()
    for (index, scalar) in scalars.enumerated() {
      if scalar == "_" && startsEscape(scalars, at: index) {
        result.append(contentsOf: "_x005F_".unicodeScalars)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// Whether `scalars[index...]` starts with `_x`, four hexadecimal digits and `_`.
  private static func startsEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
    guard index + 7 <= scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_" else { return false }
    return scalars[(index + 2)..<(index + 6)].allSatisfy { $0.properties.isASCIIHexDigit }
  }

  /// A cell value for `value`: the shortest decimal that reads back as the same
  /// double, `0` for both zeros, and nil for NaN and infinities.
  static func number(_ value: Double) -> String? {
    guard value.isFinite else { return nil }
    return value == 0 ? "0" : value.description
  }
}
