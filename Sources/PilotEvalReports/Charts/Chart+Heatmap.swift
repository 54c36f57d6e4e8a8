extension Chart {
  /// A grid of counts, each cell shaded by its count and printing it (a tier migration matrix, say).
  ///
  /// Shades come from `style.ramp`, light to dark: zero takes the first, the largest count the last. Text on a
  /// dark cell is white and on a light cell dark (zeros grey), so the numbers read in grayscale too. `rowTitle` and
  /// `columnTitle` name the two directions (`上一轮` down the side, `本轮` across the top). A missing cell (a short
  /// row in `counts`) is drawn empty with `–`. No rows or no columns draws "no data".
  ///
  /// ```swift
  /// Chart.heatmap(
  ///   rows: ["示范", "良好", "合格"], columns: ["示范", "良好", "合格"],
  ///   counts: [[5, 2, 0], [3, 20, 4], [0, 6, 31]], rowTitle: "上一轮", columnTitle: "本轮",
  ///   title: "等级变化", description: "上一轮等级（行）到本轮等级（列）的单位数", style: ChartStyle())
  /// ```
  public static func heatmap(
    rows: [String], columns: [String], counts: [[Int]], rowTitle: String? = nil, columnTitle: String? = nil,
    title: String, description: String, style: ChartStyle
  ) -> String {
    let kind = "heatmap"
    guard !rows.isEmpty, !columns.isEmpty else {
      return noData(kind: kind, title: title, description: description, style: style)
    }
    let fontSize = style.fontSize
    let lineHeight = fontSize + 6
    let labelWidth = min(
      (rows + [rowTitle ?? ""]).map { TextMetrics.width($0, fontSize: fontSize) }.max() ?? 0, style.width * 0.3)
    let left = labelWidth + 12
    let right = 8.0
    let top = 8 + (columnTitle == nil ? 0 : lineHeight) + lineHeight
    let cellWidth = (style.width - left - right) / Double(columns.count)
    let cellHeight = style.rowHeight
    let height = top + Double(rows.count) * cellHeight + 8
    let largest = max(counts.flatMap { $0 }.max() ?? 0, 1)

    return document(kind: kind, title: title, description: description, style: style, height: height) { canvas in
      if let columnTitle {
        canvas.text(
          "text",
          [
            .text("class", "column-title"), .number("x", left + (style.width - left - right) / 2),
            .number("y", 8 + fontSize), .text("text-anchor", "middle"), .text("font-weight", "bold"),
          ], columnTitle)
      }
      if let rowTitle {
        canvas.text(
          "text",
          [
            .text("class", "row-title"), .number("x", left - 8), .number("y", top - 6), .text("text-anchor", "end"),
            .text("font-weight", "bold"),
          ], TextMetrics.fitted(rowTitle, width: labelWidth, fontSize: fontSize))
      }
      canvas.group("g", [.text("class", "column-labels")]) { labels in
        for (index, column) in columns.enumerated() {
          labels.text(
            "text",
            [
              .number("x", left + (Double(index) + 0.5) * cellWidth), .number("y", top - 6),
              .text("text-anchor", "middle"),
            ], TextMetrics.fitted(column, width: cellWidth - 4, fontSize: fontSize))
        }
      }
      for (rowIndex, row) in rows.enumerated() {
        let y = top + Double(rowIndex) * cellHeight
        canvas.group("g", [.text("class", "row")]) { group in
          group.text(
            "text",
            [
              .text("class", "label"), .number("x", left - 8), .number("y", y + cellHeight / 2), .text("dy", "0.35em"),
              .text("text-anchor", "end"),
            ], TextMetrics.fitted(row, width: labelWidth, fontSize: fontSize))
          for (columnIndex, column) in columns.enumerated() {
            let x = left + Double(columnIndex) * cellWidth
            let count =
              counts.indices.contains(rowIndex) && counts[rowIndex].indices.contains(columnIndex)
              ? counts[rowIndex][columnIndex] : nil
            let shade = count.map { shadeFor($0, largest: largest, ramp: style.ramp) } ?? "#FFFFFF"
            let legible = legibleText(on: shade, style: style)
            let text = count == nil || count == 0 && legible == style.ink ? style.mutedInk : legible
            group.titled(
              "rect",
              [
                .text("class", "cell"), .text("data-count", count.map(String.init) ?? ""), .number("x", x),
                .number("y", y), .number("width", cellWidth), .number("height", cellHeight), .text("fill", shade),
                .text("stroke", count == nil ? style.grid : "#FFFFFF"), .number("stroke-width", 1),
              ], tooltip: "\(row) → \(column): \(count.map(String.init) ?? "–")")
            group.text(
              "text",
              [
                .text("class", "cell-value"), .number("x", x + cellWidth / 2), .number("y", y + cellHeight / 2),
                .text("dy", "0.35em"), .text("text-anchor", "middle"), .text("fill", text),
              ], count.map(String.init) ?? "–")
          }
        }
      }
    }
  }

  /// The ramp's shade for `count`: the first for zero or less, the last for `largest`, evenly between.
  private static func shadeFor(_ count: Int, largest: Int, ramp: [String]) -> String {
    guard let first = ramp.first else { return "#FFFFFF" }
    guard count > 0, ramp.count > 1 else { return first }
    let level = Int((Double(count) / Double(largest) * Double(ramp.count - 1)).rounded(.up))
    return ramp[min(max(level, 1), ramp.count - 1)]
  }

  /// White or `style.ink`, whichever contrasts more with `background` (WCAG contrast ratio).
  private static func legibleText(on background: String, style: ChartStyle) -> String {
    guard let shade = luminance(background) else { return style.ink }
    let ink = luminance(style.ink) ?? 0
    return 1.05 / (shade + 0.05) > (shade + 0.05) / (ink + 0.05) ? "#FFFFFF" : style.ink
  }
}
