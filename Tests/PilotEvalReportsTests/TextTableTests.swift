import PilotEvalReports
import Testing

@Suite("terminal table")
struct TextTableTests {
  @Test("CJK characters count as two columns, so columns line up")
  func wideCharacters() {
    #expect(displayWidth("南宁市") == 6)
    #expect(displayWidth("GX-01") == 5)
    var table = TextTable(columns: [("名称", .left), ("score", .right)])
    table.append(["南宁市机关事务管理局", "87.50"])
    table.append(["ABC", "9.00"])
    let lines = table.render().split(separator: "\n").map(String.init)
    #expect(Set(lines.map(displayWidth)).count == 1, "\(lines)")
  }

  @Test("control characters from input files never reach the terminal")
  func sanitizesControlCharacters() {
    #expect(sanitized("evil\u{1B}[2Jname") == "evil\u{FFFD}[2Jname")
  }
}
