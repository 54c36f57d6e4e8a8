extension AssignmentPlan {
  /// The plan as CSV with the header `unit,reviewer,region,organisation` (the reviewer's region and
  /// organisation, so the office sees 回避 at a glance beside UNITS.csv), one line per assignment in
  /// the plan's order.
  ///
  /// Written as PilotEval writes every CSV: UTF-8 with a byte order mark, CRLF line ends, RFC 4180
  /// quoting, and a leading `=`, `+`, `-`, `@`, tab or carriage return escaped with `'` so that a
  /// spreadsheet never runs a cell as a formula. The same plan gives the same bytes.
  public func csv() -> String {
    Self.csv(assignments)
  }

  /// `entries` as CSV, in the order given, written as `csv()` writes a plan (for assignments as stored,
  /// after hand swaps).
  public static func csv(_ entries: [Entry]) -> String {
    var output = "\u{FEFF}unit,reviewer,region,organisation\r\n"
    for entry in entries {
      output += [entry.unit, entry.reviewer, entry.region, entry.organisation].map(field).joined(separator: ",")
      output += "\r\n"
    }
    return output
  }

  private static func field(_ raw: String) -> String {
    var text = raw
    if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
      text = "'" + text
    }
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    var quoted = "\""
    for character in text {
      if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
    }
    return quoted + "\""
  }
}
