/// Charts as inline SVG for self-contained HTML reports, read on screen and printed on A4, often in grayscale.
///
/// Each function returns one `<svg>` element: `role="img"`, `aria-labelledby` naming its `<title>` and `<desc>`,
/// a `viewBox`, no script and no external reference. Text from data is escaped wherever it lands, numbers carry
/// at most two decimals, and the same input always gives the same bytes. Ids inside a chart start with a prefix
/// derived from the chart's own content, so several charts can share one HTML page. Empty input gives a chart
/// that says "无数据 no data". Values that are not finite are left out.
///
/// ```swift
/// let html = "<figure>" + Chart.dotPlot(
///   groups: [("南宁市", [91, 84.5, 77]), ("柳州市", [88, 69])], reference: 90,
///   title: "各地区得分", description: "每个点是一个单位，竖条是地区中位数", style: ChartStyle()) + "</figure>"
/// ```
public enum Chart {
  /// Space around the plot area, in user units.
  struct Margins {
    var top: Double
    var right: Double
    var bottom: Double
    var left: Double
  }

  // MARK: - Document

  /// The `<svg>` element around `body`, with title, description and the patterns of `patternSeries`.
  static func document(
    kind: String, title: String, description: String, style: ChartStyle, height: Double, patternSeries: [Int] = [],
    _ body: (inout Canvas) -> Void
  ) -> String {
    var content = Canvas(depth: 1)
    content.text("title", [.id("title")], title)
    content.text("desc", [.id("desc")], description)
    let patterns = patternSeries.filter { series(style, $0).pattern != .solid }
    if !patterns.isEmpty {
      content.group("defs") { defs in
        for index in patterns { pattern(&defs, index: index, style: style) }
      }
    }
    body(&content)
    var root = Canvas()
    root.group(
      "svg",
      [
        .text("xmlns", "http://www.w3.org/2000/svg"), .text("class", "piloteval-chart piloteval-chart-\(kind)"),
        .number("width", style.width), .number("height", height),
        .text("viewBox", "0 0 \(Canvas.number(style.width)) \(Canvas.number(height))"), .text("role", "img"),
        .ids("aria-labelledby", ["title", "desc"]), .text("font-family", fontFamily(style.fontFamilies)),
        .number("font-size", style.fontSize), .text("fill", style.ink),
      ]
    ) { $0.append(content) }
    var markup = root.output
    markup.removeLast()
    return markup.replacing(Canvas.idToken, with: "pe-\(kind)-\(fingerprint(markup))")
  }

  /// A chart of `kind` that says there is nothing to show.
  static func noData(kind: String, title: String, description: String, style: ChartStyle) -> String {
    document(kind: kind, title: title, description: description, style: style, height: style.height) { canvas in
      canvas.empty(
        "rect",
        [
          .number("x", 0.5), .number("y", 0.5), .number("width", style.width - 1),
          .number("height", style.height - 1), .text("fill", "none"), .text("stroke", style.grid),
          .text("stroke-dasharray", "4 3"),
        ])
      canvas.text(
        "text",
        [
          .text("class", "no-data"), .number("x", style.width / 2), .number("y", style.height / 2),
          .text("dy", "0.35em"), .text("text-anchor", "middle"), .text("fill", style.mutedInk),
          .number("font-size", style.fontSize * 1.25),
        ],
        "无数据 no data")
    }
  }

