import PilotEvalCore
import Testing

/// SPEC's number syntax (top of page) and §4's round2.
@Suite("numbers and rounding")
struct NumbersTests {
  @Test(
    "parseNumber accepts -?[0-9]+(\\.[0-9]+)?",
    arguments: [
      ("0", 0.0), ("42", 42), ("-3", -3), ("0.5", 0.5), ("-0.25", -0.25), ("007", 7), ("100.00", 100),
      ("89.995", 89.995),
    ])
  func accepts(text: String, value: Double) {
    #expect(parseNumber(text) == value)
  }

  @Test(
    "parseNumber refuses anything else: sign +, exponent, spaces, _, a bare point, other digits",
    arguments: [
      "+1", "1e3", "1E3", " 1", "1 ", "1_000", "1.", ".5", "", "-", "--1", "-.5", "1.2.3", "1,5", "0x10", "nan", "NaN",
      "inf", "infinity", "٣", "１", "1\n", "\u{2212}1",
    ])
  func refuses(text: String) {
    #expect(parseNumber(text) == nil)
  }

  @Test(
    "round2(x) = floor(x × 100 + 0.5 + 1e-7) ÷ 100",
    arguments: [
      (89.995, 90.0),  // 8999.4999… + 0.5 + 1e-7 → 9000
      (89.994, 89.99),
      (1.005, 1.01),  // 100.4999… in binary: the 1e-7 rounds it half up as written
      (2.675, 2.68),
      (0.004, 0.0),
      (0.005, 0.01),
      (12.344999, 12.34),
      (0.0, 0.0),
      (100.0, 100.0),
    ])
  func round2Rule(x: Double, expected: Double) {
    #expect(round2(x) == expected)
  }
}
