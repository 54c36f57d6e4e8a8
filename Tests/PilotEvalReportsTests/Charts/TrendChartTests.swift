import Foundation
import PilotEvalReports
import PilotEvalTestSupport
import Testing

/// One chart of each kind added for trends, with `text` in every place data text can go.
enum TrendChartSample: String, CaseIterable, CustomTestStringConvertible {
  case lineChart, scatter, boxPlot

  var testDescription: String { rawValue }

  func render(text: String = "南宁市", title: String = "标题", description: String = "说明") -> String {
    let style = ChartStyle()
    switch self {
    case .lineChart:
      return Chart.lineChart(
        categories: [text, "2024H2", "2025H1"], series: [(text, [0.125, 0.11, 0.095]), ("基尼系数", [0.07, 0.06, 0.05])],
        decimals: 3, valueLabels: true, yTitle: text, title: title, description: description, style: style)
    case .scatter:
      return Chart.scatter(
        points: [(text, 62, 9.5), ("柳州市", 88, 1.5), ("桂林市", 75, -2.25)], fit: (intercept: 20, slope: -0.2),
        fitLabel: text, xTitle: text, yTitle: text, title: title, description: description, style: style)
    case .boxPlot:
      return Chart.boxPlot(
        groups: [(text, [61, 70, 74.5, 88, 90]), ("2025H1", [68, 75, 79, 92])], yTitle: text, title: title,
        description: description, style: style)
    }
  }

  func renderEmpty() -> String {
    let style = ChartStyle()
    switch self {
    case .lineChart:
      return Chart.lineChart(
        categories: ["a"], series: [("s", [.nan])], title: "空", description: "空", style: style)
    case .scatter:
      return Chart.scatter(
        points: [], fit: nil, xTitle: "x", yTitle: "y", title: "空", description: "空", style: style)
    case .boxPlot:
      return Chart.boxPlot(groups: [("a", [])], title: "空", description: "空", style: style)
    }
  }
}

private func number(_ element: StrictXML.Element, _ name: String) -> Double {
  Double(element[name] ?? "") ?? .nan
}

// MARK: - Every new chart

@Suite("charts for trends: every kind")
struct TrendChartContractTests {
  @Test("is one well-formed, labelled <svg> with a viewBox", arguments: TrendChartSample.allCases)
  func accessibleSVG(sample: TrendChartSample) throws {
    let svg = try StrictXML.parse(sample.render(title: "得分分布", description: "各单位总分"))
    #expect(svg.name == "svg")
    #expect(svg["role"] == "img")
    #expect(svg["viewBox"] == "0 0 \(svg["width"] ?? "?") \(svg["height"] ?? "?")")
    #expect(svg.children.first?.name == "title")
    #expect(svg.children.filter { $0.name == "title" }.map(\.text) == ["得分分布"])
    #expect(svg.children.filter { $0.name == "desc" }.map(\.text) == ["各单位总分"])
    let ids = svg.children.prefix(2).compactMap { $0["id"] }
    #expect((svg["aria-labelledby"] ?? "").split(separator: " ").map(String.init) == ids)
  }

  @Test("has no script or external reference, and unique ids", arguments: TrendChartSample.allCases)
  func selfContained(sample: TrendChartSample) throws {
    let svg = try StrictXML.parse(sample.render())
    #expect(svg.all.allSatisfy { !["script", "foreignObject", "image", "use", "a", "style"].contains($0.name) })
    let attributes = svg.all.flatMap(\.attributes)
    #expect(attributes.allSatisfy { !$0.name.lowercased().hasPrefix("on") && !$0.name.hasSuffix("href") })
    let ids = svg.all.compactMap { $0["id"] }
    #expect(Set(ids).count == ids.count)
  }

