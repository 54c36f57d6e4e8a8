import Foundation
import PilotEvalCore
import PilotEvalReports
import Testing

@Suite("leadership report: trends page")
struct TrendsPageTests {
  private func site(trend: TrendReport? = TrendSample.threeRounds(), language: ReportLanguage = .zh) -> ReportSite {
    let (result, analysis) = TrendSample.currentRound()
    return ReportSite(result: result, analysis: analysis, language: language, trend: trend)
  }

  private func page(_ path: String, of site: ReportSite) throws -> String {
    try #require(site.pages().first { $0.path == path }?.text)
  }

  /// Every inline `<svg …>…</svg>` of a page.
  private func charts(in html: String) -> [String] {
    var found: [String] = []
    var rest = html[...]
    while let start = rest.range(of: "<svg "),
      let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex)
    {
      found.append(String(rest[start.lowerBound..<end.upperBound]))
      rest = rest[end.upperBound...]
    }
    return found
  }

  @Test("a report with a trend has trends.html, and the index links to it")
  func pages() throws {
    let site = site()
    let paths = site.pages().map(\.path)
    #expect(paths.filter { $0 == "trends.html" }.count == 1)
    #expect(paths.first == "index.html")
    #expect(try page("index.html", of: site).contains("<nav><a href=\"trends.html\">多轮趋势</a></nav>"))
  }

  @Test("a report without a trend has no trends.html and no link to it")
  func withoutTrend() throws {
    let site = site(trend: nil)
    #expect(!site.pages().map(\.path).contains("trends.html"))
    #expect(!(try page("index.html", of: site)).contains("trends.html"))
    #expect(site.trend == nil)
  }

  @Test("the page draws one SVG per chart, each well formed: box plot, dispersion and Theil lines, migration, scatter")
  func charts() throws {
    let html = try page("trends.html", of: site())
    let svgs = charts(in: html)
    #expect(svgs.count == 5)
    let kinds = try svgs.map { try StrictXML.parse($0)["class"] ?? "" }
    #expect(
      kinds == [
        "piloteval-chart piloteval-chart-box-plot", "piloteval-chart piloteval-chart-line-chart",
        "piloteval-chart piloteval-chart-line-chart", "piloteval-chart piloteval-chart-heatmap",
        "piloteval-chart piloteval-chart-scatter",
      ])
    let dispersion = try StrictXML.parse(svgs[1])
    #expect(dispersion.elements(class: "legend").first?.elements("text").map(\.text) == ["变异系数", "基尼系数"])
    #expect(dispersion.elements(class: "point").count == 6)
    let theil = try StrictXML.parse(svgs[2])
    #expect(theil.elements(class: "series").count == 3)
    #expect(theil.elements(class: "value").map(\.text).contains("0.014"))
    // The migration is first → last: its heatmap's rows are the report's tier names.
    let heatmap = try StrictXML.parse(svgs[3])
    #expect(heatmap.elements(class: "label").map(\.text) == ["示范", "良好", "合格", "不合格", "一票否决"])
    #expect(heatmap.elements(class: "row-title").map(\.text) == ["2024H1"])
    // The scatter holds the three units scored in both the first and the last round, with the fitted line.
    let scatter = try StrictXML.parse(svgs[4])
    #expect(scatter.elements(class: "point").count == 3)
    #expect(scatter.elements(class: "fit").count == 1)
  }

  @Test("states the headline: rounds, basis, units followed, and both verdicts in words")
  func headline() throws {
    let html = try page("trends.html", of: site())
    #expect(html.contains("2024H1 → 2024H2 → 2025H1"))
    #expect(html.contains("得分率（%）"))
    #expect(html.contains("<b>3</b>比较轮次"))
    #expect(html.contains("<b>5 (每轮都参评 3 个)</b>跟踪单位"))
    #expect(html.contains("差距在缩小：变异系数每一轮都下降，从 0.170 降到 0.096。"))
    #expect(html.contains("后进单位追赶更快") && html.contains("斜率 β = -0.350，95% 置信区间 [-0.600, -0.100]"))
  }

  @Test("escapes unit names, and links a unit only when it has a page in this report")
  func units() throws {
    let html = try page("trends.html", of: site())
    #expect(!html.contains("<script>"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;东&quot;"))
    #expect(html.contains("桂林 &amp; 阳朔"))
    #expect(html.contains("<a href=\"units/U1.html\">U1</a>"))
    #expect(html.contains("<a href=\"units/U5.html\">U5</a>"))
    #expect(!html.contains("units/U3.html"), "U3 is not in the current round")
    #expect(html.contains("<td class=\"text\">U3</td>"))
  }

  @Test("explains rubric changes plainly and says scores are compared on percent")
  func rubricChanges() throws {
    let html = try page("trends.html", of: site())
    #expect(html.contains("新增指标 C9、C10"))
    #expect(html.contains("删除指标 C4"))
    #expect(html.contains("调整分值 C3 5 → 8"))
    #expect(html.contains("满分由 100 变为 110，各轮得分按得分率（%）比较"))
    #expect(html.contains("没有影响比较的变化"))
  }

  @Test("gives the partner effect with group sizes and strata, and says the comparison is observational")
  func partnerEffect() throws {
    let html = try page("trends.html", of: site())
    #expect(html.contains("这是观察性比较，不是实验：结对单位并非随机指定"))
    #expect(html.contains("有结对单位的平均提高减去无结对单位的平均提高为 +12.00"))
    #expect(html.contains("没有同时包含有结对和无结对单位的可比组"))
    #expect(html.contains("同层级 县"))
    #expect(
      html.contains(
        "<td class=\"text\">结对为实际安排</td><td class=\"num nowrap\">2</td><td class=\"num nowrap\">+6.50</td>"))
    let english = try page("trends.html", of: site(language: .en))
    #expect(english.contains("This is an observational comparison, not an experiment: units were not paired at random"))
    #expect(english.contains("<html lang=\"en\">"))
  }

  @Test("a single round still gives a page: the distribution and dispersion, and no verdict on catching up")
  func oneRound() throws {
    let html = try page("trends.html", of: site(trend: TrendSample.oneRound()))
    #expect(charts(in: html).count == 3)
    #expect(html.contains("不足两轮，无法判断差距的变化。"))
    #expect(html.contains("不足两轮，无法估计追赶速度。"))
    let empty = try page("trends.html", of: site(trend: TrendSample.empty(), language: .en))
    #expect(try charts(in: empty).allSatisfy { try StrictXML.parse($0).elements(class: "no-data").count == 1 })
    #expect(empty.contains("not paired at random"))
  }

  @Test("uses the shared print stylesheet")
  func print() throws {
    let html = try page("trends.html", of: site())
    #expect(html.contains("@media print{@page{size:A4"))
    #expect(html.hasPrefix("<!DOCTYPE html>"))
  }
}
