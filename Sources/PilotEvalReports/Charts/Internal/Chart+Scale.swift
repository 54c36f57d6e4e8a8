extension Chart {
  /// Maps a data interval onto pixels, with evenly spaced "nice" ticks (1, 2, 2.5 or 5 × 10ⁿ).
  struct Scale {
    let domain: ClosedRange<Double>
    /// Where the domain's lower bound lands.
    let start: Double
    /// Where the domain's upper bound lands; less than `start` for a vertical axis that grows upwards.
    let end: Double

    /// The pixel position of `value`.
    func callAsFunction(_ value: Double) -> Double {
      let span = domain.upperBound - domain.lowerBound
      guard span > 0 else { return (start + end) / 2 }
      return start + (value - domain.lowerBound) / span * (end - start)
    }

    /// Ticks inside the domain, about `count` of them, at multiples of a nice step (whole numbers if `integers`).
    func ticks(count: Int, integers: Bool = false) -> [Double] {
      let step = Self.niceStep(span: domain.upperBound - domain.lowerBound, count: count, integers: integers)
      guard step > 0 else { return [domain.lowerBound] }
      let first = (domain.lowerBound / step - 1e-9).rounded(.up)
      let last = (domain.upperBound / step + 1e-9).rounded(.down)
      guard first <= last, last - first < 1000 else { return [] }
      return stride(from: first, through: last, by: 1).map { $0 * step }
    }

    /// A domain that contains `low…high` and starts and ends on nice ticks; a single value is widened by one.
    static func niceDomain(_ low: Double, _ high: Double, count: Int, integers: Bool = false) -> ClosedRange<Double> {
      let (low, high) = low < high ? (low, high) : (low - 1, high + 1)
      let step = niceStep(span: high - low, count: count, integers: integers)
      guard step > 0 else { return low...high }
      return ((low / step + 1e-9).rounded(.down) * step)...((high / step - 1e-9).rounded(.up) * step)
    }

    /// The nice step that cuts `span` into about `count` pieces.
    static func niceStep(span: Double, count: Int, integers: Bool) -> Double {
      guard span.isFinite, span > 0, count > 0 else { return 0 }
      let raw = span / Double(count)
      var magnitude = 1.0
      while magnitude * 10 <= raw { magnitude *= 10 }
      while magnitude > raw { magnitude /= 10 }
      let residual = raw / magnitude
      let factor = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10
      let step = factor * magnitude
      return integers ? max(1, step.rounded(.up)) : step
    }
  }
}
