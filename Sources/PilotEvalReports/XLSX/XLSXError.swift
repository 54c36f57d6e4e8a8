/// Why a workbook cannot be written as a spreadsheet.
///
/// Messages are lowercase and quote the offending value, e.g.
/// `sheet 'Ranking': 2000000 rows (a spreadsheet holds at most 1048576)`.
public struct XLSXError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong.
  public var message: String

  /// The message.
  public var description: String { message }

  /// A workbook needs at least one sheet.
  static let noSheets = XLSXError(message: "workbook has no sheets (add one with addSheet)")

  /// A sheet has more rows than a spreadsheet holds.
  static func tooManyRows(sheet: String, count: Int) -> XLSXError {
    XLSXError(message: "sheet '\(sheet)': \(count) rows (a spreadsheet holds at most \(XLSXLimits.rows))")
  }

  /// A row has more cells than a spreadsheet has columns.
  static func tooManyColumns(sheet: String, row: Int, count: Int) -> XLSXError {
    XLSXError(
      message: "sheet '\(sheet)' row \(row): \(count) cells (a spreadsheet has at most \(XLSXLimits.columns) columns)")
  }

  /// The ZIP container could not be written.
  static func archive(_ underlying: any Error) -> XLSXError {
    XLSXError(message: "cannot write the xlsx container: \(underlying)")
  }
}

/// Excel's hard limits, which LibreOffice shares.
enum XLSXLimits {
  /// Rows in a sheet.
  static let rows = 1_048_576
  /// Columns in a sheet (A … XFD).
  static let columns = 16_384
  /// UTF-16 code units in one cell's text.
  static let textLength = 32_767
  /// UTF-16 code units in a sheet name.
  static let sheetName = 31
  /// The widest column, in characters.
  static let columnWidth = 255.0
}
