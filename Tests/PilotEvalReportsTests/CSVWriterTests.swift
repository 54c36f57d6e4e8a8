import PilotEvalReports
import Testing

@Suite("CSV writer")
struct CSVWriterTests {
  private func row(_ cells: [CSVCell]) -> String {
    var writer = CSVWriter(header: ["h"])
    writer.append(cells)
    let text = writer.render()
    return String(text.split(separator: "\r\n", omittingEmptySubsequences: false)[1])
  }

  @Test("the document starts with a UTF-8 byte order mark and ends rows with CRLF")
  func bomAndLineEnds() {
    let text = CSVWriter(header: ["单位", "得分"]).render()
    #expect(Array(text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
    #expect(text.hasSuffix("单位,得分\r\n"))
  }

  @Test(
    "text cells that a spreadsheet would run as a formula are neutralized with a quote",
    arguments: ["=1+1", "+1", "-1", "@SUM(A1)", "\tx"])
  func formulaInjection(cell: String) {
    #expect(row([.text(cell)]).hasPrefix("'") || row([.text(cell)]).hasPrefix("\"'"))
  }

  @Test("numbers are never neutralized: a negative score stays a number")
  func negativeNumbers() {
    #expect(row([.number(-1.5), .integer(-2)]) == "-1.50,-2")
  }

  @Test("fields with commas, quotes or line breaks are quoted, quotes doubled")
  func quoting() {
    #expect(
      row([.text("a,b"), .text("say \"hi\""), .text("two\nlines"), .text("plain")])
        == "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",plain")
  }

  @Test(
    "numbers have two decimals, rounded as SPEC §4's round2",
    arguments: [
      (89.995, "90.00"), (89.994, "89.99"), (0, "0.00"), (2.675, "2.68"), (100, "100.00"),
    ])
  func twoDecimals(value: Double, text: String) {
    #expect(fixed2(value) == text)
  }

  @Test("a number too large for a 64-bit integer of hundredths is written in full, never trapped (was SIGILL)")
  func hugeNumbers() {
    #expect(fixed2(2e19) == "20000000000000000000.00")
    #expect(fixed2(-2.5e19) == "-25000000000000000000.00")
    #expect(fixed2(1e17) == "100000000000000000.00")
    let largest = fixed2(1.7976931348623157e308)
    #expect(largest.hasPrefix("179769313486231570814527423731704356798") && largest.hasSuffix("858368.00"))
    #expect(row([.number(4e20), .number(.infinity)]) == "400000000000000000000.00,")
  }
}

@Suite("CSV cells hold what a spreadsheet cell holds")
struct CSVCellLimitTests {
  /// The second row's only field, as written.
  private func written(_ text: String) -> Substring {
    var writer = CSVWriter(header: ["名称"])
    writer.append([.text(text)])
    return writer.render().split(separator: "\r\n")[1]
  }

  @Test("a text longer than 32,767 characters is cut with a marker; one that fits is kept whole")
  func longText() {
    let fits = String(repeating: "长", count: 32_767)
    #expect(written(fits) == fits)
    let cut = written(String(repeating: "长", count: 1_000_000))
    #expect(cut.utf16.count == 32_767)
    #expect(cut.hasSuffix(TextCut.marker(originalLength: 1_000_000)))
  }
}
