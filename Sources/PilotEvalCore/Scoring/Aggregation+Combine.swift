extension Aggregation {
  /// Combines several reviewers' points for one criterion (SPEC §1).
  ///
  /// Means add the values in ascending order, so the result does not depend
  /// on the order the reviews were read in.
  ///
  ///     Aggregation.trimmedMean(1).combine([3, 4, 4, 5, 1])  // (3 + 4 + 4) / 3
  public func combine(_ values: [Double]) -> Double {
    var values = values
    return combine(sortingInPlace: &values)
  }

  /// `combine(_:)`, sorting `values` in place instead of a copy (the scorer's
  /// buffer, reused for every criterion).
  func combine(sortingInPlace sorted: inout [Double]) -> Double {
    guard !sorted.isEmpty else { return 0 }
    sorted.sort()
    return sorted.withUnsafeBufferPointer { combineAscending($0, count: $0.count) }
  }

  /// `combine` of the first `count` values, already in ascending order, without allocating; `combine` itself
  /// sorts and calls it, so the robustness draws and the scorer share one rule. Means add the values ascending,
  /// from 0, and divide by their count.
  package func combineAscending(_ values: UnsafeBufferPointer<Double>, count: Int) -> Double {
    func mean(_ range: Range<Int>) -> Double {
      var total = 0.0
      for index in range { total += values[index] }
      return total / Double(range.count)
    }
    switch self {
    case .mean:
      return mean(0..<count)
    case .median:
      let middle = count / 2
      return count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
    case .trimmedMean(let k):
      guard k > 0, count > 2 * k else { return mean(0..<count) }
      return mean(k..<(count - k))
    }
  }
}
