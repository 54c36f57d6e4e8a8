import Foundation
import PilotEvalTestSupport
import Testing

/// The leadership report of the bundled 2025H1 round, read back the way a browser would: the first screen
/// answers the four questions, unit pages explain their tier, every word is Chinese, numbers are rounded.
@Suite("leadership report on the 2025H1 samples", .serialized)
final class LeadershipReportTests {
  let folder: URL
  let report: URL

  init() async throws {
    folder = try CommandRunner.temporaryDirectory()
    report = folder.appendingPathComponent("report")
    let output = try await CommandRunner.run([
      "report", "--lang", "zh", "--rubric", "Rubrics/jgsw-pilot.xml", "--reviews", "Samples/2025H1/reviews", "--draws",
      "50",
      "--out", report.path, "-q", "Samples/2025H1/submissions",
    ])
    #expect(output.status == 0, "\(output.stderr)")
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  private func text(_ path: String) throws -> String {
    try String(contentsOf: report.appendingPathComponent(path), encoding: .utf8)
  }

  private func page(_ path: String) throws -> HTMLInspector {
    try HTMLInspector(html: text(path))
  }

  private func json(_ path: String) throws -> [String: Any] {
    let data = try Data(contentsOf: report.appendingPathComponent(path))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test("the first screen names every exemplar with its own strengths, before the charts and the ranking")
  func exemplarsFirst() throws {
    let index = try page("index.html")
    let analysis = try json("analysis.json")
    let results = try json("results.json")
    let units = try #require(results["units"] as? [[String: Any]])
    let names = Dictionary(
      uniqueKeysWithValues: units.map { ($0["unit"] as? String ?? "", $0["name"] as? String ?? "") })
    let exemplars = try #require(analysis["exemplars"] as? [[String: Any]]).map { names[$0["unit"] as? String ?? ""] }
    #expect(exemplars.count == 4)
    #expect(index.strings("//section[@id='answers']//ol[@class='exemplars']/li/a") == exemplars.compactMap { $0 })
    // Each exemplar's "why" names its own strongest sections: not one sentence for all of them.
    let whys = index.strings("//ol[@class='exemplars']/li/span[@class='why']")
    #expect(whys.count == 4)
    #expect(Set(whys).count > 1)
    #expect(whys.allSatisfy { $0.contains("+") })
    // The answers come first, then the charts, then the ranking.
    let html = try text("index.html")
    let order = ["id=\"answers\"", "id=\"charts\"", "id=\"ranking\""].compactMap { html.range(of: $0)?.lowerBound }
    #expect(order.count == 3 && order == order.sorted())
    #expect(index.count("//div[@class='figure']") == 0)
  }

  @Test("the first screen counts laggards, gives each group its partner and focus, and the rejected files")
  func laggardsAndRejections() throws {
    let index = try page("index.html")
    let analysis = try json("analysis.json")
    let units = try #require(analysis["units"] as? [[String: Any]])
    let lagging = units.filter { ["fail", "vetoed"].contains($0["tier"] as? String ?? "") }
    #expect(lagging.count == 14)
    let partners = Set(
      lagging.compactMap { ($0["partners"] as? [[String: Any]])?.first?["unit"] as? String })
    let groups = index.strings("//ul[@class='groups']/li/a[@class='name']/@href")
    #expect(Set(groups) == Set(partners.map { "units/\($0).html" }))
    #expect(index.strings("//ul[@class='groups']/li").allSatisfy { $0.contains("重点") })
    // 四川 is the partner of five laggards, who together gain 22 points from it on ★C2.1 标准体系表
    // (苏州, unreviewed, is no longer an exemplar nor a partner).
    #expect(
      index.strings("//ul[@class='groups']/li").contains {
        $0.contains("四川省机关事务管理局") && $0.contains("C2.1 标准体系表（5 个单位共 +22.00 分）")
      })
    let answers = index.strings("//section[@id='answers']").joined()
    #expect(answers.contains("14 个单位为不合格或被一票否决"))
    #expect(answers.contains("另有 12 份文件被拒收"))
    #expect(answers.contains("只有本轮数据，尚不能判断差距是否缩小"))
    let phrase = index.strings("//p[@class='panel-phrase']").joined()
    #expect(phrase.contains("专家评分高度一致") && phrase.contains("ICC = 0.99"))
    // The lenient and harsh experts the analysis found are named.
    #expect(answers.contains("E04 偏宽") && answers.contains("E09 偏严"))
  }

  @Test("unit pages say why: the bonus, the veto, a ★ item at zero, a section below the floor, the next tier")
  func unitPagesExplain() throws {
    func why(_ unit: String) throws -> String {
      try page("units/\(unit).html").strings("//section[@id='why-tier']//li").joined(separator: "\n")
    }
    let zhejiang = try why("ZJ-00-01")
    #expect(zhejiang.contains("核定得分 103.23 = 基础分"))
    #expect(zhejiang.contains("+ 加分 5.00") && zhejiang.contains("加分 B2") && zhejiang.contains("加分 B5"))
    #expect(zhejiang.contains("已是最高等级示范"))
    #expect(zhejiang.contains("强项（得分率高出全体中位数的百分点）：标准制修订 +30、组织保障 +23。"))
    let yichang = try why("HB-YC-01")
    #expect(yichang.contains("一票否决 V1"))
    let foshan = try why("GD-FS-01")
    #expect(foshan.contains("关键指标 ★C2.1") && foshan.contains("因此为不合格"))
    let shenzhen = try why("GD-SZ-01")
    #expect(shenzhen.contains("按得分本可评为示范") && shenzhen.contains("标准制修订（50%）") && shenzhen.contains("60%"))
    #expect(shenzhen.contains("要评为示范，还须使 标准制修订 的得分率达到 60%"))
    let jinan = try why("SD-JN-01")
    #expect(jinan.contains("距示范（90 分）还差 1.44 分"))
    #expect(jinan.contains("失分最多、最值得补回的指标"))
  }

  @Test("partner lessons keep the three criteria with most to gain")
  func lessonsLimited() throws {
    for unit in ["GD-FS-01", "HB-YC-01", "SD-JN-01"] {
      let html = try page("units/\(unit).html")
      let tables = html.count("//h3/following-sibling::div[1]/table")
      #expect(tables > 0)
      for table in 1...tables {
        #expect(html.count("(//h3/following-sibling::div[1]/table)[\(table)]/tbody/tr") <= 3)
      }
    }
  }

  @Test("no English phrase of the analysis and no raw float in the Chinese report")
  func chineseAndRounded() throws {
    let pages =
      try ["index.html"]
      + FileManager.default.contentsOfDirectory(atPath: report.appendingPathComponent("units").path).sorted().map {
        "units/" + $0
      }
    #expect(pages.count == 58)
    let english = [
      "draws with seed", "panels differ", "anywhere", "same-level", "same-region", "not defined", "one-way",
    ]
    var floats = 0
    for path in pages {
      let html = try text(path)
      for phrase in english { #expect(!html.contains(phrase), "\(path): \(phrase)") }
      floats += html.matches(of: /\d\.\d{5,}/).count
    }
    #expect(floats == 0)
    let jinan = try text("units/SD-JN-01.html")
    #expect(!jinan.contains("0.7321428571428571"))
  }

  @Test("the page prints without a forced break before every heading, with page numbers and a cover")
  func printStyle() throws {
    let html = try text("index.html")
    #expect(!html.contains("break-before:page"))
    #expect(html.contains("counter(page)") && html.contains("counter(pages)"))
    #expect(html.contains("thead{display:table-header-group}"))
    let index = try page("index.html")
    let cover = index.strings("//header[@class='cover']/p").joined()
    #expect(cover.contains("2025H1") && cover.contains("jgsw-pilot") && cover.contains("2025.1"))
    // Ids, regions and scores of the ranking never break inside.
    let ranking = "//section[@id='ranking']//tbody/tr[1]/td"
    #expect(index.strings(ranking + "/@class").allSatisfy { $0.contains("nowrap") })
  }

  @Test("on a phone, long-text tables become labelled cards; the ranking scrolls in its box")
  func phoneTables() throws {
    let unit = try page("units/GD-FS-01.html")
    let criteria = "//h2[2]/following::table[1]"
    #expect(unit.strings(criteria + "/@class") == ["cards"])
    #expect(unit.strings(criteria + "/tbody/tr[1]/td/@data-label") == ["指标", "得分", "满分", "失分", "原因"])
    let index = try page("index.html")
    #expect(index.strings("//section[@id='ranking']//table/@class") == ["ranking"])
    #expect(index.count("//section[@id='ranking']/div[@class='scroll']/table") == 1)
    let html = try text("index.html")
    let phone = try #require(html.range(of: "@media (max-width:600px){"))
    let print = try #require(html.range(of: "@media print{"))
    let cards = try #require(html.range(of: "table.cards thead{display:none}"))
    #expect(phone.upperBound < cards.lowerBound && cards.lowerBound < print.lowerBound)
  }

  @Test("the same input gives the same bytes")
  func deterministic() async throws {
    let again = folder.appendingPathComponent("again")
    let output = try await CommandRunner.run([
      "report", "--lang", "zh", "--rubric", "Rubrics/jgsw-pilot.xml", "--reviews", "Samples/2025H1/reviews", "--draws",
      "50",
      "--out", again.path, "-q", "Samples/2025H1/submissions",
    ])
    #expect(output.status == 0)
    for path in ["index.html", "units/GD-SZ-01.html", "ranking.xlsx"] {
      let first = try Data(contentsOf: report.appendingPathComponent(path))
      let second = try Data(contentsOf: again.appendingPathComponent(path))
      #expect(first == second, "\(path)")
    }
  }
}
