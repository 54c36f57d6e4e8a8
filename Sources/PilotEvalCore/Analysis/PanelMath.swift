/// Small numeric helpers shared by the panel statistics and the trend dispersion.
enum PanelMath {
  /// The arithmetic mean of a non-empty sequence, summed in order.
  static func mean<S: Sequence>(_ values: S) -> Double where S.Element == Double {
    var total = 0.0
    var count = 0
    for value in values {
      total += value
      count += 1
    }
    return total / Double(count)
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
