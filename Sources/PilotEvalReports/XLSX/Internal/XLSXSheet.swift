/// One sheet of a workbook and its `xl/worksheets/sheetN.xml` part.
struct XLSXSheet: Sendable {
  /// The valid, unique name.
  var name: String
  /// The cells, row by row; the first row is the header.
  var rows: [[XLSXCell]]
  /// Widths in characters from column A.
  var columnWidths: [Double]
  /// Whether the header row is frozen.
  var frozenHeader: Bool

  /// The used range, `A1:P57`, or nil for a sheet without cells: the autofilter's range.
  var usedRange: String? {
    let width = rows.map(\.count).max() ?? 0
    guard width > 0, !rows.isEmpty else { return nil }
    return "A1:\(XLSXColumn.name(min(width, XLSXLimits.columns) - 1))\(rows.count)"
  }

  /// The worksheet part; `selected` marks the tab shown when the file opens.
  func xml(selected: Bool) throws -> String {
    guard rows.count <= XLSXLimits.rows else { throw XLSXError.tooManyRows(sheet: name, count: rows.count) }
    var xml = XLSXPart.declaration
    xml += "<worksheet xmlns=\"\(XLSXPart.mainNamespace)\">"
    xml += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
    xml += sheetViews(selected: selected)
    xml += "<sheetFormatPr defaultRowHeight=\"15\"/>"
    xml += columns()
    xml += "<sheetData>"
    for (index, row) in rows.enumerated() {
      guard row.count <= XLSXLimits.columns else {
        throw XLSXError.tooManyColumns(sheet: name, row: index + 1, count: row.count)
      }
      try append(row: row, number: index + 1, to: &xml)
    }
    xml += "</sheetData>"
    if let usedRange { xml += "<autoFilter ref=\"\(usedRange)\"/>" }
    xml += Self.printSetup
    xml += "</worksheet>"
    return xml
  }

  /// How every sheet prints: A4 landscape, one page wide (as many pages tall as needed), centred page numbers
  /// `1 / 3` in the footer. The header row repeats on every page through the workbook's print titles.
  static let printSetup =
    "<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.5\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
    + "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
    + "<headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>"

  // MARK: - Parts of the worksheet

  /// The view: which tab is selected and whether the header row is frozen.
  private func sheetViews(selected: Bool) -> String {
    let tab = selected ? " tabSelected=\"1\"" : ""
    guard frozenHeader else { return "<sheetViews><sheetView\(tab) workbookViewId=\"0\"/></sheetViews>" }
    return "<sheetViews><sheetView\(tab) workbookViewId=\"0\">"
      + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
      + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
      + "</sheetView></sheetViews>"
  }

  /// `<cols>` for the usable widths, or nothing.
  private func columns() -> String {
    var xml = ""
    for (index, width) in columnWidths.prefix(XLSXLimits.columns).enumerated() where width.isFinite && width > 0 {
      let column = index + 1
      let clamped = min(width, XLSXLimits.columnWidth)
      xml += "<col min=\"\(column)\" max=\"\(column)\" width=\"\(clamped)\" customWidth=\"1\"/>"
    }
    return xml.isEmpty ? "" : "<cols>\(xml)</cols>"
  }

  /// Appends one `<row>`; a row without a written cell is left out.
  private func append(row: [XLSXCell], number: Int, to xml: inout String) throws {
    let header = number == 1
    var cells = ""
    for (index, cell) in row.enumerated() {
      let reference = XLSXColumn.name(index) + String(number)
      switch cell {
      case .empty:
        continue
      case .integer(let value):
        cells += "<c r=\"\(reference)\"\(style(header ? .header : .normal))><v>\(value)</v></c>"
      case .number(let value):
        guard let text = XLSXText.number(value) else { continue }
        cells += "<c r=\"\(reference)\"\(style(header ? .headerDecimal : .decimal))><v>\(text)</v></c>"
      case .text(let raw):
        let text = XLSXText.fitted(XLSXText.cleaned(raw))
        guard !text.isEmpty else { continue }
        cells += "<c r=\"\(reference)\"\(style(header ? .header : .normal)) t=\"inlineStr\">"
        cells += "<is><t xml:space=\"preserve\">\(XLSXText.content(XLSXText.xstring(text)))</t></is></c>"
      }
    }
    guard !cells.isEmpty else { return }
    xml += "<row r=\"\(number)\">\(cells)</row>"
  }

  /// The `s` attribute for `style`, empty for the default style.
  private func style(_ style: XLSXStyle) -> String {
    style == .normal ? "" : " s=\"\(style.rawValue)\""
  }
}
