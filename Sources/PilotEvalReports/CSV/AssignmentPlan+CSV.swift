public import PilotEvalCore

extension AssignmentPlan {
  /// The header of the plan's CSV: the reviewer's region and organisation stand beside each
  /// assignment, so the office sees 回避 at a glance next to UNITS.csv.
  public static let csvHeader = ["unit", "reviewer", "region", "organisation"]

  /// The plan as CSV with the header `unit,reviewer,region,organisation`, one line per assignment
  /// in the plan's order, written by PilotEval's one ``CSVWriter`` (UTF-8 with a byte order mark,
  /// CRLF, RFC 4180 quoting, formula-like cells neutralised). The same plan gives the same bytes.
  public func csv() -> String {
    Self.csv(assignments)
  }

  /// `entries` as CSV, in the order given, written as `csv()` writes a plan (for assignments as
  /// stored, after hand swaps).
  public static func csv(_ entries: [Entry]) -> String {
    var writer = CSVWriter(header: csvHeader)
    for entry in entries {
      writer.append([.text(entry.unit), .text(entry.reviewer), .text(entry.region), .text(entry.organisation)])
    }
    return writer.render()
  }
}
