/// The escaper for the markup PilotEval writes (HTML pages, SVG charts,
/// submission templates, workbook attributes, portal pages): safe in element content and in
/// single- or double-quoted attribute values alike. Workbook cell text has its
/// own rule (`XLSXText.content`: characters XML forbids are dropped, not
/// replaced, and line breaks stay literal, as spreadsheet readers expect).
package enum XMLEscape {
  /// `text` with the five markup characters as entities; tab and line breaks as
  /// character references (attribute normalization keeps them); characters
  /// XML 1.0 forbids or discourages (C0 controls, C1 controls, U+FFFE, U+FFFF)
  /// replaced by U+FFFD, so no input can smuggle a control character through.
  package static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      case "\n": result += "&#10;"
      case "\r": result += "&#13;"
      case "\t": result += "&#9;"
      default:
        let value = scalar.value
        let forbidden = value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF
        result.unicodeScalars.append(forbidden ? "\u{FFFD}" : scalar)
      }
    }
    return result
  }
}
