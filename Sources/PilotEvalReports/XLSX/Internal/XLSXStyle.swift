/// The cell formats of `xl/styles.xml`, by their index in `<cellXfs>`.
enum XLSXStyle: Int, Sendable {
  /// The default: general number format, regular font.
  case normal = 0
  /// Header cells: bold.
  case header = 1
  /// Numbers: `0.00`.
  case decimal = 2
  /// Numbers in the header: bold, `0.00`.
  case headerDecimal = 3

  /// The number format `0.00`, declared rather than relying on built-in id 2.
  static let decimalFormatID = 164

  /// `xl/styles.xml`. The first two fills are the ones Excel requires.
  static let styleSheet =
    XLSXPart.declaration
    + "<styleSheet xmlns=\"\(XLSXPart.mainNamespace)\">"
    + "<numFmts count=\"1\"><numFmt numFmtId=\"\(decimalFormatID)\" formatCode=\"0.00\"/></numFmts>"
    + "<fonts count=\"2\">"
    + "<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
    + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
    + "</fonts>"
    + "<fills count=\"2\">"
    + "<fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
    + "</fills>"
    + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
    + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
    + "<cellXfs count=\"4\">"
    + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
    + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
    + "<xf numFmtId=\"\(decimalFormatID)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
    + " applyNumberFormat=\"1\"/>"
    + "<xf numFmtId=\"\(decimalFormatID)\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
    + " applyNumberFormat=\"1\" applyFont=\"1\"/>"
    + "</cellXfs>"
    + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
    + "</styleSheet>"
}
