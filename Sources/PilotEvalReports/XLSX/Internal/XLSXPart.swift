import Foundation

/// One part (file) of the package, and the fixed parts every workbook has.
struct XLSXPart: Sendable {
  /// The path inside the ZIP container, without a leading `/`.
  var path: String
  /// The bytes.
  var bytes: Data

  /// A part holding `text` as UTF-8.
  init(path: String, text: String) {
    self.path = path
    self.bytes = Data(text.utf8)
  }

  // MARK: - Names

  /// The XML declaration every part starts with.
  static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  /// SpreadsheetML's namespace.
  static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  /// The namespace of relationship ids (`r:id`).
  static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  /// The namespace of `.rels` parts.
  static let packageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

  /// The path of the worksheet part for the 0-based sheet `index`.
  static func worksheetPath(_ index: Int) -> String { "xl/worksheets/sheet\(index + 1).xml" }

  // MARK: - The fixed parts

  /// Every part but the worksheets, in the order they are zipped.
  /// `filterRanges` holds each sheet's autofilter range (nil for none); every sheet repeats its first row
  /// when printed.
  static func package(sheetCount: Int, sheetNames: [String], filterRanges: [String?]) -> [XLSXPart] {
    [
      XLSXPart(path: "[Content_Types].xml", text: contentTypes(sheetCount: sheetCount)),
      XLSXPart(path: "_rels/.rels", text: rootRelationships),
      XLSXPart(path: "xl/workbook.xml", text: workbook(sheetNames: sheetNames, filterRanges: filterRanges)),
      XLSXPart(path: "xl/_rels/workbook.xml.rels", text: workbookRelationships(sheetCount: sheetCount)),
      XLSXPart(path: "xl/styles.xml", text: XLSXStyle.styleSheet),
    ]
  }

  /// `[Content_Types].xml`: one override per XML part.
  private static func contentTypes(sheetCount: Int) -> String {
    let spreadsheet = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    var xml = declaration
    xml += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(spreadsheet).sheet.main+xml\"/>"
    xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(spreadsheet).styles+xml\"/>"
    for index in 0..<sheetCount {
      xml += "<Override PartName=\"/\(worksheetPath(index))\" ContentType=\"\(spreadsheet).worksheet+xml\"/>"
    }
    xml += "</Types>"
    return xml
  }

  /// `_rels/.rels`: the package's main part is the workbook.
  private static let rootRelationships =
    declaration
    + "<Relationships xmlns=\"\(packageRelationshipNamespace)\">"
    + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
    + "</Relationships>"

  /// `xl/workbook.xml`: the sheets in tab order, sheet N related as `rIdN`, then the defined names that
  /// spreadsheets expect beside an autofilter (`_xlnm._FilterDatabase`) and the print titles (row 1).
  private static func workbook(sheetNames: [String], filterRanges: [String?]) -> String {
    var xml = declaration
    xml += "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
    xml += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
    for (index, name) in sheetNames.enumerated() {
      xml += "<sheet name=\"\(XLSXText.attribute(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
    }
    xml += "</sheets><definedNames>"
    for (index, name) in sheetNames.enumerated() {
      let sheet = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
      if index < filterRanges.count, let range = filterRanges[index] {
        let absolute = range.split(separator: ":").map { reference in
          let letters = reference.prefix { $0.isLetter }
          return "$\(letters)$\(reference.dropFirst(letters.count))"
        }.joined(separator: ":")
        xml += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">"
        xml += XLSXText.attribute(sheet + "!" + absolute) + "</definedName>"
      }
      xml += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">"
      xml += XLSXText.attribute(sheet + "!$1:$1") + "</definedName>"
    }
    xml += "</definedNames></workbook>"
    return xml
  }

  /// `xl/_rels/workbook.xml.rels`: the worksheets, then the styles.
  private static func workbookRelationships(sheetCount: Int) -> String {
    var xml = declaration
    xml += "<Relationships xmlns=\"\(packageRelationshipNamespace)\">"
    for index in 0..<sheetCount {
      xml += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationshipNamespace)/worksheet\""
      xml += " Target=\"worksheets/sheet\(index + 1).xml\"/>"
    }
    xml += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
    xml += "</Relationships>"
    return xml
  }
}
