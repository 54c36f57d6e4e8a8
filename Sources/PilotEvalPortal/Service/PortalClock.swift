public import Foundation

/// Times as the portal writes and reads them: ISO-8601 with an offset.
public enum PortalClock {
  /// `date` in `timeZone` (default +08:00, Asia/Shanghai), e.g. `2026-06-30T17:59:58+08:00`.
  public static func timestamp(_ date: Date, offsetSeconds: Int = 8 * 3600) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(secondsFromGMT: offsetSeconds)
    return formatter.string(from: date)
  }

  /// Parses an ISO-8601 time that carries an offset (`Z` or `±hh:mm`); nil otherwise.
  public static func parse(_ text: String) -> Date? {
    let last = Array(text.suffix(6))
    let hasOffset =
      text.hasSuffix("Z") || (last.count == 6 && (last[0] == "+" || last[0] == "-") && last[3] == ":")
    guard text.count >= 20, hasOffset else { return nil }
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.date(from: text)
  }
}
