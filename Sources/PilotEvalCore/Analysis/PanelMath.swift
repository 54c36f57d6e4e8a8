/// Small numeric helpers shared by the panel statistics and the trend dispersion.
enum PanelMath {
  /// The arithmetic mean of a non-empty sequence: the first value plus the mean of the differences from it,
  /// summed in order, so that values that are all equal give exactly that value (a running sum of six
  /// copies of 37.95957446808511 divided by 6 is 1 ulp off, and the spread around it is then not 0).
  static func mean<S: Sequence>(_ values: S) -> Double where S.Element == Double {
    var iterator = values.makeIterator()
    guard let first = iterator.next() else { return .nan }
    var offsets = 0.0
    var count = 1
    while let value = iterator.next() {
      offsets += value - first
      count += 1
    }
    return first + offsets / Double(count)
  }

  /// Whether the values' spread is negligible against their scale: every value within `relative` × the largest
  /// magnitude (at least 1) of the first. Rounding in sums of scores leaves spreads of ~1e-14 where the data
  /// have none; a statistic that divides by the spread must treat those as no spread.
  static func isNearlyConstant<S: Sequence>(_ values: S, relative: Double = 1e-9) -> Bool
  where S.Element == Double {
    var iterator = values.makeIterator()
    guard let first = iterator.next() else { return true }
    var lowest = first
    var highest = first
    var scale = Swift.max(1, Swift.abs(first))
    while let next = iterator.next() {
      lowest = Swift.min(lowest, next)
      highest = Swift.max(highest, next)
      scale = Swift.max(scale, Swift.abs(next))
    }
    return highest - lowest <= relative * scale
  }

  /// Σ (x − mean)², computed around the mean (two passes) for accuracy.
  static func squaredDeviations<C: Collection>(_ values: C) -> Double where C.Element == Double {
    let center = mean(values)
    return values.reduce(0) { $0 + ($1 - center) * ($1 - center) }
  }

  /// Whether every value is exactly the same.
  static func isConstant<S: Sequence>(_ values: S) -> Bool where S.Element == Double {
    var iterator = values.makeIterator()
    guard let first = iterator.next() else { return true }
    while let next = iterator.next() {
      if next != first { return false }
    }
    return true
  }
}
