extension Chart {
  /// Horizontal bars of shares, one group per category and one bar per series, on a 0–100% axis.
  ///
  /// Categories (section titles) run down the left, so long Chinese titles fit; a title too long for 30% of the
  /// width ends in `…`. Each series has its palette entry's fill and pattern, shown in the legend above the plot.
  /// Each bar is labelled with its share as a whole percentage. Shares are clamped to 0…1 for drawing but
  /// labelled as given; a missing or non-finite share draws no bar and the label `–`. No categories or no series
  /// draws "no data".
  ///
  /// ```swift
  /// Chart.groupedBars(
  ///   categories: ["组织领导", "制度建设", "节能降碳"],
  ///   series: [("示范单位", [0.92, 0.88, 0.95]), ("其他单位", [0.71, 0.64, 0.58])],
  ///   title: "各部分得分率", description: "示范单位与其他单位各部分得分占满分的比例", style: ChartStyle())
  /// ```
  public static func groupedBars(
    categories: [String], series: [(label: String, values: [Double])], title: String, description: String,
    style: ChartStyle
  ) -> String {
    let kind = "grouped-bars"
    guard !categories.isEmpty, !series.isEmpty else {
      return noData(kind: kind, title: title, description: description, style: style)
    }
    let fontSize = style.fontSize
    let labelWidth = min(
      categories.map { TextMetrics.width($0, fontSize: fontSize) }.max() ?? 0, style.width * 0.3)
    let left = labelWidth + 14
    let right = TextMetrics.width("100%", fontSize: fontSize) + 16
    let key = fontSize
    let legendWidths = series.map { key + 6 + TextMetrics.width($0.label, fontSize: fontSize) + 16 }
    let legend = legendLayout(widths: legendWidths, start: left, end: style.width - right)
    let legendLineHeight = fontSize + 8
    let top = 10 + Double((legend.map(\.line).max() ?? 0) + 1) * legendLineHeight + 6
    let bar = style.rowHeight * 0.5
    let band = Double(series.count) * bar + style.rowHeight * 0.5
    let bottom = fontSize * 2 + 10
    let height = top + Double(categories.count) * band + bottom
    let base = height - bottom
    let x = Scale(domain: 0...1, start: left, end: style.width - right)

    return document(
      kind: kind, title: title, description: description, style: style, height: height,
      patternSeries: Array(series.indices)
    ) { canvas in
      canvas.group("g", [.text("class", "legend")]) { group in
        for (index, entry) in series.enumerated() {
          let place = legend[index]
          let y = 10 + Double(place.line) * legendLineHeight
          group.empty(
            "rect",
            [
              .text("class", "key"), .number("x", place.x), .number("y", y), .number("width", key),
              .number("height", key), fill(style, index), .text("stroke", style.ink), .number("stroke-width", 0.75),
            ])
          group.text(
            "text", [.number("x", place.x + key + 6), .number("y", y + key / 2), .text("dy", "0.35em")], entry.label)
        }
      }
      horizontalAxis(
        &canvas, scale: x, ticks: stride(from: 0, through: 1, by: 0.2).map { $0 }, y: base, gridTop: top, style: style,
        label: Canvas.percent)
      for (row, category) in categories.enumerated() {
        let bandTop = top + Double(row) * band + style.rowHeight * 0.25
        canvas.group("g", [.text("class", "category")]) { group in
          group.text(
            "text",
            [
              .text("class", "label"), .number("x", left - 8), .number("y", bandTop + Double(series.count) * bar / 2),
              .text("dy", "0.35em"), .text("text-anchor", "end"),
            ], TextMetrics.fitted(category, width: labelWidth, fontSize: fontSize))
          for (index, entry) in series.enumerated() {
            let y = bandTop + Double(index) * bar
            let share = entry.values.indices.contains(row) ? entry.values[row] : .nan
            let labelY = y + bar / 2
            guard share.isFinite else {
              group.text(
                "text",
                [
                  .text("class", "value"), .number("x", left + 4), .number("y", labelY), .text("dy", "0.35em"),
                  .text("fill", style.mutedInk),
                ], "–")
              continue
            }
            let end = x(min(max(share, 0), 1))
            group.titled(
              "rect",
              [
                .text("class", "bar"), .text("data-series", String(index)), .number("x", left), .number("y", y),
                .number("width", end - left), .number("height", bar - 1), fill(style, index),
                .text("stroke", style.ink), .number("stroke-width", 0.75),
              ], tooltip: "\(category) · \(entry.label): \(Canvas.percent(share))")
            group.text(
              "text",
              [
                .text("class", "value"), .number("x", end + 4), .number("y", labelY), .text("dy", "0.35em"),
                .number("font-size", fontSize * 0.9),
              ], Canvas.percent(share))
          }
        }
      }
    }
  }

  /// Where legend entries of `widths` go: left to right from `start`, on a new line when one would pass `end`.
  static func legendLayout(widths: [Double], start: Double, end: Double) -> [(x: Double, line: Int)] {
    var x = start
    var line = 0
    return widths.map { width in
      if x > start, x + width > end {
        x = start
        line += 1
      }
      defer { x += width }
      return (x, line)
    }
  }
}
