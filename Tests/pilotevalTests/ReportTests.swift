import Foundation
import PilotEvalTestSupport
import Testing

/// The leadership report, read back the way a browser would (libxml2's HTML parser).
@Suite("piloteval report")
final class ReportTests {
  let folder: URL

  init() throws {
    folder = try CommandRunner.temporaryDirectory()
    // Tiers rescaled to the 30-point test rubric: 示范 ≥ 25, 合格 ≥ 15.
    let scaled = smallRubric.replacingOccurrences(of: "min=\"80\"", with: "min=\"25\"")
      .replacingOccurrences(of: "min=\"50\"", with: "min=\"15\"")
    try write(scaled, to: "rubric.xml")
    try write(submission(unit: "U1", name: "南宁市机关事务管理局", level: "A", value: "0.95"), to: "in/a.xml")
    // The name, once the XML is read, is the text <script>alert(1)</script>.
    try write(
      submission(unit: "U2", name: "&lt;script&gt;alert(1)&lt;/script&gt;", level: "B", value: "0.9"), to: "in/b.xml")
    try write(submission(unit: "../x", name: "柳州", level: "B", value: "0.1"), to: "in/c.xml")
    try write(submission(unit: "a/b", name: "桂林", level: "B", value: "0.2"), to: "in/d.xml")
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  private func write(_ text: String, to name: String) throws {
    let url = folder.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
  }

  private func report(_ extra: [String] = []) async throws -> URL {
    let out = folder.appendingPathComponent("report")
    let output = try await CommandRunner.run(
      [
        "report", "--rubric", folder.appendingPathComponent("rubric.xml").path, "--draws", "20", "--out", out.path,
        "-q",
      ]
        + extra + [folder.appendingPathComponent("in").path])
    #expect(output.status == 0, "\(output.stderr)")
    return out
  }

  private func page(_ url: URL) throws -> HTMLInspector {
    try HTMLInspector(html: String(contentsOf: url, encoding: .utf8))
  }

  @Test("index.html ranks every unit, links each to its page, and names the exemplar")
  func index() async throws {
    let out = try await report()
    let index = try page(out.appendingPathComponent("index.html"))
    let ranking = "//section[@id='ranking']//table/tbody/tr"
    #expect(index.count(ranking) == 4)
    #expect(index.strings(ranking + "/td[3]") == ["U1", "U2", "a/b", "../x"])
    #expect(index.strings(ranking + "/td[1]") == ["1", "2", "3", "4"])
    for link in index.strings(ranking + "/td[3]/a/@href") {
      #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(link).path), "\(link)")
    }
    #expect(index.strings("//section[@id='exemplars']//table/tbody/tr/td[2]") == ["U1"])
  }

  @Test("a name that looks like a script is shown as text, never run")
  func escaping() async throws {
    let out = try await report()
    let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(!html.contains("<script>alert(1)</script>"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    let index = try page(out.appendingPathComponent("index.html"))
    #expect(index.count("//script") == 0)
    #expect(index.count("//section[@id='ranking']//table//td[.='<script>alert(1)</script>']") == 1)
  }

  @Test("unit ids that are not plain names get safe, distinct page names inside units/")
  func safePaths() async throws {
    let out = try await report()
    let pages = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("units").path).sorted()
    #expect(pages.count == 4)
    #expect(pages.allSatisfy { !$0.contains("/") && !$0.hasPrefix(".") && $0.hasSuffix(".html") })
    #expect(pages.contains("U1.html"))
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("x.html").path))
  }

  @Test("a unit page lists every criterion with the points lost and why, and its learning partner")
  func unitPage() async throws {
    let out = try await report()
    let unit = try page(out.appendingPathComponent("units/U2.html"))
    let criteria = "//h2[2]/following::table[1]/tbody/tr"
    #expect(unit.count(criteria) == 3)
    // C1: level B = 5 of 10 → 5 lost, the level chosen is the reason.
    #expect(unit.strings(criteria + "[1]/td[4]") == ["5.00"])
    #expect(unit.strings(criteria + "[1]/td[5]").first?.contains("B") == true)
    #expect(unit.strings("//h3/a") == ["南宁市机关事务管理局"])
    #expect(unit.strings("//h3/a/@href") == ["U1.html"])
  }

  @Test("--lang en gives English labels")
  func english() async throws {
    let out = try await report(["--lang", "en"])
    let index = try page(out.appendingPathComponent("index.html"))
    #expect(index.strings("//html/@lang") == ["en"])
    #expect(index.strings("//h2").contains("Ranking"))
  }
}
