extension Chart {
  /// A caterpillar plot: one row per unit, a line from its lowest to its highest plausible rank, a dot at its rank.
  ///
  /// Rows run from the best rank to the worst (ties keep input order); rank 1 is at the left. A highlighted unit
  /// (an exemplar, say) is drawn in the first series' colour and marker on a shaded row with a bold label; the
  /// others as a grey line with a hollow circle. The right-hand column prints `rank [low–high]`, and the rank axis
  /// is drawn above and below the rows. A `low` above `high` is read the other way round. Rows are
  /// `style.denseRowHeight` tall. No units draws "no data".
  ///
  /// ```swift
  /// Chart.rankInterval(
  ///   units: [("南宁市机关事务管理局", 1, 1, 3, true), ("柳州市机关事务管理局", 2, 1, 6, false)],
  ///   title: "名次区间", description: "各单位名次的 5%–95% 区间（权重与专家抽样）", style: ChartStyle())
  /// ```
  public static func rankInterval(
    units: [(label: String, rank: Int, low: Int, high: Int, highlighted: Bool)], title: String, description: String,
    style: ChartStyle
  ) -> String {
    let kind = "rank-interval"
    guard !units.isEmpty else { return noData(kind: kind, title: title, description: description, style: style) }
    let rows = units.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }.map {
      (
        label: $0.element.label, rank: $0.element.rank, low: min($0.element.low, $0.element.high),
        high: max($0.element.low, $0.element.high), highlighted: $0.element.highlighted
      )
    }
    let best = rows.map { min($0.low, $0.rank) }.min()!
    let worst = rows.map { max($0.high, $0.rank) }.max()!
    let rowHeight = style.denseRowHeight
    let fontSize = min(style.fontSize, rowHeight * 0.75)
    let span = rows.map { "\($0.rank) [\($0.low)–\($0.high)]" }
    let spanWidth = span.map { TextMetrics.width($0, fontSize: fontSize) }.max() ?? 0
    let labelWidth = min(rows.map { TextMetrics.width($0.label, fontSize: fontSize) }.max() ?? 0, style.width * 0.3)
    let margins = Margins(
      top: style.fontSize * 2 + 10, right: spanWidth + 16, bottom: style.fontSize * 2 + 10, left: labelWidth + 12)
    let height = margins.top + Double(rows.count) * rowHeight + margins.bottom
    let base = height - margins.bottom
    let x = Scale(
      domain: (Double(best) - 0.5)...(Double(worst) + 0.5), start: margins.left, end: style.width - margins.right)
    let ticks = ([Double(best)] + x.ticks(count: 8, integers: true).filter { $0 > Double(best) && $0 <= Double(worst) })
    let radius = min(4, rowHeight * 0.3)
    let highlight = series(style, 0)
    let plain = ChartStyle.Series(fill: "#FFFFFF", stroke: style.mutedInk, pattern: .solid, marker: .circle)

    return document(kind: kind, title: title, description: description, style: style, height: height) { canvas in
      canvas.group("g", [.text("class", "axis x-axis top")]) { axis in
        for tick in ticks {
          axis.text(
            "text",
            [
              .number("x", x(tick)), .number("y", margins.top - 8), .text("text-anchor", "middle"),
              .text("fill", style.mutedInk),
            ], Canvas.number(tick))
        }
        axis.empty(
          "line", line(x.start, margins.top - 2, x.end, margins.top - 2, stroke: style.ink, width: 1))
      }
      horizontalAxis(&canvas, scale: x, ticks: ticks, y: base, gridTop: margins.top - 2, style: style)
      for (index, row) in rows.enumerated() {
        let top = margins.top + Double(index) * rowHeight
        let center = top + rowHeight / 2
        let tooltip = "\(row.label): \(span[index])"
        canvas.group("g", [.text("class", row.highlighted ? "unit highlighted" : "unit")]) { group in
          if row.highlighted {
            group.empty(
              "rect",
              [
                .text("class", "band"), .number("x", 0), .number("y", top), .number("width", style.width),
                .number("height", rowHeight), .text("fill", style.grid), .number("fill-opacity", 0.45),
              ])
          }
          group.text(
            "text",
            [
              .text("class", "label"), .number("x", margins.left - 8), .number("y", center), .text("dy", "0.35em"),
              .text("text-anchor", "end"), .number("font-size", fontSize),
              .text("font-weight", row.highlighted ? "bold" : "normal"),
            ], TextMetrics.fitted(row.label, width: labelWidth, fontSize: fontSize))
          group.titled(
            "line",
            [.text("class", "interval")]
              + line(
                x(Double(row.low)), center, x(Double(row.high)), center,
                stroke: row.highlighted ? highlight.fill : style.mutedInk, width: row.highlighted ? 2.5 : 1.5),
            tooltip: tooltip)
          marker(
            &group, x: x(Double(row.rank)), y: center, radius: row.highlighted ? radius * 1.2 : radius,
            shape: row.highlighted ? highlight.marker : .circle, paint: row.highlighted ? highlight : plain,
            classes: "rank", tooltip: tooltip)
          group.text(
            "text",
            [
              .text("class", "span"), .number("x", style.width - 8), .number("y", center), .text("dy", "0.35em"),
              .text("text-anchor", "end"), .number("font-size", fontSize), .text("fill", style.mutedInk),
            ], span[index])
        }
      }
    }
  }
}
