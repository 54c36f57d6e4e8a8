extension Chart {
  /// The only writer of chart markup: every attribute value and every text passes through `escaped`.
  ///
  /// Ids are written with a reserved scalar (`idToken`) that `escaped` never lets through, so data cannot forge
  /// or shift them; `Chart.document` replaces the token with a prefix derived from the chart's own bytes.
  struct Canvas {
    /// Stands for the document's id prefix until the document is finished.
    static let idToken = "\u{1}"

    /// One attribute, already rendered; made only through the static constructors, which escape.
    struct Attribute {
      let rendered: String

      /// Text, escaped.
      static func text(_ name: String, _ value: String) -> Attribute {
        Attribute(rendered: "\(name)=\"\(Canvas.escaped(value))\"")
      }

      /// A number with at most two decimals.
      static func number(_ name: String, _ value: Double) -> Attribute {
        Attribute(rendered: "\(name)=\"\(Canvas.number(value))\"")
      }

      /// An id unique to this chart: `suffix` is ours, never data.
      static func id(_ suffix: String) -> Attribute {
        Attribute(rendered: "id=\"\(Canvas.idToken)-\(suffix)\"")
      }

      /// A space-separated list of this chart's ids (for `aria-labelledby`).
      static func ids(_ name: String, _ suffixes: [String]) -> Attribute {
        Attribute(rendered: "\(name)=\"\(suffixes.map { "\(Canvas.idToken)-\($0)" }.joined(separator: " "))\"")
      }

      /// A paint that refers to one of this chart's definitions, `url(#…)`.
      static func reference(_ name: String, _ suffix: String) -> Attribute {
        Attribute(rendered: "\(name)=\"url(#\(Canvas.idToken)-\(suffix))\"")
      }
    }

    private(set) var output = ""
    private var depth: Int

    /// A canvas whose elements start at `depth` levels of indentation.
    init(depth: Int = 0) {
      self.depth = depth
    }

    // MARK: - Elements

    /// An element with no content, `<name …/>`.
    mutating func empty(_ name: String, _ attributes: [Attribute]) {
      line("<\(name)\(Self.rendered(attributes))/>")
    }

    /// An element holding text only, `<name …>text</name>`.
    mutating func text(_ name: String, _ attributes: [Attribute], _ content: String) {
      line("<\(name)\(Self.rendered(attributes))>\(Self.escaped(content))</\(name)>")
    }

    /// An element with its children written by `body`.
    mutating func group(_ name: String, _ attributes: [Attribute] = [], _ body: (inout Canvas) -> Void) {
      line("<\(name)\(Self.rendered(attributes))>")
      depth += 1
      body(&self)
      depth -= 1
      line("</\(name)>")
    }

    /// An element whose only child is a tooltip `<title>`, then the children written by `body`.
    mutating func titled(
      _ name: String, _ attributes: [Attribute], tooltip: String, _ body: (inout Canvas) -> Void = { _ in }
    ) {
      group(name, attributes) {
        $0.text("title", [], tooltip)
        body(&$0)
      }
    }

    /// Markup written by another canvas, already indented.
    mutating func append(_ other: Canvas) {
      output += other.output
    }

    private mutating func line(_ markup: String) {
      output += String(repeating: "  ", count: depth) + markup + "\n"
    }

    private static func rendered(_ attributes: [Attribute]) -> String {
      attributes.map { " " + $0.rendered }.joined()
    }

    // MARK: - Escaping and numbers

    /// Text safe as XML element content and as a quoted attribute value, in HTML too.
    ///
    /// The five markup characters become entities; characters XML 1.0 forbids (most C0 controls, lone
    /// surrogates cannot occur in Swift, U+FFFE, U+FFFF) become U+FFFD; line breaks and tabs become character
    /// references so attribute values keep them.
    static func escaped(_ text: String) -> String { XMLEscape.escape(text) }

    /// A number with at most two decimals, no trailing zeros, no `-0`; not finite is `0`.
    static func number(_ value: Double) -> String {
      guard value.isFinite else { return "0" }
      let hundredths = (min(max(value, -1e12), 1e12) * 100).rounded()
      let magnitude = Int(hundredths.magnitude)
      guard magnitude != 0 else { return "0" }
      let sign = hundredths < 0 ? "-" : ""
      let whole = magnitude / 100
      let fraction = magnitude % 100
      if fraction == 0 { return "\(sign)\(whole)" }
      if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
      return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// A share as a whole percentage, `0.875` → `88%`.
    static func percent(_ share: Double) -> String {
      number((share * 100).rounded()) + "%"
    }
  }
}
