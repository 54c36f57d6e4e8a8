import Foundation
import PilotEvalReports
import PilotEvalTestSupport
import Testing

// MARK: - Every chart

@Suite("charts: every kind")
struct ChartContractTests {
  @Test(
    "is one well-formed <svg> with a viewBox, role img, and aria-labelledby naming its title and desc",
    arguments: ChartSample.allCases)
  func accessibleSVG(sample: ChartSample) throws {
    let svg = try StrictXML.parse(sample.render(title: "得分分布", description: "各单位总分"))
    #expect(svg.name == "svg")
    #expect(svg["xmlns"] == "http://www.w3.org/2000/svg")
    #expect(svg["role"] == "img")
    #expect(svg["viewBox"] == "0 0 \(svg["width"] ?? "?") \(svg["height"] ?? "?")")
    let titles = svg.children.filter { $0.name == "title" }
    let descriptions = svg.children.filter { $0.name == "desc" }
    #expect(svg.children.first?.name == "title")
    #expect(titles.map(\.text) == ["得分分布"])
    #expect(descriptions.map(\.text) == ["各单位总分"])
    let labelledBy = (svg["aria-labelledby"] ?? "").split(separator: " ").map(String.init)
    #expect(labelledBy == [titles.first?["id"], descriptions.first?["id"]].compactMap { $0 })
  }

  @Test(
    "has no script, no event handler, no external reference; every url(#…) names an id inside",
    arguments: ChartSample.allCases)
  func selfContained(sample: ChartSample) throws {
    let svg = try StrictXML.parse(sample.render())
    let elements = svg.all
    #expect(elements.allSatisfy { !["script", "foreignObject", "image", "use", "a", "style"].contains($0.name) })
    let attributes = elements.flatMap(\.attributes)
    #expect(attributes.allSatisfy { !$0.name.lowercased().hasPrefix("on") && !$0.name.hasSuffix("href") })
    let ids = Set(elements.compactMap { $0["id"] })
    #expect(ids.count == elements.compactMap { $0["id"] }.count, "ids are unique")
    for attribute in attributes where attribute.value.contains("url(") {
      let target = attribute.value.dropFirst("url(#".count).dropLast()
      #expect(attribute.value.hasPrefix("url(#") && ids.contains(String(target)), "\(attribute)")
    }
  }

  @Test("writes numbers with at most two decimals", arguments: ChartSample.allCases)
  func twoDecimals(sample: ChartSample) throws {
    let svg = try StrictXML.parse(sample.render())
    let numbers = svg.all.flatMap(\.attributes).flatMap { attribute in
      attribute.value.split { !"0123456789.-".contains($0) }.filter { $0.contains(".") }
    }
    #expect(!numbers.isEmpty)
    #expect(numbers.allSatisfy { ($0.split(separator: ".").last?.count ?? 0) <= 2 }, "\(numbers)")
  }