  /// The CSS font list: named families quoted, generic ones bare, characters that could end the list dropped.
  private static func fontFamily(_ families: [String]) -> String {
    let generic: Set = ["serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "emoji", "math"]
    return families.map { family in
      let name = String(family.unicodeScalars.filter { !"'\"\\;{}<>".unicodeScalars.contains($0) })
      return generic.contains(name) ? name : "'\(name)'"
    }.joined(separator: ", ")
  }

  /// Twelve hex digits of the FNV-1a hash of `text`: the same chart gets the same ids, another chart others.
  private static func fingerprint(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    let digits = String(hash >> 16, radix: 16)
    return String(repeating: "0", count: 12 - digits.count) + digits
  }

  // MARK: - Series paint

  /// The style of series `index`, reusing the palette from the start when it runs out.
  static func series(_ style: ChartStyle, _ index: Int) -> ChartStyle.Series {
    guard !style.series.isEmpty else {
      return ChartStyle.Series(fill: style.ink, stroke: "#FFFFFF", pattern: .solid, marker: .circle)
    }
    return style.series[index % style.series.count]
  }

  /// The fill of series `index`: its colour, or its pattern (declared by `document(patternSeries:)`).
  static func fill(_ style: ChartStyle, _ index: Int) -> Canvas.Attribute {
    let paint = series(style, index)
    return paint.pattern == .solid ? .text("fill", paint.fill) : .reference("fill", "pattern-\(index)")
  }

  private static func pattern(_ canvas: inout Canvas, index: Int, style: ChartStyle) {
    let paint = series(style, index)
    let size = 6.0
    var attributes: [Canvas.Attribute] = [
      .id("pattern-\(index)"), .text("patternUnits", "userSpaceOnUse"), .number("width", size),
      .number("height", size),
    ]
    if paint.pattern == .diagonal || paint.pattern == .crosshatch {
      attributes.append(.text("patternTransform", "rotate(45)"))
    }
    canvas.group("pattern", attributes) { pattern in
      pattern.empty("rect", [.number("width", size), .number("height", size), .text("fill", paint.fill)])
      let marks: String
      switch paint.pattern {
      case .solid: return
      case .diagonal: marks = "M0 0V6"
      case .crosshatch: marks = "M0 0V6M0 0H6"
      case .horizontal: marks = "M0 3H6"
      case .dots: marks = "M2 2h2v2h-2z"
      }
      let stroke: [Canvas.Attribute] =
        paint.pattern == .dots
        ? [.text("fill", paint.stroke)]
        : [.text("fill", "none"), .text("stroke", paint.stroke), .number("stroke-width", 2)]
      pattern.empty("path", [.text("d", marks)] + stroke)
    }
  }

  /// A point in `shape`, filled and outlined as `paint` says, with `tooltip`.
  static func marker(
    _ canvas: inout Canvas, x: Double, y: Double, radius r: Double, shape: ChartStyle.Marker,
    paint: ChartStyle.Series, classes: String, opacity: Double = 1, tooltip: String
  ) {
    var look: [Canvas.Attribute] = [
      .text("class", classes), .text("fill", paint.fill), .text("stroke", paint.stroke), .number("stroke-width", 1),
    ]
    if opacity < 1 { look.append(.number("fill-opacity", opacity)) }
    switch shape {
    case .circle:
      canvas.titled("circle", [.number("cx", x), .number("cy", y), .number("r", r)] + look, tooltip: tooltip)
    case .square:
      let side = r * 1.8
      canvas.titled(
        "rect",
        [.number("x", x - side / 2), .number("y", y - side / 2), .number("width", side), .number("height", side)]
          + look, tooltip: tooltip)
    case .triangle:
      let d = "M\(point(x, y - r * 1.2))L\(point(x + r * 1.1, y + r * 0.8))L\(point(x - r * 1.1, y + r * 0.8))Z"
      canvas.titled("path", [.text("d", d)] + look, tooltip: tooltip)
    case .diamond:
      let d = "M\(point(x, y - r * 1.3))L\(point(x + r * 1.3, y))L\(point(x, y + r * 1.3))L\(point(x - r * 1.3, y))Z"
      canvas.titled("path", [.text("d", d)] + look, tooltip: tooltip)
    }
  }

  private static func point(_ x: Double, _ y: Double) -> String {
    "\(Canvas.number(x)) \(Canvas.number(y))"
  }

  // MARK: - Axes and guides

  /// A horizontal axis at `y` with tick labels below it and, if `gridTop` is given, vertical grid lines up to it.
  static func horizontalAxis(
    _ canvas: inout Canvas, scale: Scale, ticks: [Double], y: Double, gridTop: Double?, style: ChartStyle,
    label: (Double) -> String = Canvas.number
  ) {
    canvas.group("g", [.text("class", "axis x-axis")]) { axis in
      for tick in ticks {
        let x = scale(tick)
        if let gridTop {
          axis.empty("line", line(x, gridTop, x, y, stroke: style.grid, width: 1))
        }
        axis.empty("line", line(x, y, x, y + 4, stroke: style.ink, width: 1))
        axis.text(
          "text",
          [
            .number("x", x), .number("y", y + 6 + style.fontSize), .text("text-anchor", "middle"),
            .text("fill", style.mutedInk),
          ], label(tick))
      }
      axis.empty("line", line(scale.start, y, scale.end, y, stroke: style.ink, width: 1))
    }
  }

  /// The title of a horizontal axis drawn at `axis`, centred under its tick labels.
  static func horizontalAxisTitle(
    _ canvas: inout Canvas, _ title: String, scale: Scale, axis: Double, style: ChartStyle
  ) {
    canvas.text(
      "text",
      [
        .text("class", "axis-title x-title"), .number("x", (scale.start + scale.end) / 2),
        .number("y", axis + 10 + style.fontSize * 2.2), .text("text-anchor", "middle"), .text("fill", style.mutedInk),
      ], title)
  }

  /// The attributes of a straight line.
  static func line(
    _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double
  ) -> [Canvas.Attribute] {
    [
      .number("x1", x1), .number("y1", y1), .number("x2", x2), .number("y2", y2), .text("stroke", stroke),
      .number("stroke-width", width),
    ]
  }

  /// A dashed vertical guide with a white halo, so it shows over dark bars and in grayscale.
  static func guide(
    _ canvas: inout Canvas, x: Double, top: Double, bottom: Double, classes: String, style: ChartStyle,
    tooltip: String
  ) {
    canvas.group("g", [.text("class", classes)]) { group in
      group.text("title", [], tooltip)
      group.empty("line", line(x, top, x, bottom, stroke: "#FFFFFF", width: 3.5))
      group.empty("line", line(x, top, x, bottom, stroke: style.ink, width: 1.5) + [.text("stroke-dasharray", "5 3")])
    }
  }

  /// Places labels left to right in lanes so none overlaps the one before it in its lane; returns each lane.
  static func lanes(starts: [Double], widths: [Double], gap: Double = 6) -> [Int] {
    var ends: [Double] = []
    return zip(starts, widths).map { start, width in
      let lane = ends.firstIndex { $0 + gap <= start } ?? ends.count
      if lane == ends.count { ends.append(0) }
      ends[lane] = start + width
      return lane
    }
  }
}
