/// Percentile-bootstrap helpers shared by the trend intervals. Every resample takes its random numbers from
/// `SeededRandom(seed:stream:)`, so an interval depends only on the data, the seed and the resample count.
enum Bootstrap {
  /// The stream of the β entry for rounds `earlier` → `later` (high bit set, then the two positions).
  static func betaStream(_ earlier: Int, _ later: Int) -> UInt64 {
    (1 << 63) | (UInt64(truncatingIfNeeded: earlier) << 31) | UInt64(truncatingIfNeeded: later)
  }

  /// The stream of the partner effect for rounds `earlier` → `later`.
  static func partnerStream(_ earlier: Int, _ later: Int) -> UInt64 {
    (1 << 62) | (UInt64(truncatingIfNeeded: earlier) << 31) | UInt64(truncatingIfNeeded: later)
  }

  /// The percentile interval at `level` of `statistics` (one per resample): the nearest-rank
  /// ⌈(1 − level)/2 · B⌉-th and ⌈(1 + level)/2 · B⌉-th smallest of the B values. `nil` for no values.
  static func percentile(_ statistics: [Double], level: Double) -> ConfidenceInterval? {
    let finite = statistics.filter(\.isFinite).sorted()
    guard !finite.isEmpty else { return nil }
    let count = Double(finite.count)
    func rank(_ share: Double) -> Int {
      min(finite.count, max(1, Int((share * count - 1e-9).rounded(.up)))) - 1
    }
    return ConfidenceInterval(
      lower: finite[rank((1 - level) / 2)], upper: finite[rank((1 + level) / 2)], level: level)
  }

  /// `count` indexes drawn with replacement from `0..<count`.
  static func resample(_ count: Int, using random: inout SeededRandom) -> [Int] {
    (0..<count).map { _ in random.next(below: count) }
  }
}