  @Test("draws the bytes recorded in Golden/ (PILOTEVAL_RECORD_GOLDEN=1 re-records)", arguments: ChartSample.allCases)
  func golden(sample: ChartSample) throws {
    #expect(try Golden.difference(sample.render(), from: "\(sample.rawValue).svg", besideFile: #filePath) == nil)
    #expect(
      try Golden.difference(sample.renderEmpty(), from: "\(sample.rawValue)-empty.svg", besideFile: #filePath) == nil)
  }

  @Test(
    "says 无数据 no data, still well formed and titled, when there is nothing to draw",
    arguments: ChartSample.allCases)
  func emptyInput(sample: ChartSample) throws {
    let svg = try StrictXML.parse(sample.renderEmpty())
    #expect(svg["role"] == "img")
    #expect(svg.elements("title").first?.text == "空")
    #expect(svg.elements(class: "no-data").map(\.text) == ["无数据 no data"])
  }

  @Test(
    "escapes markup from data wherever it lands, so it reads back as the same text", arguments: ChartSample.allCases)
  func escapesData(sample: ChartSample) throws {
    let evil = "<script>alert(1)</script> \"q\" 'a' & b"
    let output = sample.render(text: evil, title: evil, description: evil)
    #expect(!output.contains("<script"))
    #expect(!output.contains("alert(1)</script>"))
    #expect(output.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; &#39;a&#39; &amp; b"))
    let svg = try StrictXML.parse(output)
    #expect(svg.elements("script").isEmpty)
    #expect(svg.children.first?.text == evil)
    #expect(svg.all.filter { $0.name == "text" && $0.text.contains("<script>") }.count >= 1)
  }

  @Test(
    "replaces characters XML forbids, so stray control characters cannot break the page",
    arguments: ChartSample.allCases)
  func controlCharacters(sample: ChartSample) throws {
    let svg = try StrictXML.parse(sample.render(text: "a\u{1}b\u{FFFF}c", title: "t\u{0}"))
    #expect(svg.children.first?.text == "t\u{FFFD}")
  }

  @Test("gives different charts different ids, so several can share one HTML page")
  func distinctIDs() throws {
    let ids = try ChartSample.allCases.map { sample in
      Set(try StrictXML.parse(sample.render()).all.compactMap { $0["id"] })
    }
    let other = Set(try StrictXML.parse(ChartSample.histogram.render(title: "另一个")).all.compactMap { $0["id"] })
    let all = ids + [other]
    #expect(all.reduce(0) { $0 + $1.count } == all.reduce(Set()) { $0.union($1) }.count)
  }

  @Test("names the CJK fonts first and a generic family last")
  func fonts() throws {
    let svg = try StrictXML.parse(ChartSample.histogram.render())
    #expect(
      svg["font-family"]
        == "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif")
  }
}

// MARK: - Style

@Suite("chart style")
struct ChartStyleTests {
  /// WCAG relative luminance of `#RRGGBB`.
  private func luminance(_ color: String) -> Double {
    let value = Int(color.dropFirst(), radix: 16) ?? 0
    func linear(_ channel: Int) -> Double {
      let c = Double(channel) / 255
      return c <= 0.040_45 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * linear(value >> 16 & 0xFF) + 0.7152 * linear(value >> 8 & 0xFF) + 0.0722 * linear(value & 0xFF)
  }

  @Test("series differ by lightness and by pattern, so they part in grayscale")
  func grayscaleSafe() {
    let series = ChartStyle.grayscaleSafeSeries
    for (i, a) in series.enumerated() {
      for b in series[(i + 1)...] {
        #expect(abs(luminance(a.fill) - luminance(b.fill)) >= 0.1, "\(a.fill) vs \(b.fill)")
        #expect(a.pattern != b.pattern || a.marker != b.marker)
      }
    }
  }

  @Test("the heatmap ramp runs from light to dark")
  func ramp() {
    let levels = ChartStyle().ramp.map(luminance)
    #expect(levels == levels.sorted(by: >))
  }

  @Test("the default fonts are the CJK families, ending with a generic one")
  func chineseFonts() {
    #expect(
      ChartStyle().fontFamilies == [
        "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "sans-serif",
      ])
  }
}

// MARK: - Histogram

@Suite("histogram")
struct HistogramTests {
  private let values: [Double] = [42, 59.5, 60, 61, 79.99, 80, 85, 90, 95, 100, 100, 150, -3, .nan]

  private func chart() throws -> StrictXML.Element {
    try StrictXML.parse(
      Chart.histogram(
        values: values, binWidth: 10, range: 40...100,
        thresholds: [("示范 90", 90), ("良好 ≥ 80", 80), ("合格", 60), ("满分", 120)],
        title: "总分分布", description: "每 10 分一组", style: ChartStyle()))
  }

