extension Chart {
  /// One vertical box per group (a round, say), groups left to right in the order given, on a shared value axis.
  ///
  /// The box spans the first to the third quartile (linear interpolation between order statistics, as
  /// spreadsheets compute them); the median is a thick dark line across it (`class="median"`), its value
  /// printed right of the box. Whiskers reach the lowest and highest values within 1.5 interquartile ranges of
  /// the box; values beyond them are drawn as hollow circles (`class="outlier"`, the chart's only circles).
  /// Under each group's label the number of values is printed (`n = 12`). The box is pale and outlined, the
  /// median dark, so the chart reads in grayscale. A group without values keeps its place and draws no box.
  /// Values that are not finite are left out; no groups, or no values at all, draws "no data".
  ///
  /// ```swift
  /// Chart.boxPlot(
  ///   groups: [("2024H1", [61, 70, 74.5, 88]), ("2025H1", [68, 75, 79, 92])], yTitle: "得分",
  ///   title: "各轮得分分布", description: "箱体为四分位距，粗线为中位数", style: ChartStyle())
  /// ```
  public static func boxPlot(
    groups: [(label: String, values: [Double])], yTitle: String? = nil, title: String, description: String,
    style: ChartStyle
  ) -> String {
    let kind = "box-plot"
    let rows = groups.map { (label: $0.label, values: $0.values.filter(\.isFinite).sorted()) }
    let all = rows.flatMap(\.values)
    guard let low = all.min(), let high = all.max() else {
      return noData(kind: kind, title: title, description: description, style: style)
    }
    let fontSize = style.fontSize
    let domain = Scale.niceDomain(low, high, count: 5)
    let ticks = Scale(domain: domain, start: 1, end: 0).ticks(count: 5)
    let places = tickPlaces(ticks)
    let tickLabel = { (value: Double) in decimal(value, places: places) }
    let tickWidth = ticks.map { TextMetrics.width(tickLabel($0), fontSize: fontSize) }.max() ?? 0
    let left = tickWidth + 14 + (yTitle == nil ? 0 : fontSize + 8)
    let right = 16.0
    let top = fontSize + 10
    let bottom = fontSize * 3 + 16
    let height = max(style.height, top + bottom + 120)
    let base = height - bottom
    let y = Scale(domain: domain, start: base, end: top)
    let step = (style.width - left - right) / Double(rows.count)
    let boxWidth = min(step * 0.4, 60)
    let paint = series(style, 0)

    return document(kind: kind, title: title, description: description, style: style, height: height) { canvas in
      verticalAxis(
        &canvas, scale: y, ticks: ticks, x: left, gridRight: style.width - right, style: style, label: tickLabel)
      if let yTitle {
        verticalAxisTitle(&canvas, yTitle, x: 4 + fontSize * 0.8, y: (top + base) / 2, style: style)
      }
      canvas.empty("line", line(left, base, style.width - right, base, stroke: style.ink, width: 1))
      for (index, row) in rows.enumerated() {
        let center = left + (Double(index) + 0.5) * step
        canvas.group("g", [.text("class", "group")]) { group in
          group.text(
            "text",
            [
              .text("class", "label"), .number("x", center), .number("y", base + 6 + fontSize),
              .text("text-anchor", "middle"),
            ], TextMetrics.fitted(row.label, width: step - 4, fontSize: fontSize))
          group.text(
            "text",
            [
              .text("class", "count"), .number("x", center), .number("y", base + 10 + fontSize * 2),
              .text("text-anchor", "middle"), .text("fill", style.mutedInk), .number("font-size", fontSize * 0.9),
            ], "n = \(row.values.count)")
          guard let summary = BoxSummary(sorted: row.values) else { return }
          let tooltip =
            "\(row.label): n = \(row.values.count) · min \(decimal(summary.minimum, places: 2)) · "
            + "Q1 \(decimal(summary.q1, places: 2)) · 中位数 median \(decimal(summary.median, places: 2)) · "
            + "Q3 \(decimal(summary.q3, places: 2)) · max \(decimal(summary.maximum, places: 2))"
          for (from, to) in [(summary.q1, summary.lowWhisker), (summary.q3, summary.highWhisker)] {
            group.empty(
              "line", [.text("class", "whisker")] + line(center, y(from), center, y(to), stroke: style.ink, width: 1))
            group.empty(
              "line",
              [.text("class", "cap")]
                + line(center - boxWidth / 4, y(to), center + boxWidth / 4, y(to), stroke: style.ink, width: 1))
          }
          group.titled(
            "rect",
            [
              .text("class", "box"), .number("x", center - boxWidth / 2), .number("y", y(summary.q3)),
              .number("width", boxWidth), .number("height", max(y(summary.q1) - y(summary.q3), 1)),
              .text("fill", paint.fill), .number("fill-opacity", 0.18), .text("stroke", style.ink),
              .number("stroke-width", 1),
            ], tooltip: tooltip)
          group.titled(
            "line",
            [.text("class", "median")]
              + line(
                center - boxWidth / 2, y(summary.median), center + boxWidth / 2, y(summary.median), stroke: style.ink,
                width: 3), tooltip: "\(row.label) 中位数 median: \(decimal(summary.median, places: 2))")
          group.text(
            "text",
            [
              .text("class", "median-value"), .number("x", center + boxWidth / 2 + 4), .number("y", y(summary.median)),
              .text("dy", "0.35em"), .text("font-weight", "bold"), .number("font-size", fontSize * 0.9),
            ], fixed(summary.median, places: 2))
          for value in row.values where value < summary.lowWhisker || value > summary.highWhisker {
            group.titled(
              "circle",
              [
                .text("class", "outlier"), .number("cx", center), .number("cy", y(value)), .number("r", 3),
                .text("fill", "#FFFFFF"), .text("stroke", style.ink), .number("stroke-width", 1),
              ], tooltip: "\(row.label): \(decimal(value, places: 2))")
          }
        }
      }
    }
  }

  /// Quartiles (linear interpolation between order statistics) and Tukey's whiskers of sorted values.
  struct BoxSummary {
    var minimum: Double
    var q1: Double
    var median: Double
    var q3: Double
    var maximum: Double
    /// The lowest value at or above `q1 − 1.5 × IQR`.
    var lowWhisker: Double
    /// The highest value at or below `q3 + 1.5 × IQR`.
    var highWhisker: Double

    /// The summary of `sorted` (ascending), or nil when it is empty.
    init?(sorted: [Double]) {
      guard let first = sorted.first, let last = sorted.last else { return nil }
      func quantile(_ p: Double) -> Double {
        let position = p * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        return sorted[below] + (sorted[above] - sorted[below]) * (position - Double(below))
      }
      minimum = first
      maximum = last
      let lower = quantile(0.25)
      let upper = quantile(0.75)
      let reach = 1.5 * (upper - lower)
      q1 = lower
      median = quantile(0.5)
      q3 = upper
      lowWhisker = sorted.first { $0 >= lower - reach - 1e-9 } ?? first
      highWhisker = sorted.last { $0 <= upper + reach + 1e-9 } ?? last
    }
  }
}
