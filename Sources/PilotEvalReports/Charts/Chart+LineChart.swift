extension Chart {
  /// Several series over a few ordered categories (rounds, say): one line per series, a marker at each value.
  ///
  /// Categories are spaced evenly left to right in the order given. Series differ three ways, so they part in
  /// grayscale: the palette entry's marker shape, a dash pattern of its own (the first series solid), and the
  /// colour (a palette fill too light to read as a line is replaced by its outline colour). The legend above the
  /// plot repeats each line, dash and marker. A value that is not finite is a gap: no marker, and the line breaks
  /// there. Every value is one element of class `point` (its tooltip names series, category and value), every
  /// run of two or more values one `<path class="line">`. `decimals` (0…4) sets the decimals of value labels and
  /// tooltips, so small indexes stay legible (coordinates keep two; ticks get the decimals they need). With
  /// `valueLabels` each value is printed right of its marker on a white halo, the labels of one category pushed
  /// apart so they do not overlap. No categories, no series, or no finite value draws "no data".
  ///
  /// ```swift
  /// Chart.lineChart(
  ///   categories: ["2024H1", "2024H2", "2025H1"],
  ///   series: [("变异系数 CV", [0.12, 0.11, 0.09]), ("基尼系数 Gini", [0.07, 0.06, 0.05])], decimals: 3,
  ///   title: "离散程度变化", description: "越低表示差距越小", style: ChartStyle())
  /// ```
  public static func lineChart(
    categories: [String], series: [(label: String, values: [Double])], decimals: Int = 2, valueLabels: Bool = false,
    yTitle: String? = nil, title: String, description: String, style: ChartStyle
  ) -> String {
    let kind = "line-chart"
    let all = series.flatMap { $0.values.prefix(categories.count) }.filter(\.isFinite)
    guard !categories.isEmpty, !series.isEmpty, let low = all.min(), let high = all.max() else {
      return noData(kind: kind, title: title, description: description, style: style)
    }
    let places = min(max(decimals, 0), 4)
    let fontSize = style.fontSize
    let domain = Scale.niceDomain(low, high, count: 5)
    let probe = Scale(domain: domain, start: 1, end: 0)
    let ticks = probe.ticks(count: 5)
    let tickDecimals = tickPlaces(ticks)
    let tickLabel = { (value: Double) in decimal(value, places: tickDecimals) }
    let tickWidth = ticks.map { TextMetrics.width(tickLabel($0), fontSize: fontSize) }.max() ?? 0
    let valueWidth =
      valueLabels
      ? all.map { TextMetrics.width(decimal($0, places: places), fontSize: fontSize * 0.9) }.max() ?? 0 : 0
    let left = tickWidth + 14 + (yTitle == nil ? 0 : fontSize + 8)
    // The last value's label starts right of its marker, half a category's width from the plot's end.
    let halfStep = (style.width - left - 16) / Double(categories.count) / 2
    let right = valueLabels ? max(16, valueWidth + 14 - halfStep) : 16
    let keyWidth = 26.0
    let legendWidths = series.map { keyWidth + 6 + TextMetrics.width($0.label, fontSize: fontSize) + 18 }
    let legend = legendLayout(widths: legendWidths, start: left, end: style.width - right)
    let legendLineHeight = fontSize + 8
    let top = 10 + Double((legend.map(\.line).max() ?? 0) + 1) * legendLineHeight + 8
    let bottom = fontSize * 2 + 12
    let height = max(style.height, top + bottom + 120)
    let base = height - bottom
    let y = Scale(domain: domain, start: base, end: top)
    let step = (style.width - left - right) / Double(categories.count)
    let xs = categories.indices.map { left + (Double($0) + 0.5) * step }
    let radius = 4.0

    // Value labels: right of each marker, pushed down in a category so none overlaps the one above it.
    var labelY: [[Double]] = series.map { _ in Array(repeating: 0, count: categories.count) }
    if valueLabels {
      for column in categories.indices {
        let placed = series.indices.compactMap { index -> (Int, Double)? in
          let values = series[index].values
          guard values.indices.contains(column), values[column].isFinite else { return nil }
          return (index, y(values[column]))
        }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        var floor = -Double.infinity
        for (index, at) in placed {
          let position = max(at, floor + fontSize)
          labelY[index][column] = position
          floor = position
        }
      }
    }

    return document(kind: kind, title: title, description: description, style: style, height: height) { canvas in
      verticalAxis(
        &canvas, scale: y, ticks: ticks, x: left, gridRight: style.width - right, style: style, label: tickLabel)
      if let yTitle {
        verticalAxisTitle(&canvas, yTitle, x: 4 + fontSize * 0.8, y: (top + base) / 2, style: style)
      }
      canvas.group("g", [.text("class", "axis x-axis")]) { axis in
        axis.empty("line", line(left, base, style.width - right, base, stroke: style.ink, width: 1))
        for (index, category) in categories.enumerated() {
          axis.empty("line", line(xs[index], base, xs[index], base + 4, stroke: style.ink, width: 1))
          axis.text(
            "text",
            [
              .text("class", "category"), .number("x", xs[index]), .number("y", base + 6 + fontSize),
              .text("text-anchor", "middle"),
            ], TextMetrics.fitted(category, width: step - 4, fontSize: fontSize))
        }
      }
      canvas.group("g", [.text("class", "legend")]) { group in
        for (index, entry) in series.enumerated() {
          let place = legend[index]
          let center = 10 + Double(place.line) * legendLineHeight + fontSize / 2
          let paint = Chart.series(style, index)
          group.group("g", [.text("class", "key")]) { key in
            key.empty(
              "line",
              line(place.x, center, place.x + keyWidth, center, stroke: lineColor(paint), width: 2)
                + dash(index))
            marker(
              &key, x: place.x + keyWidth / 2, y: center, radius: radius, shape: paint.marker, paint: paint,
              classes: "key-marker", tooltip: entry.label)
          }
          group.text(
            "text", [.number("x", place.x + keyWidth + 6), .number("y", center), .text("dy", "0.35em")], entry.label)
        }
      }
      for (index, entry) in series.enumerated() {
        let paint = Chart.series(style, index)
        canvas.group("g", [.text("class", "series"), .text("data-series", String(index))]) { group in
          var runs: [[(Double, Double)]] = [[]]
          for column in categories.indices {
            let value = entry.values.indices.contains(column) ? entry.values[column] : .nan
            if value.isFinite {
              runs[runs.count - 1].append((xs[column], y(value)))
            } else if !runs[runs.count - 1].isEmpty {
              runs.append([])
            }
          }
          for run in runs where run.count >= 2 {
            let d = run.enumerated().map {
              "\($0.offset == 0 ? "M" : "L")\(Canvas.number($0.element.0)) "
                + Canvas.number($0.element.1)
            }.joined()
            group.empty(
              "path",
              [
                .text("class", "line"), .text("d", d), .text("fill", "none"), .text("stroke", lineColor(paint)),
                .number("stroke-width", 2), .text("stroke-linejoin", "round"),
              ] + dash(index))
          }
          for column in categories.indices {
            let value = entry.values.indices.contains(column) ? entry.values[column] : .nan
            guard value.isFinite else { continue }
            marker(
              &group, x: xs[column], y: y(value), radius: radius, shape: paint.marker, paint: paint, classes: "point",
              tooltip: "\(entry.label) · \(categories[column]): \(decimal(value, places: places))")
            if valueLabels {
              group.text(
                "text",
                [
                  .text("class", "value"), .number("x", xs[column] + radius + 4), .number("y", labelY[index][column]),
                  .text("dy", "0.35em"), .number("font-size", fontSize * 0.9), .text("stroke", "#FFFFFF"),
                  .number("stroke-width", 3), .text("stroke-linejoin", "round"), .text("paint-order", "stroke"),
                ], decimal(value, places: places))
            }
          }
        }
      }
    }
  }

  /// The dash pattern of series `index`: none for the first, then dashes, dots, dash-dot, sparse dots.
  static func dash(_ index: Int) -> [Canvas.Attribute] {
    let patterns = ["", "7 4", "2 3", "9 3 2 3", "1 4"]
    let pattern = patterns[index % patterns.count]
    return pattern.isEmpty ? [] : [.text("stroke-dasharray", pattern)]
  }

  /// The colour of a series drawn as a line: its fill, unless that is too light to read on white (contrast
  /// below 2:1), then its outline colour.
  static func lineColor(_ paint: ChartStyle.Series) -> String {
    guard let fill = luminance(paint.fill) else { return paint.fill }
    return 1.05 / (fill + 0.05) >= 2 ? paint.fill : paint.stroke
  }
}
