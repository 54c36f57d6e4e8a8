/// A strict, tiny XML reader for checking chart output: balanced tags, quoted unique attributes, only the five
/// predefined entities and character references, only XML 1.0 characters, one root element.
///
/// Stricter than XML where our writer promises more: no declaration, comment, processing instruction, CDATA or
/// DOCTYPE, and no raw `>` in text. It returns the element tree with text and attribute values decoded.
struct StrictXML {
  /// One element: its name, its attributes in order, its children and its own text.
  struct Element {
    var name: String
    var attributes: [(name: String, value: String)] = []
    var children: [Element] = []
    var text = ""

    /// The value of attribute `name`, if present.
    subscript(_ name: String) -> String? {
      attributes.first { $0.name == name }?.value
    }

    /// This element and every element below it, in document order.
    var all: [Element] {
      [self] + children.flatMap(\.all)
    }

    /// Every element below or at this one named `name`.
    func elements(_ name: String) -> [Element] {
      all.filter { $0.name == name }
    }

    /// Every element below or at this one whose `class` list holds `name`.
    func elements(class name: String) -> [Element] {
      all.filter { ($0["class"] ?? "").split(separator: " ").contains(Substring(name)) }
    }

    /// The text of this element and all below it, in order.
    var allText: String {
      text + children.map(\.allText).joined()
    }
  }

  /// Why a document is not well formed, and where (a scalar offset).
  struct Failure: Error, CustomStringConvertible {
    var message: String
    var offset: Int
    var description: String { "offset \(offset): \(message)" }
  }

  private let scalars: [Unicode.Scalar]
  private var position = 0

  /// Parses `text`, throwing `Failure` at the first thing that is not well formed.
  static func parse(_ text: String) throws -> Element {
    var reader = StrictXML(scalars: Array(text.unicodeScalars))
    return try reader.document()
  }

  private init(scalars: [Unicode.Scalar]) {
    self.scalars = scalars
  }

  // MARK: - Grammar

  private mutating func document() throws -> Element {
    for scalar in scalars where !isChar(scalar) {
      throw Failure(message: "character U+\(String(scalar.value, radix: 16)) is not allowed in XML", offset: 0)
    }
    skipSpace()
    guard peek == "<" else { throw fail("expected the root element") }
    let root = try element()
    skipSpace()
    guard position == scalars.count else { throw fail("content after the root element") }
    return root
  }

  private mutating func element() throws -> Element {
    try expect("<")
    var element = Element(name: try name())
    while true {
      let spaced = skipSpace()
      if peek == "/" {
        position += 1
        try expect(">")
        return element
      }
      if peek == ">" {
        position += 1
        break
      }
      guard spaced else { throw fail("expected whitespace before an attribute") }
      let attribute = try name()
      guard element[attribute] == nil else { throw fail("duplicate attribute '\(attribute)'") }
      skipSpace()
      try expect("=")
      skipSpace()
      element.attributes.append((attribute, try quoted()))
    }
    while true {
      guard let scalar = peek else { throw fail("'\(element.name)' is never closed") }
      switch scalar {
      case "<":
        if scalars.indices.contains(position + 1), scalars[position + 1] == "/" {
          position += 2
          let closing = try name()
          guard closing == element.name else { throw fail("'</\(closing)>' closes '<\(element.name)>'") }
          skipSpace()
          try expect(">")
          return element
        }
        if scalars.indices.contains(position + 1), scalars[position + 1] == "!" || scalars[position + 1] == "?" {
          throw fail("comments, CDATA, DOCTYPE and processing instructions are not expected")
        }
        element.children.append(try self.element())
      case "&": element.text += try reference()
      case ">": throw fail("raw '>' in text")
      default:
        element.text.unicodeScalars.append(scalar)
        position += 1
      }
    }
  }

  private mutating func quoted() throws -> String {
    guard let quote = peek, quote == "\"" || quote == "'" else { throw fail("attribute value without quotes") }
    position += 1
    var value = ""
    while true {
      guard let scalar = peek else { throw fail("attribute value never ends") }
      if scalar == quote {
        position += 1
        return value
      }
      switch scalar {
      case "<": throw fail("raw '<' in an attribute value")
      case "&": value += try reference()
      default:
        value.unicodeScalars.append(scalar)
        position += 1
      }
    }
  }

  private mutating func reference() throws -> String {
    try expect("&")
    var body = ""
    while let scalar = peek, scalar != ";" {
      guard body.unicodeScalars.count < 12, scalar != "&", scalar != "<", !isSpace(scalar) else {
        throw fail("'&' that starts no reference")
      }
      body.unicodeScalars.append(scalar)
      position += 1
    }
    try expect(";")
    switch body {
    case "amp": return "&"
    case "lt": return "<"
    case "gt": return ">"
    case "quot": return "\""
    case "apos": return "'"
    default:
      let digits = body.dropFirst(body.hasPrefix("#x") ? 2 : 1)
      guard body.hasPrefix("#"), let value = UInt32(digits, radix: body.hasPrefix("#x") ? 16 : 10),
        let scalar = Unicode.Scalar(value), isChar(scalar)
      else { throw fail("unknown entity '&\(body);'") }
      return String(Character(scalar))
    }
  }

  private mutating func name() throws -> String {
    var result = ""
    while let scalar = peek, isNameScalar(scalar, first: result.isEmpty) {
      result.unicodeScalars.append(scalar)
      position += 1
    }
    guard !result.isEmpty else { throw fail("expected a name") }
    return result
  }

  // MARK: - Scanning

  private var peek: Unicode.Scalar? {
    scalars.indices.contains(position) ? scalars[position] : nil
  }

  @discardableResult
  private mutating func skipSpace() -> Bool {
    let start = position
    while let scalar = peek, isSpace(scalar) { position += 1 }
    return position > start
  }

  private mutating func expect(_ scalar: Unicode.Scalar) throws {
    guard peek == scalar else { throw fail("expected '\(scalar)'") }
    position += 1
  }

  private func fail(_ message: String) -> Failure {
    Failure(message: message, offset: position)
  }

  private func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r"
  }

  private func isNameScalar(_ scalar: Unicode.Scalar, first: Bool) -> Bool {
    let letter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_" || scalar == ":"
    return first ? letter : letter || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "."
  }

  private func isChar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
  }
}