  @Test("draws one bar per bin; bins are closed on the left and the last also holds the top of the range")
  func counts() throws {
    let bars = try chart().elements(class: "bar")
    // [40,50) 42 · [50,60) 59.5 · [60,70) 60 61 · [70,80) 79.99 · [80,90) 80 85 · [90,100] 90 95 100 100
    #expect(bars.map { $0["data-count"] } == ["1", "1", "2", "1", "2", "4"])
    #expect(
      bars.map { $0.elements("title").first?.text } == [
        "[40, 50): 1", "[50, 60): 1", "[60, 70): 2", "[70, 80): 1", "[80, 90): 2", "[90, 100]: 4",
      ])
  }

  @Test("taller bars stand for larger counts, and counts are printed above them")
  func heights() throws {
    let svg = try chart()
    let heights = svg.elements(class: "bar").map { Double($0["height"] ?? "") ?? -1 }
    #expect(heights[5] > heights[4] && heights[4] == heights[2] && heights[2] > heights[0])
    #expect(svg.elements(class: "count").map(\.text) == ["1", "1", "2", "1", "2", "4"])
  }

  @Test("marks each threshold in the range with a dashed line and its label as given")
  func thresholds() throws {
    let svg = try chart()
    #expect(svg.elements(class: "threshold").count == 3)
    #expect(svg.elements(class: "threshold-label").map(\.text) == ["合格", "良好 ≥ 80", "示范 90"])
    #expect(
      svg.elements(class: "threshold").allSatisfy { $0.elements("line").contains { $0["stroke-dasharray"] != nil } })
  }

  @Test("counts values outside the range in a note instead of drawing them; drops NaN")
  func outside() throws {
    let notes = try chart().elements(class: "note").map(\.text)
    #expect(notes.count == 1)
    #expect(notes.first?.hasPrefix("另有 2 个值") == true)
  }

  @Test("labels the axes: score ticks across the range, count ticks from zero")
  func axes() throws {
    let svg = try chart()
    #expect(
      svg.elements(class: "x-axis").first?.elements("text").map(\.text) == ["40", "50", "60", "70", "80", "90", "100"])
    #expect(svg.elements(class: "y-axis").first?.elements("text").first?.text == "0")
  }

  @Test("puts a value on a bin's edge in the bin it starts, despite floating point")
  func edges() throws {
    let svg = try StrictXML.parse(
      Chart.histogram(
        values: [0.3, 0.7], binWidth: 0.1, range: 0...1, thresholds: [], title: "t", description: "d",
        style: ChartStyle()))
    let counts = svg.elements(class: "bar").map { $0["data-count"] ?? "" }
    #expect(counts == ["0", "0", "0", "1", "0", "0", "0", "1", "0", "0"])
  }

  @Test("draws no data for a bin width that is not positive", arguments: [0, -5, Double.nan])
  func invalidBins(width: Double) throws {
    let svg = try StrictXML.parse(
      Chart.histogram(
        values: [1], binWidth: width, range: 0...100, thresholds: [], title: "t", description: "d",
        style: ChartStyle()))
    #expect(svg.elements(class: "no-data").count == 1)
  }
}

// MARK: - Dot plot

@Suite("dot plot")
struct DotPlotTests {
  private func chart(
    _ groups: [(label: String, values: [Double])], reference: Double? = 90
  ) throws
    -> StrictXML.Element
  {
    try StrictXML.parse(
      Chart.dotPlot(
        groups: groups, reference: reference, referenceLabel: "示范", title: "各地区得分", description: "点为单位",
        style: ChartStyle()))
  }

  @Test("draws one circle per unit, and no other circle")
  func oneCirclePerUnit() throws {
    let svg = try chart([("南宁市", [91, 84.5, 77]), ("柳州市", [88, 69]), ("桂林市", [])])
    #expect(svg.elements("circle").count == 5)
    #expect(svg.elements(class: "unit").count == 5)
  }

  @Test("keeps one row per group in order, with its median as a bar and printed beside it")
  func medians() throws {
    let svg = try chart([("南宁市", [91, 84.5, 77]), ("柳州市", [88, 69]), ("桂林市", [])])
    #expect(svg.elements(class: "label").map(\.text) == ["南宁市", "柳州市", "桂林市"])
    #expect(svg.elements(class: "median").count == 2)
    #expect(svg.elements(class: "median-value").map(\.text) == ["84.50", "78.50", "–"])
    #expect(svg.elements(class: "count").map(\.text) == ["3", "2", "0"])
  }

  @Test("spreads equal scores up and down by their index, so each stays visible")
  func jitter() throws {
    let circles = try chart([("南宁市", [80, 80, 80, 80])]).elements("circle")
    #expect(Set(circles.map { $0["cx"] }).count == 1)
    #expect(Set(circles.map { $0["cy"] }).count == 4)
  }

