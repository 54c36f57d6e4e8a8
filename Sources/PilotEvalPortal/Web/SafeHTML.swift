import PilotEvalReports

/// HTML built so that text cannot become markup: every `String` interpolated into a
/// `SafeHTML` literal goes through `SafeHTML.escape` (the reports' escaper); only other
/// `SafeHTML` values are inserted as they are.
///
///     let name = "<script>"
///     let cell: SafeHTML = "<td>\(name)</td>"   // <td>&lt;script&gt;</td>
struct SafeHTML: ExpressibleByStringInterpolation, Sendable, Equatable {
  /// The markup.
  private(set) var html: String

  init(stringLiteral value: String) { html = value }

  init(stringInterpolation: Interpolation) { html = stringInterpolation.html }

  /// Markup known to be safe (used for the literals of this module only).
  private init(trusted: String) { html = trusted }

  static let empty = SafeHTML(trusted: "")

  struct Interpolation: StringInterpolationProtocol {
    var html = ""
    init(literalCapacity: Int, interpolationCount: Int) { html.reserveCapacity(literalCapacity * 2) }
    mutating func appendLiteral(_ literal: String) { html += literal }
    mutating func appendInterpolation(_ text: String) { html += SafeHTML.escape(text) }
    mutating func appendInterpolation(_ number: Int) { html += String(number) }
    mutating func appendInterpolation(_ markup: SafeHTML) { html += markup.html }
    mutating func appendInterpolation(_ parts: [SafeHTML]) { html += parts.map(\.html).joined() }
  }

  /// Text escaped for element content and quoted attributes: the reports' escaper
  /// (`XMLEscape`), so the portal and the reports follow one rule (docs/DECISIONS.md,
  /// "One escaper for text in markup").
  static func escape(_ text: String) -> String { XMLEscape.escape(text) }

  /// Joins parts.
  static func join(_ parts: [SafeHTML]) -> SafeHTML { SafeHTML(trusted: parts.map(\.html).joined()) }
}