  @Test("writes coordinates with at most two decimals", arguments: TrendChartSample.allCases)
  func twoDecimals(sample: TrendChartSample) throws {
    let svg = try StrictXML.parse(sample.render())
    let numbers = svg.all.flatMap(\.attributes).filter { $0.name != "aria-labelledby" && $0.name != "id" }
      .flatMap { attribute in attribute.value.split { !"0123456789.-".contains($0) }.filter { $0.contains(".") } }
    #expect(!numbers.isEmpty)
    #expect(numbers.allSatisfy { ($0.split(separator: ".").last?.count ?? 0) <= 2 }, "\(numbers)")
  }

  @Test(
    "draws the bytes recorded in Golden/ (PILOTEVAL_RECORD_GOLDEN=1 re-records)", arguments: TrendChartSample.allCases)
  func golden(sample: TrendChartSample) throws {
    #expect(try Golden.difference(sample.render(), from: "\(sample.rawValue).svg", besideFile: #filePath) == nil)
    #expect(
      try Golden.difference(sample.renderEmpty(), from: "\(sample.rawValue)-empty.svg", besideFile: #filePath) == nil)
  }

  @Test("says 无数据 no data when there is nothing to draw", arguments: TrendChartSample.allCases)
  func emptyInput(sample: TrendChartSample) throws {
    let svg = try StrictXML.parse(sample.renderEmpty())
    #expect(svg.elements(class: "no-data").map(\.text) == ["无数据 no data"])
    #expect(svg.elements("title").first?.text == "空")
  }

  @Test(
    "escapes hostile labels wherever they land, so they read back as the same text",
    arguments: TrendChartSample.allCases)
  func escapesData(sample: TrendChartSample) throws {
    let evil = "<script>alert(1)</script> \"q\" 'a' & b"
    let output = sample.render(text: evil, title: evil, description: evil)
    #expect(!output.contains("<script"))
    #expect(output.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; &#39;a&#39; &amp; b"))
    let svg = try StrictXML.parse(output)
    #expect(svg.elements("script").isEmpty)
    #expect(svg.children.first?.text == evil)
    #expect(svg.all.contains { $0.name == "text" && $0.text.contains("<script>") })
  }

  @Test("replaces characters XML forbids", arguments: TrendChartSample.allCases)
  func controlCharacters(sample: TrendChartSample) throws {
    let svg = try StrictXML.parse(sample.render(text: "a\u{1}b\u{FFFF}c", title: "t\u{0}"))
    #expect(svg.children.first?.text == "t\u{FFFD}")
  }

  @Test("gives different charts different ids, also from the existing kinds")
  func distinctIDs() throws {
    let ids =
      try TrendChartSample.allCases.map { Set(try StrictXML.parse($0.render()).all.compactMap { $0["id"] }) }
      + [Set(try StrictXML.parse(ChartSample.heatmap.render()).all.compactMap { $0["id"] })]
    #expect(ids.reduce(0) { $0 + $1.count } == ids.reduce(Set()) { $0.union($1) }.count)
  }
}

// MARK: - Line chart

@Suite("line chart")
struct LineChartTests {
  private func chart(valueLabels: Bool = false) throws -> StrictXML.Element {
    try StrictXML.parse(
      Chart.lineChart(
        categories: ["2024H1", "2024H2", "2025H1", "2025H2"],
        series: [
          ("变异系数", [0.17, 0.15, 0.1, 0.09]), ("基尼系数", [0.08, .nan, 0.05, 0.05]),
          ("泰尔·地区间", [0.014, 0.009, 0.003, 0.002]),
          ("泰尔·地区内", [0.001, 0.002, 0.0015, 0.001]),
        ], decimals: 3, valueLabels: valueLabels, title: "离散程度", description: "越低差距越小", style: ChartStyle()))
  }

