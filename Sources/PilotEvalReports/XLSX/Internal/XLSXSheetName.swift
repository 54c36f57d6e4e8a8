/// Sheet names a spreadsheet accepts.
enum XLSXSheetName {
  /// Characters a sheet name may not contain; each becomes `_`.
  static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

  /// Names Excel refuses whatever the workbook holds, lowercased.
  static let reserved: Set<String> = ["history"]

  /// `proposed` made valid and different, ignoring case, from every name in `taken`.
  static func unique(_ proposed: String, taken: [String]) -> String {
    let base = valid(proposed)
    let used = Set(taken.map { $0.lowercased() }).union(reserved)
    guard used.contains(base.lowercased()) else { return base }
    var number = 2
    while true {
      let suffix = " (\(number))"
      let candidate = trimmed(base, to: XLSXLimits.sheetName - suffix.utf16.count) + suffix
      if !used.contains(candidate.lowercased()) { return candidate }
      number += 1
    }
  }

  /// `name` without forbidden or control characters, without a leading or
  /// trailing `'`, not empty and at most 31 UTF-16 code units long.
  static func valid(_ name: String) -> String {
    var cleaned = ""
    for character in name {
      if forbidden.contains(character) {
        cleaned.append("_")
      } else {
        cleaned.unicodeScalars.append(
          contentsOf: character.unicodeScalars.filter { XLSXText.isAllowed($0) && $0.value >= 0x20 })
      }
    }
    let result = trimmed(String(cleaned.drop { $0 == "'" }), to: XLSXLimits.sheetName)
    return result.isEmpty ? "Sheet" : result
  }

  /// `name` cut to at most `limit` UTF-16 code units, whole characters only,
  /// without a trailing `'`.
  private static func trimmed(_ name: String, to limit: Int) -> String {
    var result = ""
    var length = 0
    for character in name {
      length += character.utf16.count
      guard length <= limit else { break }
      result.append(character)
    }
    while result.last == "'" { result.removeLast() }
    return result
  }
}
