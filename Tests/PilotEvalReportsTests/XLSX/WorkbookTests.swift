import Foundation
import PilotEvalReports
import Testing
import ZIPFoundation

@Suite("XLSX workbook")
struct WorkbookTests {
  // MARK: - Fixtures

  /// A ranking as the report writes it: Chinese texts, scores, a formula-looking
  /// text, an empty cell and a 30-column row.
  static func rankingWorkbook() -> Workbook {
    var workbook = Workbook()
    workbook.addSheet(
      name: "排名 Ranking",
      rows: [
        [.text("单位"), .text("得分"), .text("备注"), .text("名次")],
        [.text("第一中学"), .number(87.5), .text("=SUM(A1)"), .integer(1)],
        [.text("实验小学"), .number(0.1 + 0.2), .empty, .integer(2)],
        (0..<30).map { .integer($0) },
      ],
      columnWidths: [24, 10, 30])
    workbook.addSheet(name: "Round 1/2: [final]?", rows: [[.text("a")]])
    workbook.addSheet(name: "排名 ranking", rows: [[.text("b")]], frozenHeader: false)
    return workbook
  }

  /// The parts of an `.xlsx` file, by path, in archive order.
  static func parts(_ data: Data) throws -> [(path: String, text: String)] {
    let archive = try Archive(data: data, accessMode: .read)
    return try archive.map { entry in
      var bytes = Data()
      _ = try archive.extract(entry) { bytes.append($0) }
      return (entry.path, String(decoding: bytes, as: UTF8.self))
    }
  }

  /// The text of the part at `path`.
  static func part(_ path: String, of data: Data) throws -> String {
    try #require(try parts(data).first { $0.path == path }).text
  }

  /// The `<c>` element for `reference`, or nil when the cell is not written.
  static func cell(_ reference: String, in sheet: String) -> String? {
    guard let start = sheet.range(of: "<c r=\"\(reference)\"") else { return nil }
    guard let end = sheet.range(of: "</c>", range: start.upperBound..<sheet.endIndex) else { return nil }
    return String(sheet[start.lowerBound..<end.upperBound])
  }

  /// The first worksheet of a workbook with one sheet of `rows`.
  static func sheet(_ rows: [[XLSXCell]], frozenHeader: Bool = true, widths: [Double]? = nil) throws -> String {
    var workbook = Workbook()
    workbook.addSheet(name: "S", rows: rows, columnWidths: widths, frozenHeader: frozenHeader)
    return try part("xl/worksheets/sheet1.xml", of: workbook.data())
  }

  // MARK: - Cells

  @Test("a number is a numeric cell with the 0.00 format and every digit needed to read it back")
  func numbers() throws {
    let sheet = try Self.part("xl/worksheets/sheet1.xml", of: Self.rankingWorkbook().data())
    #expect(Self.cell("B2", in: sheet) == "<c r=\"B2\" s=\"2\"><v>87.5</v></c>")
    #expect(Self.cell("B3", in: sheet) == "<c r=\"B3\" s=\"2\"><v>0.30000000000000004</v></c>")
    #expect(Self.cell("D2", in: sheet) == "<c r=\"D2\"><v>1</v></c>")
  }

  @Test("NaN and infinities are written as empty cells, negative zero as 0")
  func nonFiniteNumbers() throws {
    let sheet = try Self.sheet([[.text("h")], [.number(.nan), .number(.infinity), .number(-.infinity), .number(-0.0)]])
    #expect(Self.cell("A2", in: sheet) == nil)
    #expect(Self.cell("B2", in: sheet) == nil)
    #expect(Self.cell("C2", in: sheet) == nil)
    #expect(Self.cell("D2", in: sheet) == "<c r=\"D2\" s=\"2\"><v>0</v></c>")
    #expect(!sheet.contains("nan") && !sheet.contains("inf"))
  }

  @Test("Chinese text is written intact as UTF-8 inline strings")
  func chineseText() throws {
    let sheet = try Self.part("xl/worksheets/sheet1.xml", of: Self.rankingWorkbook().data())
    #expect(
      Self.cell("A2", in: sheet)
        == "<c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">第一中学</t></is></c>")
  }