  @Test("draws the reference as a labelled dashed line, or none without one")
  func reference() throws {
    let with = try chart([("南宁市", [80])])
    #expect(with.elements(class: "reference").count == 1)
    #expect(with.elements(class: "reference-label").map(\.text) == ["示范 90"])
    #expect(try chart([("南宁市", [80])], reference: nil).elements(class: "reference").isEmpty)
  }

  @Test("draws no data when no group has a value")
  func noValues() throws {
    #expect(try chart([("南宁市", []), ("柳州市", [.nan])]).elements(class: "no-data").count == 1)
  }
}

// MARK: - Grouped bars

@Suite("grouped bars")
struct GroupedBarsTests {
  private func chart(_ series: [(label: String, values: [Double])]) throws -> StrictXML.Element {
    try StrictXML.parse(
      Chart.groupedBars(
        categories: ["组织领导", "制度建设", "节能降碳"], series: series, title: "各部分得分率", description: "占满分比例",
        style: ChartStyle()))
  }

  @Test("draws a bar per category and series, labelled with its whole percentage")
  func bars() throws {
    let svg = try chart([("示范单位", [0.92, 0.875, 1]), ("其他单位", [0.71, 0.64, 0.005])])
    #expect(svg.elements(class: "bar").count == 6)
    #expect(svg.elements(class: "value").map(\.text) == ["92%", "71%", "88%", "64%", "100%", "1%"])
    #expect(svg.elements(class: "label").map(\.text) == ["组织领导", "制度建设", "节能降碳"])
  }

  @Test("shows a legend whose keys are filled like the bars, with a pattern where the palette has one")
  func legend() throws {
    let svg = try chart([("示范单位", [0.9, 0.8, 0.7]), ("其他单位", [0.6, 0.5, 0.4])])
    let legend = try #require(svg.elements(class: "legend").first)
    #expect(legend.elements("text").map(\.text) == ["示范单位", "其他单位"])
    let keys = legend.elements(class: "key").map { $0["fill"] }
    let bars = svg.elements(class: "bar")
    #expect(keys == [bars[0]["fill"], bars[1]["fill"]])
    #expect(keys[1]?.hasPrefix("url(#") == true)
    #expect(svg.elements("pattern").count == 1)
  }

  @Test("reads the axis in percent from 0% to 100%")
  func axis() throws {
    let labels = try chart([("示范单位", [0.9, 0.8, 0.7])]).elements(class: "x-axis").first?.elements("text")
    #expect(labels?.map(\.text) == ["0%", "20%", "40%", "60%", "80%", "100%"])
  }

  @Test("marks a missing share with – and draws no bar for it")
  func missing() throws {
    let svg = try chart([("示范单位", [0.9, .nan])])
    #expect(svg.elements(class: "bar").count == 1)
    #expect(svg.elements(class: "value").map(\.text) == ["90%", "–", "–"])
  }
}

// MARK: - Heatmap

@Suite("heatmap")
struct HeatmapTests {
  private func chart() throws -> StrictXML.Element {
    try StrictXML.parse(
      Chart.heatmap(
        rows: ["示范", "良好", "合格"], columns: ["示范", "良好", "合格"], counts: [[5, 2, 0], [3, 20, 4], [0, 6]],
        rowTitle: "上一轮", columnTitle: "本轮", title: "等级变化", description: "行为上一轮，列为本轮",
        style: ChartStyle()))
  }

  @Test("prints every count in its cell, and – for a missing one")
  func numbers() throws {
    let svg = try chart()
    #expect(svg.elements(class: "cell").count == 9)
    #expect(svg.elements(class: "cell-value").map(\.text) == ["5", "2", "0", "3", "20", "4", "0", "6", "–"])
  }

