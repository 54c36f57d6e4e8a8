extension Chart {
  /// A vertical axis at `x` with tick labels left of it and horizontal grid lines across to `gridRight`.
  static func verticalAxis(
    _ canvas: inout Canvas, scale: Scale, ticks: [Double], x: Double, gridRight: Double, style: ChartStyle,
    label: (Double) -> String = Canvas.number
  ) {
    canvas.group("g", [.text("class", "axis y-axis")]) { axis in
      for tick in ticks {
        let y = scale(tick)
        axis.empty("line", line(x, y, gridRight, y, stroke: style.grid, width: 1))
        axis.empty("line", line(x - 4, y, x, y, stroke: style.ink, width: 1))
        axis.text(
          "text",
          [
            .number("x", x - 6), .number("y", y), .text("dy", "0.35em"), .text("text-anchor", "end"),
            .text("fill", style.mutedInk),
          ], label(tick))
      }
      axis.empty("line", line(x, scale.start, x, scale.end, stroke: style.ink, width: 1))
    }
  }

  /// An axis title rotated to run up the left edge, centred on `y`.
  static func verticalAxisTitle(_ canvas: inout Canvas, _ title: String, x: Double, y: Double, style: ChartStyle) {
    canvas.text(
      "text",
      [
        .text("class", "axis-title y-title"), .number("x", x), .number("y", y), .text("text-anchor", "middle"),
        .text("transform", "rotate(-90 \(Canvas.number(x)) \(Canvas.number(y)))"), .text("fill", style.mutedInk),
      ], title)
  }

  /// `value` with up to `places` decimals (0…4) and no trailing zeros, `-0` written `0`: text for labels, where
  /// small indexes (a Theil index of 0.004) need more than the two decimals of coordinates.
  static func decimal(_ value: Double, places: Int) -> String {
    guard value.isFinite else { return "–" }
    let places = min(max(places, 0), 4)
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (min(max(value, -1e12), 1e12) * scale).rounded()
    let magnitude = Int(scaled.magnitude)
    guard magnitude != 0 else { return "0" }
    let sign = scaled < 0 ? "-" : ""
    let unit = Int(scale)
    var fraction = magnitude % unit
    var digits = places
    while digits > 0, fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    let whole = magnitude / unit
    guard digits > 0 else { return "\(sign)\(whole)" }
    let text = String(fraction)
    return "\(sign)\(whole)." + String(repeating: "0", count: digits - text.count) + text
  }

  /// Decimals that the ticks of `ticks` need to print distinctly (at most 4).
  static func tickPlaces(_ ticks: [Double]) -> Int {
    for places in 0...3
    where ticks.allSatisfy({ tick in
      var scale = 1.0
      for _ in 0..<places { scale *= 10 }
      return abs((tick * scale).rounded() - tick * scale) < 1e-6
    }) {
      return places
    }
    return 4
  }
}
