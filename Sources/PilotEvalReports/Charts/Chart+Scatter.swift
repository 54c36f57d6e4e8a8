extension Chart {
  /// One dot per item at (`x`, `y`) — a unit's improvement against its starting score, say — with a dashed zero
  /// line and, if `fit` is given, the fitted straight line `y = intercept + slope × x`.
  ///
  /// Both axes fit every point; the vertical one always includes 0, so the dashed zero line (no change) is
  /// drawn, with a white halo so it shows over dots and in grayscale. The fitted line is solid, on a white halo,
  /// and spans the points' horizontal extent (no extrapolation), clipped to the plot; `fitLabel`, if given,
  /// names it in a legend above the plot. Every point is one `<circle class="point">` (the chart draws no other
  /// circles), half transparent so overlaps show darker, with a tooltip naming its label and both values.
  /// `xTitle` runs under the horizontal axis and `yTitle` up the vertical one. Points with a coordinate that is
  /// not finite are left out; none left draws "no data".
  ///
  /// ```swift
  /// Chart.scatter(
  ///   points: [("南宁市", 62, 9.5), ("柳州市", 88, 1.5)], fit: (intercept: 20, slope: -0.2),
  ///   fitLabel: "β = -0.2", xTitle: "起点得分", yTitle: "提高", title: "提高与起点",
  ///   description: "每个点为一个单位", style: ChartStyle())
  /// ```
  public static func scatter(
    points: [(label: String, x: Double, y: Double)], fit: (intercept: Double, slope: Double)?,
    fitLabel: String? = nil, xTitle: String, yTitle: String, title: String, description: String, style: ChartStyle
  ) -> String {
    let kind = "scatter"
    let shown = points.filter { $0.x.isFinite && $0.y.isFinite }
    guard let xLow = shown.map(\.x).min(), let xHigh = shown.map(\.x).max(), let yLow = shown.map(\.y).min(),
      let yHigh = shown.map(\.y).max()
    else { return noData(kind: kind, title: title, description: description, style: style) }
    let fontSize = style.fontSize
    let xDomain = Scale.niceDomain(xLow, xHigh, count: 6)
    let yDomain = Scale.niceDomain(min(yLow, 0), max(yHigh, 0), count: 5)
    let yTicks = Scale(domain: yDomain, start: 1, end: 0).ticks(count: 5)
    let yPlaces = tickPlaces(yTicks)
    let yLabel = { (value: Double) in decimal(value, places: yPlaces) }
    let tickWidth = yTicks.map { TextMetrics.width(yLabel($0), fontSize: fontSize) }.max() ?? 0
    let legendHeight = fit != nil && fitLabel != nil ? fontSize + 10 : 0
    let margins = Margins(
      top: fontSize + 14 + legendHeight, right: 20, bottom: fontSize * 3 + 16, left: tickWidth + fontSize + 24)
    let height = max(style.height, margins.top + margins.bottom + 120)
    let base = height - margins.bottom
    let x = Scale(domain: xDomain, start: margins.left, end: style.width - margins.right)
    let y = Scale(domain: yDomain, start: base, end: margins.top)
    let xTicks = x.ticks(count: 6)
    let xPlaces = tickPlaces(xTicks)

    return document(kind: kind, title: title, description: description, style: style, height: height) { canvas in
      verticalAxis(
        &canvas, scale: y, ticks: yTicks, x: margins.left, gridRight: x.end, style: style, label: yLabel)
      horizontalAxis(
        &canvas, scale: x, ticks: xTicks, y: base, gridTop: margins.top, style: style,
        label: { decimal($0, places: xPlaces) })
      horizontalAxisTitle(&canvas, xTitle, scale: x, axis: base, style: style)
      verticalAxisTitle(&canvas, yTitle, x: 4 + fontSize * 0.8, y: (margins.top + base) / 2, style: style)

      canvas.group("g", [.text("class", "zero")]) { zero in
        zero.text("title", [], "0")
        zero.empty("line", line(x.start, y(0), x.end, y(0), stroke: "#FFFFFF", width: 3.5))
        zero.empty(
          "line", line(x.start, y(0), x.end, y(0), stroke: style.ink, width: 1.5) + [.text("stroke-dasharray", "5 3")])
      }

      canvas.group("g", [.text("class", "points")]) { group in
        let paint = series(style, 0)
        for point in shown {
          marker(
            &group, x: x(point.x), y: y(point.y), radius: 4, shape: .circle, paint: paint, classes: "point",
            opacity: 0.6, tooltip: "\(point.label): \(decimal(point.x, places: 2)) → \(decimal(point.y, places: 2))")
        }
      }

      if fit != nil, let fitLabel {
        let center = 10 + fontSize / 2
        canvas.group("g", [.text("class", "legend")]) { legend in
          legend.empty("line", line(margins.left, center, margins.left + 26, center, stroke: style.ink, width: 2))
          legend.text(
            "text",
            [
              .text("class", "fit-label"), .number("x", margins.left + 32), .number("y", center), .text("dy", "0.35em"),
            ],
            fitLabel)
        }
      }
      if let fit, let segment = clip(fit, x: xLow...xHigh, y: yDomain) {
        let tooltip = "y = \(decimal(fit.intercept, places: 3)) + \(decimal(fit.slope, places: 4)) × x"
        canvas.group("g", [.text("class", "fit")]) { group in
          group.text("title", [], tooltip)
          group.empty(
            "line",
            line(x(segment.0.x), y(segment.0.y), x(segment.1.x), y(segment.1.y), stroke: "#FFFFFF", width: 4.5))
          group.empty(
            "line",
            line(x(segment.0.x), y(segment.0.y), x(segment.1.x), y(segment.1.y), stroke: style.ink, width: 2))
        }
      }
    }
  }

  /// The part of the line `fit` inside the rectangle `x` × `y`, left end first; nil when it misses it.
  private static func clip(
    _ fit: (intercept: Double, slope: Double), x: ClosedRange<Double>, y: ClosedRange<Double>
  ) -> ((x: Double, y: Double), (x: Double, y: Double))? {
    guard fit.intercept.isFinite, fit.slope.isFinite else { return nil }
    var low = x.lowerBound
    var high = x.upperBound
    if fit.slope != 0 {
      let a = (y.lowerBound - fit.intercept) / fit.slope
      let b = (y.upperBound - fit.intercept) / fit.slope
      low = max(low, min(a, b))
      high = min(high, max(a, b))
    } else if !y.contains(fit.intercept) {
      return nil
    }
    guard low < high else { return nil }
    return ((low, fit.intercept + fit.slope * low), (high, fit.intercept + fit.slope * high))
  }
}
