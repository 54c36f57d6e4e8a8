extension Chart {
  /// The distribution of `values` as a histogram, with a dashed, labelled line at each threshold.
  ///
  /// A threshold's label is printed as given, so put the value in it if readers should see it (`示范 ≥ 90`).
  /// Bins start at `range.lowerBound` and are `binWidth` wide, closed on the left and open on the right, except
  /// the last, which also holds `range.upperBound` (so a score of 100 counts in 95–100). Values outside `range`
  /// are not drawn; a note under the axis counts them. Each bar carries its count in `data-count`, in a tooltip
  /// and, where it fits, as a label above it. Thresholds outside the range are left out. A `binWidth` that is not
  /// positive, an empty range or more than 500 bins draws "no data", as does an empty `values`. `xTitle` runs
  /// under the horizontal axis and `yTitle` up the count axis. The threshold labels sit in lanes above the plot,
  /// clear of the bars' count labels.
  ///
  /// ```swift
  /// Chart.histogram(
  ///   values: scores, binWidth: 5, range: 0...100,
  ///   thresholds: [("示范 90", 90), ("良好 80", 80), ("合格 60", 60)],
  ///   title: "总分分布", description: "各单位总分，每 5 分一组", style: ChartStyle())
  /// ```
  public static func histogram(
    values: [Double], binWidth: Double, range: ClosedRange<Double>, thresholds: [(label: String, value: Double)],
    xTitle: String? = nil, yTitle: String? = nil, title: String, description: String, style: ChartStyle
  ) -> String {
    let kind = "histogram"
    let lower = range.lowerBound
    let span = range.upperBound - lower
    let finite = values.filter(\.isFinite)
    guard !finite.isEmpty, binWidth.isFinite, binWidth > 0, lower.isFinite, span.isFinite, span > 0,
      span / binWidth <= 500
    else { return noData(kind: kind, title: title, description: description, style: style) }

    let binCount = max(1, Int((span / binWidth - 1e-9).rounded(.up)))
    var counts = Array(repeating: 0, count: binCount)
    var outside = 0
    for value in finite {
      guard range.contains(value) else {
        outside += 1
        continue
      }
      counts[min(Int(((value - lower) / binWidth + 1e-9).rounded(.down)), binCount - 1)] += 1
    }

    let fontSize = style.fontSize
    let countScaleTop = Scale.niceDomain(0, Double(max(counts.max() ?? 0, 1)), count: 5, integers: true).upperBound
    let countLabelWidth = TextMetrics.width(Canvas.number(countScaleTop), fontSize: fontSize)
    let visible = thresholds.filter { $0.value.isFinite && range.contains($0.value) }.sorted { $0.value < $1.value }
    let thresholdLabels = visible.map(\.label)
    let left = countLabelWidth + 14 + (yTitle == nil ? 0 : fontSize + 8)
    let right = 16.0
    let x = Scale(domain: lower...(lower + Double(binCount) * binWidth), start: left, end: style.width - right)
    let lanes = lanes(
      starts: visible.map { x($0.value) + 3 }, widths: thresholdLabels.map { TextMetrics.width($0, fontSize: fontSize) }
    )
    let laneHeight = fontSize + 4
    let laneBottom = 10 + Double((lanes.max() ?? -1) + 1) * laneHeight
    let margins = Margins(
      top: laneBottom + fontSize + 4, right: right,
      bottom: fontSize * 2 + 8 + (outside > 0 ? laneHeight : 0) + (xTitle == nil ? 0 : laneHeight), left: left)
    let height = max(style.height, margins.top + margins.bottom + 80)
    let base = height - margins.bottom
    let y = Scale(domain: 0...countScaleTop, start: base, end: margins.top)

    return document(
      kind: kind, title: title, description: description, style: style, height: height, patternSeries: [0]
    ) { canvas in
      canvas.group("g", [.text("class", "axis y-axis")]) { axis in
        for tick in y.ticks(count: 5, integers: true) {
          axis.empty(
            "line", line(margins.left, y(tick), style.width - margins.right, y(tick), stroke: style.grid, width: 1))
          axis.text(
            "text",
            [
              .number("x", margins.left - 6), .number("y", y(tick)), .text("dy", "0.35em"), .text("text-anchor", "end"),
              .text("fill", style.mutedInk),
            ], Canvas.number(tick))
        }
      }
      canvas.group("g", [.text("class", "bars")]) { bars in
        for (index, count) in counts.enumerated() {
          let from = lower + Double(index) * binWidth
          let to = from + binWidth
          let closing = index == binCount - 1 ? "]" : ")"
          let left = x(from) + 0.5
          let width = max(x(to) - x(from) - 1, 0.5)
          bars.titled(
            "rect",
            [
              .text("class", "bar"), .text("data-count", String(count)), .number("x", left),
              .number("y", y(Double(count))),
              .number("width", width), .number("height", base - y(Double(count))), fill(style, 0),
              .text("stroke", style.ink), .number("stroke-width", count > 0 ? 0.75 : 0),
            ],
            tooltip: "[\(Canvas.number(from)), \(Canvas.number(to))\(closing): \(count)")
          if count > 0, TextMetrics.width(String(count), fontSize: fontSize * 0.9) <= width {
            bars.text(
              "text",
              [
                .text("class", "count"), .number("x", left + width / 2), .number("y", y(Double(count)) - 3),
                .text("text-anchor", "middle"), .number("font-size", fontSize * 0.9),
              ], String(count))
          }
        }
      }
      horizontalAxis(&canvas, scale: x, ticks: x.ticks(count: 10), y: base, gridTop: nil, style: style)
      if let xTitle { horizontalAxisTitle(&canvas, xTitle, scale: x, axis: base, style: style) }
      if let yTitle {
        verticalAxisTitle(&canvas, yTitle, x: 4 + fontSize * 0.8, y: (margins.top + base) / 2, style: style)
      }
      for (index, threshold) in visible.enumerated() {
        let at = x(threshold.value)
        let labelY = 10 + Double(lanes[index]) * laneHeight + fontSize * 0.8
        guide(
          &canvas, x: at, top: labelY - fontSize * 0.8, bottom: base, classes: "threshold", style: style,
          tooltip: thresholdLabels[index])
        canvas.text(
          "text", [.text("class", "threshold-label"), .number("x", at + 3), .number("y", labelY)],
          thresholdLabels[index])
      }
      if outside > 0 {
        canvas.text(
          "text",
          [
            .text("class", "note"), .number("x", margins.left),
            .number("y", height - 6 - (xTitle == nil ? 0 : laneHeight)),
            .text("fill", style.mutedInk),
          ],
          "另有 \(outside) 个值在 \(Canvas.number(lower))–\(Canvas.number(range.upperBound)) 之外"
            + " (\(outside) outside the range)")
      }
    }
  }
}
