/// How charts look: size, fonts, ink and a series palette that survives grayscale printing.
///
/// Series differ by lightness and by pattern and marker shape, never by hue alone, so a chart printed in
/// grayscale on A4 still tells its series apart. Sizes are in SVG user units; the `<svg>` carries them as
/// `width`, `height` and `viewBox`, so CSS may scale the chart (`svg { max-width: 100%; height: auto; }`).
///
/// ```swift
/// var style = ChartStyle()
/// style.width = 560
/// let svg = Chart.histogram(
///   values: scores, binWidth: 5, range: 0...100, thresholds: [("示范 90", 90), ("良好 80", 80), ("合格 60", 60)],
///   title: "得分分布", description: "各单位总分的分布", style: style)
/// ```
public struct ChartStyle: Sendable, Hashable {
  /// A fill pattern drawn over a series' colour.
  public enum Pattern: String, Sendable, Hashable, CaseIterable {
    /// The colour alone.
    case solid
    /// Diagonal lines.
    case diagonal
    /// Dots.
    case dots
    /// Crossed lines.
    case crosshatch
    /// Horizontal lines.
    case horizontal
  }

  /// The shape of a series' points.
  public enum Marker: String, Sendable, Hashable, CaseIterable {
    /// A circle.
    case circle
    /// A square.
    case square
    /// A triangle pointing up.
    case triangle
    /// A diamond.
    case diamond
  }

  /// How one series is drawn.
  public struct Series: Sendable, Hashable {
    /// The fill colour, as CSS writes it (`#1F3A5F`).
    public var fill: String
    /// The colour of the pattern's lines or dots and of outlines.
    public var stroke: String
    /// The pattern over the fill.
    public var pattern: Pattern
    /// The shape of points and of the legend's key.
    public var marker: Marker

    /// Creates a series style.
    public init(fill: String, stroke: String, pattern: Pattern, marker: Marker) {
      self.fill = fill
      self.stroke = stroke
      self.pattern = pattern
      self.marker = marker
    }
  }

  /// The width of every chart.
  public var width: Double
  /// The height of the histogram and of "no data" charts; charts with a row per item grow with their rows.
  public var height: Double
  /// The height of one row in the dot plot, the heatmap and the grouped bars (one category).
  public var rowHeight: Double
  /// The height of one unit's row in the rank-interval plot, which often has a row for every unit.
  public var denseRowHeight: Double
  /// Font families in order of preference; CJK fonts first so Chinese labels render, a generic family last.
  public var fontFamilies: [String]
  /// The size of labels; titles of axes and notes use the same size.
  public var fontSize: Double
  /// Text, axes and reference lines.
  public var ink: String
  /// Secondary text: tick labels, zero counts, notes.
  public var mutedInk: String
  /// Grid lines and empty cells.
  public var grid: String
  /// The series, in order; a chart with more series than this reuses them from the start.
  public var series: [Series]
  /// The shades of the heatmap, from the lowest count to the highest, light to dark.
  public var ramp: [String]

  /// The fonts for Chinese reports on Linux, macOS and Windows.
  public static let chineseFonts = [
    "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "sans-serif",
  ]

  /// A palette whose series run dark to light, each with its own pattern and marker.
  public static let grayscaleSafeSeries = [
    Series(fill: "#1F3A5F", stroke: "#FFFFFF", pattern: .solid, marker: .circle),
    Series(fill: "#8FB3D9", stroke: "#1F3A5F", pattern: .diagonal, marker: .square),
    Series(fill: "#E6E6E6", stroke: "#4D4D4D", pattern: .dots, marker: .triangle),
    Series(fill: "#C77C2E", stroke: "#FFFFFF", pattern: .crosshatch, marker: .diamond),
    Series(fill: "#FFFFFF", stroke: "#1A1A1A", pattern: .horizontal, marker: .circle),
  ]

  /// Creates a style; every argument has a default fit for an A4 report.
  public init(
    width: Double = 640, height: Double = 320, rowHeight: Double = 28, denseRowHeight: Double = 16,
    fontFamilies: [String] = ChartStyle.chineseFonts, fontSize: Double = 12, ink: String = "#1A1A1A",
    mutedInk: String = "#595959", grid: String = "#D9D9D9", series: [Series] = ChartStyle.grayscaleSafeSeries,
    ramp: [String] = ["#F7F7F7", "#CCD9E6", "#93AECB", "#5A7FA8", "#2E527A", "#0F2A47"]
  ) {
    self.width = width
    self.height = height
    self.rowHeight = rowHeight
    self.denseRowHeight = denseRowHeight
    self.fontFamilies = fontFamilies
    self.fontSize = fontSize
    self.ink = ink
    self.mutedInk = mutedInk
    self.grid = grid
    self.series = series
    self.ramp = ramp
  }
}