  @Test("draws a marker per finite value, and breaks a line at a gap")
  func points() throws {
    let svg = try chart()
    #expect(svg.elements(class: "point").count == 15)
    let series = svg.elements(class: "series")
    #expect(series.map { $0.elements(class: "line").count } == [1, 1, 1, 1])
    // The Gini line skips 2024H2: it starts again at 2025H1 (M … L …), and 2024H1 stands alone.
    #expect(series[1].elements(class: "point").count == 3)
    #expect(series[1].elements(class: "line").first?["d"]?.filter { $0 == "L" }.count == 1)
  }

  @Test("spaces categories evenly left to right and puts larger values higher")
  func positions() throws {
    let series = try chart().elements(class: "series")
    let first = series[0].elements(class: "point")
    let xs = first.map { number($0, "cx") }
    #expect(xs == xs.sorted() && Set(xs).count == 4)
    #expect(abs((xs[1] - xs[0]) - (xs[3] - xs[2])) < 0.02)
    let ys = first.map { number($0, "cy") }
    #expect(ys == ys.sorted(), "falling values go down the page")
    #expect(try chart().elements(class: "category").map(\.text) == ["2024H1", "2024H2", "2025H1", "2025H2"])
  }

  @Test("tells series apart by marker shape and dash pattern, not colour alone")
  func grayscale() throws {
    let svg = try chart()
    let series = svg.elements(class: "series")
    let shapes = series.map { group -> String in
      let point = group.elements(class: "point")[0]
      return point.name == "path" ? "path:" + String((point["d"] ?? "").filter { $0 == "L" }.count) : point.name
    }
    #expect(Set(shapes).count == 4, "\(shapes)")
    let dashes = series.map { $0.elements(class: "line").first?["stroke-dasharray"] ?? "solid" }
    #expect(Set(dashes).count == 4, "\(dashes)")
    let legend = try #require(svg.elements(class: "legend").first)
    #expect(legend.elements("text").map(\.text) == ["变异系数", "基尼系数", "泰尔·地区间", "泰尔·地区内"])
    #expect(legend.elements(class: "key-marker").count == 4)
    // No line is drawn in a colour too pale to see on white.
    #expect(series.allSatisfy { !["#E6E6E6", "#FFFFFF"].contains($0.elements(class: "line").first?["stroke"] ?? "") })
  }

  @Test("prints tick and value labels with the decimals asked for, and keeps labels of one round apart")
  func labels() throws {
    let svg = try chart(valueLabels: true)
    let values = svg.elements(class: "value")
    #expect(values.count == 15)
    #expect(values.map(\.text).contains("0.014"))
    #expect(values.map(\.text).contains("0.0015") == false)
    let ticks = svg.elements(class: "y-axis").first?.elements("text").map(\.text) ?? []
    #expect(ticks.contains("0.05") && ticks.first == "0")
    // In the last round the two lowest values (0.002, 0.001) sit a label's height apart.
    let lastColumn = values.filter { $0["x"] == values.last?["x"] }.map { number($0, "y") }.sorted()
    for (a, b) in zip(lastColumn, lastColumn.dropFirst()) { #expect(b - a >= 12 - 0.01) }
  }
}

// MARK: - Scatter

@Suite("scatter")
struct ScatterTests {
  private func chart(
    fit: (intercept: Double, slope: Double)? = (intercept: 20, slope: -0.2)
  ) throws
    -> StrictXML.Element
  {
    try StrictXML.parse(
      Chart.scatter(
        points: [("南宁市", 60, 10), ("柳州市", 90, 2), ("桂林市", 75, -3), ("坏", .nan, 1)], fit: fit,
        fitLabel: "β = -0.2", xTitle: "起点得分", yTitle: "提高", title: "提高与起点", description: "点为单位",
        style: ChartStyle()))
  }

  @Test("draws one circle per finite point, and no other circle")
  func points() throws {
    let svg = try chart()
    #expect(svg.elements("circle").count == 3)
    #expect(
      svg.elements(class: "point").map { $0.elements("title").first?.text } == [
        "南宁市: 60 → 10", "柳州市: 90 → 2", "桂林市: 75 → -3",
      ])
  }

