import Foundation
import PilotEvalReports
import Testing

/// One chart of each kind, drawn from sample data with `text` in every place data text can go.
enum ChartSample: String, CaseIterable, CustomTestStringConvertible {
  case histogram, dotPlot, groupedBars, heatmap, rankInterval

  var testDescription: String { rawValue }

  func render(text: String = "南宁市", title: String = "标题", description: String = "说明") -> String {
    let style = ChartStyle()
    switch self {
    case .histogram:
      return Chart.histogram(
        values: [55, 62.5, 71, 80, 83.25, 90, 97], binWidth: 10, range: 0...100,
        thresholds: [(text, 90), ("良好", 80), ("合格", 60)], title: title, description: description, style: style)
    case .dotPlot:
      return Chart.dotPlot(
        groups: [(text, [91, 84.5, 77]), ("柳州市", [88, 69])], reference: 90, referenceLabel: text, title: title,
        description: description, style: style)
    case .groupedBars:
      return Chart.groupedBars(
        categories: [text, "制度建设"], series: [(text, [0.92, 0.88]), ("其他单位", [0.71, 0.64])], title: title,
        description: description, style: style)
    case .heatmap:
      return Chart.heatmap(
        rows: [text, "良好"], columns: [text, "良好"], counts: [[5, 2], [3, 20]], rowTitle: text, columnTitle: text,
        title: title, description: description, style: style)
    case .rankInterval:
      return Chart.rankInterval(
        units: [(text, 1, 1, 3, true), ("柳州市", 2, 1, 6, false)], title: title, description: description,
        style: style)
    }
  }

  func renderEmpty() -> String {
    let style = ChartStyle()
    switch self {
    case .histogram:
      return Chart.histogram(
        values: [], binWidth: 5, range: 0...100, thresholds: [("示范", 90)], title: "空", description: "空",
        style: style)
    case .dotPlot:
      return Chart.dotPlot(groups: [], reference: 90, title: "空", description: "空", style: style)
    case .groupedBars:
      return Chart.groupedBars(categories: [], series: [], title: "空", description: "空", style: style)
    case .heatmap:
      return Chart.heatmap(rows: [], columns: [], counts: [], title: "空", description: "空", style: style)
    case .rankInterval:
      return Chart.rankInterval(units: [], title: "空", description: "空", style: style)
    }
  }
}
