import Foundation

/// Messages that carry a likely fix worked out from the offending value.
extension Message {
  /// `attribute` holds `text`, which is not a number; a percentage such as `96.7%` gets the
  /// fraction it should be written as.
  public static func notANumber(_ attribute: String, _ text: String) -> Message {
    if let fraction = percentAsFraction(text) {
      return Message(.submissionNotANumberPercent, attribute, text, fraction)
    }
    return Message(.submissionNotANumber, attribute, text)
  }

  /// `96.7%` (or `96.7％`) written as the fraction `0.967`; nil when `text` is not a percentage.
  public static func percentAsFraction(_ text: String) -> String? {
    var body = text.trimmingCharacters(in: .whitespaces)
    guard body.hasSuffix("%") || body.hasSuffix("％") else { return nil }
    body.removeLast()
    guard let value = Double(body.trimmingCharacters(in: .whitespaces)), value.isFinite else { return nil }
    return formatted((value / 100 * 1e9).rounded() / 1e9)
  }

  /// A value outside `low…high` (the range a criterion can score): when the value divided
  /// by 100 falls inside, it was most likely a percentage written as a whole number.
  ///
  /// `measured` says whether the value comes from the submission's `<data>`.
  public static func outsideRange(
    _ value: Double, criterion: String, low: Double, high: Double, measured: Bool
  )
    -> Message
  {
    let fraction = value / 100
    if abs(value) > 1, fraction >= low, fraction <= high {
      let fix = formatted((fraction * 1e9).rounded() / 1e9)
      return Message(
        measured ? .submissionDataLikelyPercent : .submissionValueLikelyPercent, formatted(value), criterion,
        formatted(low), formatted(high), fix)
    }
    return Message(
      measured ? .submissionDataOutsideRange : .submissionValueOutsideRange, formatted(value), criterion,
      formatted(low), formatted(high))
  }
}

extension Message {
  /// A rubric's `attribute` of `owner` holds `text`, which is not a number: full-width digits
  /// get their half-width form, a number followed by a unit (`4分`) the number alone.
  public static func rubricNotANumber(owner: Message, attribute: String, text: String) -> Message {
    let parts: [Argument] = [.message(owner), .text(attribute), .text(text)]
    if let fix = halfWidth(text) { return Message(.rubricNotANumberFullWidth, parts: parts + [.text(fix)]) }
    if let fix = leadingNumber(text) { return Message(.rubricNotANumberUnit, parts: parts + [.text(fix)]) }
    return Message(.rubricNotANumber, parts: parts)
  }

  /// `text` with full-width digits, point and signs made half-width, when that makes it a number.
  public static func halfWidth(_ text: String) -> String? {
    var changed = false
    let scalars = text.unicodeScalars.map { scalar -> Unicode.Scalar in
      guard (0xFF0B...0xFF19).contains(scalar.value), let half = Unicode.Scalar(scalar.value - 0xFEE0) else {
        return scalar
      }
      changed = true
      return half
    }
    let result = String(String.UnicodeScalarView(scalars)).trimmingCharacters(in: .whitespaces)
    return changed && parseNumber(result) != nil ? result : nil
  }

  /// The number `text` starts with, when the rest is not a number (a unit such as 分 or %).
  public static func leadingNumber(_ text: String) -> String? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let prefix = String(trimmed.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") })
    guard !prefix.isEmpty, prefix.count < trimmed.count, parseNumber(prefix) != nil else { return nil }
    return prefix
  }
}
