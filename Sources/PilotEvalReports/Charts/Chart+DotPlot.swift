extension Chart {
  /// One row per group (a region, say) with a dot per value and a bar at the group's median.
  ///
  /// Dots are half transparent, so overlaps show darker, and spread up and down their row by a fixed pattern of
  /// their index (no randomness), so equal scores stay visible. The score axis fits every value and the
  /// reference, which is drawn as a dashed line labelled `referenceLabel` and the value (`示范 90`). The
  /// right-hand columns print each median (two decimals) under `medianLabel` and the number of values; `xTitle`
  /// runs under the score axis. Every value is one `<circle class="unit">`;
  /// the chart draws no other circles. Groups keep their order; a group without values keeps its row. No groups,
  /// or no values at all, draws "no data".
  ///
  /// ```swift
  /// Chart.dotPlot(
  ///   groups: [("南宁市", [91, 84.5, 77]), ("柳州市", [88, 69])], reference: 90, referenceLabel: "示范",
  ///   title: "各地区得分", description: "每个点是一个单位，竖条是地区中位数", style: ChartStyle())
  /// ```
  public static func dotPlot(
    groups: [(label: String, values: [Double])], reference: Double?, referenceLabel: String? = nil,
    xTitle: String? = nil, medianLabel: String = "中位数", title: String, description: String, style: ChartStyle
  ) -> String {
    let kind = "dot-plot"
    let rows = groups.map { (label: $0.label, values: $0.values.filter(\.isFinite)) }
    let all = rows.flatMap(\.values)
    guard !all.isEmpty else { return noData(kind: kind, title: title, description: description, style: style) }

    let reference = reference.flatMap { $0.isFinite ? $0 : nil }
    let extent = all + (reference.map { [$0] } ?? [])
    let domain = Scale.niceDomain(extent.min()!, extent.max()!, count: 6)
    let fontSize = style.fontSize
    let medians = rows.map { median($0.values) }
    let medianHeader = medianLabel
    let countHeader = "n"
    let medianWidth = max(
      TextMetrics.width(medianHeader, fontSize: fontSize),
      medians.map { TextMetrics.width($0.map { fixed($0, places: 2) } ?? "–", fontSize: fontSize) }.max() ?? 0)
    let countWidth = max(
      TextMetrics.width(countHeader, fontSize: fontSize),
      rows.map { TextMetrics.width(String($0.values.count), fontSize: fontSize) }.max() ?? 0)
    let labelWidth = min(
      rows.map { TextMetrics.width($0.label, fontSize: fontSize) }.max() ?? 0, style.width * 0.3)
    let margins = Margins(
      top: fontSize * 2 + 10, right: medianWidth + countWidth + 36,
      bottom: fontSize * 2 + 10 + (xTitle == nil ? 0 : fontSize + 6),
      left: labelWidth + 12)
    let height = margins.top + Double(rows.count) * style.rowHeight + margins.bottom
    let base = height - margins.bottom
    let x = Scale(domain: domain, start: margins.left, end: style.width - margins.right)
    let medianX = style.width - countWidth - 24
    let countX = style.width - 8
    let radius = min(4, style.rowHeight * 0.15)
    let spread = style.rowHeight * 0.5 - radius - 1

    return document(kind: kind, title: title, description: description, style: style, height: height) { canvas in
      horizontalAxis(&canvas, scale: x, ticks: x.ticks(count: 6), y: base, gridTop: margins.top, style: style)
      if let xTitle { horizontalAxisTitle(&canvas, xTitle, scale: x, axis: base, style: style) }
      canvas.group("g", [.text("class", "column-headers"), .text("fill", style.mutedInk)]) { headers in
        headers.text(
          "text", [.number("x", medianX), .number("y", margins.top - 6), .text("text-anchor", "end")], medianHeader)
        headers.text(
          "text", [.number("x", countX), .number("y", margins.top - 6), .text("text-anchor", "end")], countHeader)
      }
      for (index, row) in rows.enumerated() {
        let center = margins.top + (Double(index) + 0.5) * style.rowHeight
        canvas.group("g", [.text("class", "group")]) { group in
          group.empty(
            "line", line(margins.left, center, x.end, center, stroke: style.grid, width: 1))
          group.text(
            "text",
            [
              .text("class", "label"), .number("x", margins.left - 8), .number("y", center), .text("dy", "0.35em"),
              .text("text-anchor", "end"),
            ], TextMetrics.fitted(row.label, width: labelWidth, fontSize: fontSize))
          for (unit, value) in row.values.enumerated() {
            marker(
              &group, x: x(value), y: center + jitter(unit) * spread, radius: radius, shape: .circle,
              paint: series(style, 0), classes: "unit", opacity: 0.5, tooltip: "\(row.label): \(Canvas.number(value))")
          }
          if let median = medians[index] {
            group.titled(
              "rect",
              [
                .text("class", "median"), .number("x", x(median) - 2), .number("y", center - style.rowHeight * 0.45),
                .number("width", 4), .number("height", style.rowHeight * 0.9), .text("fill", style.ink),
                .text("stroke", "#FFFFFF"), .number("stroke-width", 1),
              ], tooltip: "\(row.label) \(medianLabel): \(fixed(median, places: 2))")
          }
          group.text(
            "text",
            [
              .text("class", "median-value"), .number("x", medianX), .number("y", center), .text("dy", "0.35em"),
              .text("text-anchor", "end"), .text("font-weight", "bold"),
            ], medians[index].map { fixed($0, places: 2) } ?? "–")
          group.text(
            "text",
            [
              .text("class", "count"), .number("x", countX), .number("y", center), .text("dy", "0.35em"),
              .text("text-anchor", "end"), .text("fill", style.mutedInk),
            ], String(row.values.count))
        }
      }
      if let reference {
        let label = [referenceLabel, Canvas.number(reference)].compactMap { $0 }.joined(separator: " ")
        guide(
          &canvas, x: x(reference), top: margins.top - fontSize - 6, bottom: base, classes: "reference", style: style,
          tooltip: label)
        canvas.text(
          "text",
          [
            .text("class", "reference-label"), .number("x", x(reference) + 4), .number("y", margins.top - fontSize - 2),
          ],
          label)
      }
    }
  }

  /// The median of `values`, or nil when there are none.
  static func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
  }

  /// A vertical offset in −1…1 for the `index`-th dot of a row, the first in the middle: the golden-ratio
  /// sequence, evenly spread and repeatable.
  static func jitter(_ index: Int) -> Double {
    let fraction = (Double(index) * 0.618_033_988_75 + 0.5).truncatingRemainder(dividingBy: 1)
    return fraction * 2 - 1
  }
}
