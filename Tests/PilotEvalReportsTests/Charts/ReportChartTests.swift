import PilotEvalReports
import Testing

/// What the leadership report asks of its charts: axis titles, labels that do not collide, one number format.
@Suite("charts as the report draws them")
struct ReportChartTests {
  /// The 2026H1 shape that made "良好 80" sit on the count of the 80–85 bar: a bar as tall as the scale.
  private let scores: [Double] = Array(repeating: 82, count: 14) + [47, 48, 52, 66, 71, 74, 78, 91, 95, 101]

  private func histogram(xTitle: String? = "核定得分", yTitle: String? = "单位数") throws -> StrictXML.Element {
    try StrictXML.parse(
      Chart.histogram(
        values: scores, binWidth: 5, range: 0...110, thresholds: [("合格 60", 60), ("良好 80", 80), ("示范 90", 90)],
        xTitle: xTitle, yTitle: yTitle, title: "得分分布", description: "d", style: ChartStyle(width: 440, fontSize: 13)))
  }

  private func number(_ element: StrictXML.Element, _ name: String) -> Double {
    Double(element[name] ?? "") ?? .nan
  }

  @Test("the histogram has both axis titles")
  func axisTitles() throws {
    let chart = try histogram()
    #expect(chart.elements(class: "x-title").map(\.text) == ["核定得分"])
    #expect(chart.elements(class: "y-title").map(\.text) == ["单位数"])
    let without = try histogram(xTitle: nil, yTitle: nil)
    #expect(without.elements(class: "x-title").isEmpty)
  }

  @Test("threshold labels sit above every bar's count label")
  func noOverlap() throws {
    let chart = try histogram()
    let fontSize = 13.0
    let labels = chart.elements(class: "threshold-label").map { number($0, "y") }
    let counts = chart.elements(class: "count").map { number($0, "y") - fontSize * 0.9 }
    #expect(!labels.isEmpty && !counts.isEmpty)
    // A label's baseline is above the top of the highest count text.
    #expect(labels.max()! <= counts.min()! - 1)
  }

  @Test("region medians all carry two decimals, under the header the report gives")
  func medianFormat() throws {
    let chart = try StrictXML.parse(
      Chart.dotPlot(
        groups: [("广东", [55.9, 55.9]), ("江苏", [63.97, 60, 70])], reference: 90, referenceLabel: "示范",
        xTitle: "Verified score", medianLabel: "median", title: "t", description: "d", style: ChartStyle()))
    #expect(chart.elements(class: "median-value").map(\.text) == ["55.90", "63.97"])
    #expect(chart.elements(class: "column-headers").first?.elements("text").first?.text == "median")
    #expect(chart.elements(class: "x-title").map(\.text) == ["Verified score"])
  }
}
