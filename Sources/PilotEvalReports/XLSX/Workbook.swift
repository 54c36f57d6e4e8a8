public import Foundation

/// A spreadsheet (Office Open XML, `.xlsx`) built in memory: sheets of plain
/// values, no formulas, the first row of each sheet a bold header with an
/// autofilter. Every sheet prints on A4 landscape, one page wide, with the header
/// row repeated on each page and page numbers in the footer.
///
///     var workbook = Workbook()
///     workbook.addSheet(
///       name: "Ranking",
///       rows: [[.text("单位"), .text("得分")], [.text("甲"), .number(87.5)]],
///       columnWidths: [24, 10])
///     try AtomicFile.write(workbook.data(), to: "out/ranking.xlsx")
///
/// Texts are written as inline strings (`t="inlineStr"`), not through a shared
/// string table, and are never interpreted: a text starting with `=`, `+`, `-`
/// or `@` stays a text. The same workbook always gives the same bytes.
public struct Workbook: Sendable {
  /// The sheets, in tab order.
  var sheets: [XLSXSheet] = []

  /// Creates an empty workbook; add at least one sheet before writing it.
  public init() {}

  /// The sheet names as they are written, after `addSheet` made them valid and unique.
  public var sheetNames: [String] { sheets.map(\.name) }

  /// Appends a sheet.
  ///
  /// The name is made valid for spreadsheets: `[ ] : * ? / \` become `_`,
  /// control characters and leading or trailing `'` are dropped, an empty name
  /// becomes `Sheet`, and the result is cut to 31 characters. A name already
  /// taken (ignoring case; `History` is reserved by Excel) gets ` (2)`, ` (3)` …,
  /// cut so it still fits in 31 characters. `sheetNames` tells the final name.
  ///
  /// - Parameters:
  ///   - name: The tab's name.
  ///   - rows: The cells, row by row; the first row is the header, set in bold.
  ///     Rows may have different lengths.
  ///   - columnWidths: Widths in characters, from column A; a width that is not
  ///     positive and finite leaves its column at the default width, and widths
  ///     above 255 are cut to 255.
  ///   - frozenHeader: Whether the header row stays in view while scrolling.
  public mutating func addSheet(
    name: String, rows: [[XLSXCell]], columnWidths: [Double]? = nil, frozenHeader: Bool = true
  ) {
    let unique = XLSXSheetName.unique(name, taken: sheetNames)
    sheets.append(XLSXSheet(name: unique, rows: rows, columnWidths: columnWidths ?? [], frozenHeader: frozenHeader))
  }

  /// The `.xlsx` file.
  ///
  /// - Throws: `XLSXError` when the workbook has no sheets, a sheet is larger
  ///   than a spreadsheet holds (1,048,576 rows, 16,384 columns) or a text is
  ///   longer than 32,767 characters.
  public func data() throws -> Data {
    guard !sheets.isEmpty else { throw XLSXError.noSheets }
    var parts = XLSXPart.package(
      sheetCount: sheets.count, sheetNames: sheetNames, filterRanges: sheets.map(\.usedRange))
    for (index, sheet) in sheets.enumerated() {
      parts.append(XLSXPart(path: XLSXPart.worksheetPath(index), text: try sheet.xml(selected: index == 0)))
    }
    return try XLSXPackage.zip(parts)
  }
}