  @Test(
    "a text that looks like a formula stays a string cell, and no formula is ever written",
    arguments: ["=SUM(A1)", "+1", "-1", "@SUM(A1)", "=HYPERLINK(\"http://x\")"])
  func formulaLookingText(text: String) throws {
    let sheet = try Self.sheet([[.text("h")], [.text(text)]])
    #expect(
      Self.cell("A2", in: sheet) == "<c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(text)</t></is></c>")
    #expect(!sheet.contains("<f>") && !sheet.contains("<f "))
  }

  @Test("the =SUM text of the ranking is a string cell")
  func rankingFormulaText() throws {
    let sheet = try Self.part("xl/worksheets/sheet1.xml", of: Self.rankingWorkbook().data())
    let cell = try #require(Self.cell("C2", in: sheet))
    #expect(cell.contains("t=\"inlineStr\"") && cell.contains(">=SUM(A1)</t>"))
  }

  @Test("an empty cell is not written; a row with no written cell is left out")
  func emptyCells() throws {
    let ranking = try Self.part("xl/worksheets/sheet1.xml", of: Self.rankingWorkbook().data())
    #expect(Self.cell("C3", in: ranking) == nil)
    #expect(Self.cell("D3", in: ranking) != nil)
    let sheet = try Self.sheet([[.text("h")], [.empty, .text("")], [.integer(3)]])
    #expect(!sheet.contains("<row r=\"2\""))
    #expect(Self.cell("A3", in: sheet) == "<c r=\"A3\"><v>3</v></c>")
  }

  @Test("cell references go past Z: the 30th column is AD")
  func wideRow() throws {
    let sheet = try Self.part("xl/worksheets/sheet1.xml", of: Self.rankingWorkbook().data())
    #expect(Self.cell("Z4", in: sheet) == "<c r=\"Z4\"><v>25</v></c>")
    #expect(Self.cell("AA4", in: sheet) == "<c r=\"AA4\"><v>26</v></c>")
    #expect(Self.cell("AD4", in: sheet) == "<c r=\"AD4\"><v>29</v></c>")
    #expect(Self.cell("AE4", in: sheet) == nil)
  }

  @Test("the last column a spreadsheet has is XFD; one more is refused")
  func columnLimit() throws {
    let full = try Self.sheet([(0..<16_384).map { .integer($0) }])
    #expect(Self.cell("ZZ1", in: full) == "<c r=\"ZZ1\" s=\"1\"><v>701</v></c>")
    #expect(Self.cell("AAA1", in: full) == "<c r=\"AAA1\" s=\"1\"><v>702</v></c>")
    #expect(Self.cell("XFD1", in: full) == "<c r=\"XFD1\" s=\"1\"><v>16383</v></c>")
    #expect(throws: XLSXError.self) { try Self.sheet([(0...16_384).map { .integer($0) }]) }
  }

  @Test("text is escaped for XML, characters XML 1.0 forbids are dropped, tab and line breaks kept")
  func escaping() throws {
    let sheet = try Self.sheet([
      [.text("h")], [.text("a<b & \"c\" >\u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}\u{FFFE}d\te\nf\r\ng")],
    ])
    #expect(Self.cell("A2", in: sheet)?.contains(">a&lt;b &amp; \"c\" &gt;d\te\nf&#13;\ng</t>") == true)
    let controlOnly = try Self.sheet([[.text("h")], [.text("\u{1}\u{2}")]])
    #expect(Self.cell("A2", in: controlOnly) == nil)
  }

  @Test("a literal _xHHHH_ is protected so spreadsheets do not decode it")
  func xstringEscape() throws {
    let sheet = try Self.sheet([[.text("h")], [.text("_x0041_ and _x00_ and _xZZZZ_")]])
    #expect(Self.cell("A2", in: sheet)?.contains(">_x005F_x0041_ and _x00_ and _xZZZZ_</t>") == true)
  }

  @Test("a text longer than a cell holds is cut with a marker, never refused, never inside a character")
  func textLimit() throws {
    let full = String(repeating: "字", count: 32_767)
    #expect(Self.cell("A1", in: try Self.sheet([[.text(full)]]))?.contains(full) == true)
    let long = String(repeating: "x", count: 40_020)
    let sheet = try Self.sheet([[.text("h")], [.empty, .text(long)]])
    let cell = try #require(Self.cell("B2", in: sheet))
    let marker = TextCut.marker(originalLength: 40_020)
    #expect(cell.contains(marker + "</t>"))
    let kept = try #require(cell.range(of: ">x")).lowerBound
    let text = cell[cell.index(after: kept)...].prefix { $0 != "<" }
    #expect(text.utf16.count == 32_767)
    // A character outside the BMP is two UTF-16 units: it is kept whole or not at all.
    let wide = String(repeating: "𠮷", count: 20_000)
    let cut = TextCut.fitted(wide, limit: 32_767) { $0.utf16.count }
    #expect(cut.utf16.count <= 32_767)
    #expect(cut.hasSuffix(TextCut.marker(originalLength: 20_000)))
    #expect(cut.dropLast(TextCut.marker(originalLength: 20_000).count).allSatisfy { $0 == "𠮷" })
  }

  // MARK: - Sheets

  @Test("the header row is bold and frozen unless asked otherwise")
  func header() throws {
    let frozen = try Self.sheet([[.text("单位"), .number(1)], [.text("甲"), .number(2)]])
    #expect(Self.cell("A1", in: frozen)?.hasPrefix("<c r=\"A1\" s=\"1\" t=\"inlineStr\">") == true)
    #expect(Self.cell("B1", in: frozen) == "<c r=\"B1\" s=\"3\"><v>1.0</v></c>")
    #expect(frozen.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
    let loose = try Self.sheet([[.text("单位")]], frozenHeader: false)
    #expect(!loose.contains("<pane"))
    #expect(Self.cell("A1", in: loose)?.contains("s=\"1\"") == true)
  }

  @Test("column widths are written for usable values only, at most 255")
  func columnWidths() throws {
    let sheet = try Self.sheet([[.text("h")]], widths: [24, .nan, -1, 0, 300, 8.5])
    #expect(
      sheet.contains(
        "<cols><col min=\"1\" max=\"1\" width=\"24.0\" customWidth=\"1\"/>"
          + "<col min=\"5\" max=\"5\" width=\"255.0\" customWidth=\"1\"/>"
          + "<col min=\"6\" max=\"6\" width=\"8.5\" customWidth=\"1\"/></cols><sheetData>"))
    #expect(!(try Self.sheet([[.text("h")]])).contains("<cols>"))
  }

  @Test("sheet names are made valid and unique, ignoring case")
  func sheetNames() throws {
    let workbook = Self.rankingWorkbook()
    #expect(workbook.sheetNames == ["排名 Ranking", "Round 1_2_ _final__", "排名 ranking (2)"])
    let xml = try Self.part("xl/workbook.xml", of: workbook.data())
    for (index, name) in workbook.sheetNames.enumerated() {
      #expect(xml.contains("<sheet name=\"\(name)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"))
    }
  }

  @Test(
    "invalid sheet names are repaired",
    arguments: [
      ("", "Sheet"),
      ("'quoted'", "quoted"),
      ("'''", "Sheet"),
      ("a\u{1}b\tc\nd", "abcd"),
      ("History", "History (2)"),
      ("A & <B>", "A & <B>"),
      (String(repeating: "名", count: 40), String(repeating: "名", count: 31)),
      (String(repeating: "😀", count: 20), String(repeating: "😀", count: 15)),
    ])
  func sheetNameRepairs(proposed: String, expected: String) throws {
    var workbook = Workbook()
    workbook.addSheet(name: proposed, rows: [])
    #expect(workbook.sheetNames == [expected])
    #expect(workbook.sheetNames[0].utf16.count <= 31)
  }

  @Test("a long duplicate name is cut so its number still fits in 31 characters")
  func longDuplicates() {
    var workbook = Workbook()
    let long = String(repeating: "m", count: 40)
    for _ in 0..<11 { workbook.addSheet(name: long, rows: []) }
    #expect(workbook.sheetNames[0] == String(repeating: "m", count: 31))
    #expect(workbook.sheetNames[1] == String(repeating: "m", count: 27) + " (2)")
    #expect(workbook.sheetNames[10] == String(repeating: "m", count: 26) + " (11)")
    #expect(Set(workbook.sheetNames.map { $0.lowercased() }).count == 11)
  }

  @Test("sheet names are escaped in workbook.xml")
  func sheetNameEscaping() throws {
    var workbook = Workbook()
    workbook.addSheet(name: "A & <B> \"C\"", rows: [])
    let xml = try Self.part("xl/workbook.xml", of: workbook.data())
    #expect(xml.contains("<sheet name=\"A &amp; &lt;B&gt; &quot;C&quot;\""))
  }

  @Test("a workbook without sheets is refused")
  func noSheets() {
    #expect(throws: XLSXError.self) { try Workbook().data() }
  }

  // MARK: - Package

  @Test("the same workbook gives the same bytes, entries in a fixed order dated 1980-01-01")
  func deterministic() throws {
    let first = try Self.rankingWorkbook().data()
    let second = try Self.rankingWorkbook().data()
    #expect(first == second)
    let archive = try Archive(data: first, accessMode: .read)
    #expect(
      archive.map(\.path) == [
        "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
        "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml",
      ])
    for entry in archive {
      #expect(entry.fileAttributes[.modificationDate] as? Date == Date(timeIntervalSince1970: 315_532_800))
    }
  }

  @Test("every part listed in [Content_Types].xml exists, and every part has a content type")
  func contentTypes() throws {
    let data = try Self.rankingWorkbook().data()
    let parts = try Self.parts(data)
    let paths = Set(parts.map(\.path))
    let types = try Self.part("[Content_Types].xml", of: data)
    let overrides = types.components(separatedBy: "PartName=\"/").dropFirst().map {
      String($0.prefix { $0 != "\"" })
    }
    #expect(overrides.count == 5)
    for path in overrides { #expect(paths.contains(path), "missing \(path)") }
    for path in paths where !overrides.contains(path) {
      #expect(path.hasSuffix(".rels") || path.hasSuffix(".xml"), "no content type for \(path)")
    }
    #expect(types.contains("<Default Extension=\"rels\""))
    #expect(types.contains("<Default Extension=\"xml\""))
  }

  @Test("every relationship points at a part that exists")
  func relationships() throws {
    let data = try Self.rankingWorkbook().data()
    let paths = Set(try Self.parts(data).map(\.path))
    let root = try Self.part("_rels/.rels", of: data)
    #expect(root.contains("Target=\"xl/workbook.xml\""))
    let workbook = try Self.part("xl/_rels/workbook.xml.rels", of: data)
    let targets = workbook.components(separatedBy: "Target=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    #expect(targets == ["worksheets/sheet1.xml", "worksheets/sheet2.xml", "worksheets/sheet3.xml", "styles.xml"])
    for target in targets { #expect(paths.contains("xl/" + target)) }
  }

  // MARK: - LibreOffice

  /// `soffice` on the PATH, if LibreOffice is installed.
  static let soffice: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    return path.split(separator: ":").map { "\($0)/soffice" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  @Test("LibreOffice reads back the same numbers and texts", .enabled(if: soffice != nil, "needs libreoffice"))
  func libreOffice() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("ranking.xlsx")
    try Self.rankingWorkbook().data().write(to: file)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(Self.soffice))
    process.arguments = [
      "-env:UserInstallation=\(folder.appendingPathComponent("profile").absoluteString)",
      "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", folder.path, file.path,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)

    let csv = try String(contentsOf: folder.appendingPathComponent("ranking.csv"), encoding: .utf8)
    let rows = csv.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    try #require(rows.count == 4)
    // LibreOffice pads every row to the widest one (30 columns here).
    #expect(Array(rows[0].map(String.init).prefix(4)) == ["单位", "得分", "备注", "名次"])
    let padding = rows[0].dropFirst(4).filter { !$0.isEmpty }
    #expect(padding.isEmpty)
    #expect(rows[1][0] == "第一中学")
    #expect(Double(rows[1][1]).map { abs($0 - 87.5) < 0.005 } == true)
    #expect(rows[1][2] == "=SUM(A1)")
    #expect(Double(rows[2][1]).map { abs($0 - 0.3) < 0.005 } == true)
    #expect(rows[2][2] == "")
    #expect(rows[3].count == 30 && rows[3].last == "29")
  }
}
