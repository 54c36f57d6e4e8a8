/// One spreadsheet cell, written as a value: the workbook has no formulas.
public enum XLSXCell: Sendable, Hashable {
  /// Text, always a string cell: `=SUM(A1)` is shown as written and never evaluated.
  ///
  /// Characters XML 1.0 forbids (control characters other than tab, line feed and
  /// carriage return) are dropped; text that is empty after that is an empty cell.
  case text(String)
  /// A number, shown with two decimals but stored in full. NaN and infinities are
  /// written as empty cells.
  case number(Double)
  /// A whole number, shown as is. Spreadsheets store numbers as doubles, so values
  /// beyond ±2⁵³ lose precision when the file is opened.
  case integer(Int)
  /// An empty cell.
  case empty
}
