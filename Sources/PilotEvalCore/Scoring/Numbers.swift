/// The tolerance SPEC §2 allows on tier, floor, judgement and key-item comparisons.
public let scoringEpsilon = 1e-9

/// Rounds to two decimals the way SPEC §4 defines it: `floor(x × 100 + 0.5 + 1e-7) ÷ 100`.
public func round2(_ x: Double) -> Double {
  (x * 100 + 0.5 + 1e-7).rounded(.down) / 100
}

/// SPEC v1.1: a number written in a rubric, submission or review must have a
/// magnitude below this (10¹²); anything larger is rejected (refused in a rubric),
/// so no product or sum of document numbers can overflow to ±∞.
public let numberMagnitudeLimit = 1e12

/// Whether `value` is finite and below `numberMagnitudeLimit` in magnitude.
public func isWithinMagnitudeLimit(_ value: Double) -> Bool { abs(value) < numberMagnitudeLimit }

/// Whether `points` counts as zero (≤ ε).
func isZero(_ points: Double) -> Bool { points <= scoringEpsilon }

/// Σ of `values`, a left fold in the order given.
func sum<S: Sequence>(_ values: S) -> Double where S.Element == Double {
  values.reduce(0, +)
}

/// Parses a number as SPEC writes them: `-?[0-9]+(\.[0-9]+)?` — no exponent,
/// no `+`, no spaces or `_`. Returns `nil` for anything else.
///
/// The numbers documents hold are read without a general decimal conversion: with at most
/// 15 significant digits (exact in a `Double`) and at most 22 after the point, one division
/// by an exact power of ten, rounded once, is the correctly rounded value the general
/// conversion gives too (the batch reads hundreds of thousands of them). Anything longer
/// goes through `parseNumberByConversion`.
public func parseNumber(_ text: String) -> Double? {
  var mantissa: UInt64 = 0
  var digits = 0
  var whole = 0
  var fraction = 0
  var negative = false
  var sawPoint = false
  var first = true
  for byte in text.utf8 {
    defer { first = false }
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      if digits < 19 { mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0")) }
      digits += 1
      if sawPoint { fraction += 1 } else { whole += 1 }
    case UInt8(ascii: "-") where first:
      negative = true
    case UInt8(ascii: ".") where !sawPoint && whole > 0:
      sawPoint = true
    default:
      return nil
    }
  }
  guard whole > 0, !sawPoint || fraction > 0 else { return nil }
  guard digits <= 15, fraction < powersOfTen.count else { return parseNumberByConversion(text) }
  let value = Double(mantissa) / powersOfTen[fraction]
  return negative ? -value : value
}

/// 10⁰ … 10²², each exact in a `Double`.
private let powersOfTen: [Double] = [
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
  1e20, 1e21, 1e22,
]

/// The same as `parseNumber`, always through the general decimal conversion (the reference
/// the fast path is tested against).
package func parseNumberByConversion(_ text: String) -> Double? {
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
