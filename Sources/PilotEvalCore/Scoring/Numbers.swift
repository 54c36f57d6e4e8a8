/// The tolerance SPEC §2 allows on tier, floor, judgement and key-item comparisons.
public let scoringEpsilon = 1e-9

/// Rounds to two decimals the way SPEC §4 defines it: `floor(x × 100 + 0.5 + 1e-7) ÷ 100`.
public func round2(_ x: Double) -> Double {
  (x * 100 + 0.5 + 1e-7).rounded(.down) / 100
}

/// Whether `points` counts as zero (≤ ε).
func isZero(_ points: Double) -> Bool { points <= scoringEpsilon }

/// Σ of `values`, a left fold in the order given.
func sum<S: Sequence>(_ values: S) -> Double where S.Element == Double {
  values.reduce(0, +)
}

/// Parses a number as SPEC writes them: `-?[0-9]+(\.[0-9]+)?` — no exponent,
/// no `+`, no spaces or `_`. Returns `nil` for anything else.
public func parseNumber(_ text: String) -> Double? {
  var utf8 = Substring(text).utf8[...]
  if utf8.first == UInt8(ascii: "-") { utf8 = utf8.dropFirst() }
  let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
  let whole = utf8.prefix(while: isDigit)
  guard !whole.isEmpty else { return nil }
  var rest = utf8.dropFirst(whole.count)
  if rest.first == UInt8(ascii: ".") {
    rest = rest.dropFirst()
    let fraction = rest.prefix(while: isDigit)
    guard !fraction.isEmpty else { return nil }
    rest = rest.dropFirst(fraction.count)
  }
  guard rest.isEmpty else { return nil }
  return Double(text)
}