  @Test("shades larger counts darker; dark cells get white text, light cells dark text, zeros grey text")
  func shades() throws {
    let style = ChartStyle()
    let svg = try chart()
    let cells = svg.elements(class: "cell")
    let texts = svg.elements(class: "cell-value")
    #expect(cells[4]["fill"] == style.ramp.last)
    #expect(cells[2]["fill"] == style.ramp.first)
    #expect(texts[4]["fill"] == "#FFFFFF")
    #expect(texts[1]["fill"] == style.ink)
    #expect(texts[2]["fill"] == style.mutedInk)
  }

  @Test("names rows and columns, and the two directions")
  func labels() throws {
    let svg = try chart()
    #expect(svg.elements(class: "label").map(\.text) == ["示范", "良好", "合格"])
    #expect(svg.elements(class: "column-labels").first?.elements("text").map(\.text) == ["示范", "良好", "合格"])
    #expect(svg.elements(class: "row-title").map(\.text) == ["上一轮"])
    #expect(svg.elements(class: "column-title").map(\.text) == ["本轮"])
  }
}

// MARK: - Rank interval

@Suite("rank interval")
struct RankIntervalTests {
  private func chart() throws -> StrictXML.Element {
    try StrictXML.parse(
      Chart.rankInterval(
        units: [("柳州市", 3, 2, 6, false), ("南宁市", 1, 1, 2, true), ("桂林市", 2, 5, 1, false)],
        title: "名次区间", description: "5%–95%", style: ChartStyle()))
  }

  @Test("draws a row per unit from the best rank down, a line from low to high and a mark at the rank")
  func rows() throws {
    let svg = try chart()
    #expect(svg.elements(class: "label").map(\.text) == ["南宁市", "桂林市", "柳州市"])
    #expect(svg.elements(class: "interval").count == 3)
    #expect(svg.elements(class: "rank").count == 3)
    #expect(svg.elements(class: "span").map(\.text) == ["1 [1–2]", "2 [1–5]", "3 [2–6]"])
  }

  @Test("puts better ranks to the left, and each mark on its line")
  func positions() throws {
    let svg = try chart()
    let lines = svg.elements(class: "interval")
    let x1 = lines.map { Double($0["x1"] ?? "") ?? 0 }
    let x2 = lines.map { Double($0["x2"] ?? "") ?? 0 }
    #expect(x1[0] < x2[0] && x2[0] < x2[2])
    for (mark, line) in zip(svg.elements(class: "rank"), lines) {
      let x = Double(mark["cx"] ?? "") ?? -1
      #expect(x >= (Double(line["x1"] ?? "") ?? 0) && x <= (Double(line["x2"] ?? "") ?? 0))
    }
  }

  @Test("sets highlighted units apart by a shaded row, a bold label and a filled mark")
  func highlighted() throws {
    let units = try chart().elements(class: "unit")
    #expect(units.map { $0["class"] } == ["unit highlighted", "unit", "unit"])
    #expect(units[0].elements(class: "band").count == 1)
    #expect(units[0].elements(class: "label").first?["font-weight"] == "bold")
    #expect(units[1].elements(class: "rank").first?["fill"] == "#FFFFFF")
    #expect(units[0].elements(class: "rank").first?["fill"] != "#FFFFFF")
  }
}

// MARK: - The checker

@Suite("strict XML checker")
struct StrictXMLTests {
  @Test(
    "rejects what is not well formed",
    arguments: [
      "<a>", "<a></b>", "<a><b></a></b>", "<a x=1/>", "<a x=\"1\" x=\"2\"/>", "<a x=\"<\"/>", "<a>&</a>",
      "<a>&nbsp;</a>", "<a>&#0;</a>", "<a/><b/>", "<a>></a>", "<a><!-- c --></a>", "<a>\u{1}</a>", "text",
    ])
  func rejects(xml: String) {
    #expect(throws: StrictXML.Failure.self) { try StrictXML.parse(xml) }
  }

  @Test("accepts and decodes what is")
  func accepts() throws {
    let root = try StrictXML.parse("<a x='&lt;&amp;&quot;' y=\"&#10;\">t&apos;<b/>&#x4E2D;</a>")
    #expect(root["x"] == "<&\"")
    #expect(root["y"] == "\n")
    #expect(root.text == "t'中")
    #expect(root.children.map(\.name) == ["b"])
  }
}