  @Test("places points by their values: right for a higher start, up for more improvement")
  func positions() throws {
    let points = try chart().elements(class: "point")
    #expect(number(points[0], "cx") < number(points[2], "cx") && number(points[2], "cx") < number(points[1], "cx"))
    #expect(number(points[0], "cy") < number(points[1], "cy") && number(points[1], "cy") < number(points[2], "cy"))
  }

  @Test("draws a dashed zero line between the improving and the slipping points")
  func zeroLine() throws {
    let svg = try chart()
    let zero = try #require(svg.elements(class: "zero").first)
    let line = try #require(zero.elements("line").first { $0["stroke-dasharray"] != nil })
    let y = number(line, "y1")
    #expect(number(line, "y2") == y)
    let points = svg.elements(class: "point")
    #expect(number(points[1], "cy") < y && y < number(points[2], "cy"))
  }

  @Test("draws the fitted line falling for a negative slope, labelled, and none without a fit")
  func fit() throws {
    let svg = try chart()
    let line = try #require(svg.elements(class: "fit").first?.elements("line").last)
    #expect(number(line, "x1") < number(line, "x2"))
    #expect(number(line, "y1") < number(line, "y2"), "y = 20 − 0.2x falls left to right")
    #expect(svg.elements(class: "fit-label").map(\.text) == ["β = -0.2"])
    let bare = try chart(fit: nil)
    #expect(bare.elements(class: "fit").isEmpty && bare.elements(class: "fit-label").isEmpty)
  }

  @Test("names both axes")
  func axisTitles() throws {
    let svg = try chart()
    #expect(svg.elements(class: "x-title").map(\.text) == ["起点得分"])
    #expect(svg.elements(class: "y-title").map(\.text) == ["提高"])
  }
}

// MARK: - Box plot

@Suite("box plot")
struct BoxPlotTests {
  private func chart() throws -> StrictXML.Element {
    try StrictXML.parse(
      Chart.boxPlot(
        groups: [("2024H1", [60, 62, 64, 66, 68, 20]), ("2024H2", []), ("2025H1", [70, 80, 90, 100])],
        yTitle: "得分", title: "各轮得分", description: "箱体为四分位距", style: ChartStyle()))
  }

  @Test("draws a box and a median line per group with values, and keeps a place for an empty group")
  func boxes() throws {
    let svg = try chart()
    #expect(svg.elements(class: "group").count == 3)
    #expect(svg.elements(class: "label").map(\.text) == ["2024H1", "2024H2", "2025H1"])
    #expect(svg.elements(class: "count").map(\.text) == ["n = 6", "n = 0", "n = 4"])
    #expect(svg.elements(class: "box").count == 2)
    #expect(svg.elements(class: "median").count == 2)
  }

  @Test("marks the median inside the box and prints it")
  func median() throws {
    let svg = try chart()
    // 2024H1 sorted: 20 60 62 64 66 68 → median 63; 2025H1: 70 80 90 100 → median 85.
    #expect(svg.elements(class: "median-value").map(\.text) == ["63.00", "85.00"])
    for (box, median) in zip(svg.elements(class: "box"), svg.elements(class: "median")) {
      let y = number(median, "y1")
      #expect(y >= number(box, "y") && y <= number(box, "y") + number(box, "height"))
    }
  }

  @Test("draws a value beyond 1.5 interquartile ranges as an outlier, the only circles")
  func outliers() throws {
    let svg = try chart()
    #expect(svg.elements("circle").count == 1)
    #expect(svg.elements(class: "outlier").first?.elements("title").first?.text == "2024H1: 20")
  }

  @Test("puts later groups to the right and higher scores higher")
  func positions() throws {
    let boxes = try chart().elements(class: "box")
    #expect(number(boxes[0], "x") < number(boxes[1], "x"))
    #expect(number(boxes[1], "y") < number(boxes[0], "y"))
  }
}
