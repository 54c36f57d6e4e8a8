/// Splits an XPath 1.0 expression into the tokens `ShortcutParser` reads, or
/// gives up (`nil`) on anything outside the small language `XPathShortcut`
/// answers: axes (`::`), `//`, `.`, `..`, `|`, `$`, `*` as a name test,
/// non-ASCII names, and white space inside or beside a step (`s :x`, `@ a`,
/// `a /b`, `f (x)`), which libxml2 reads in ways not worth matching here.
struct ShortcutLexer {
  /// One token.
  enum Token: Equatable {
    /// A name test or function name, prefix and local part as written.
    case name(prefix: [UInt8]?, local: [UInt8])
    /// A string literal's bytes.
    case literal([UInt8])
    /// A number literal's text (`12`, `0.5`, `.5`, `1.`).
    case number([UInt8])
    /// `( ) [ ] , / @ = != < <= > >= + - *` (`*` only as multiplication).
    case symbol(String)
    /// `and`, `or`, `div`, `mod`.
    case operatorName(String)
  }

  /// A token and whether white space came before it.
  struct Lexeme {
    var token: Token
    var spaced: Bool
  }

  /// The tokens of `source`, or `nil` when it has something the shortcut does not answer.
  static func tokens(_ source: [UInt8]) -> [Lexeme]? {
    var lexemes: [Lexeme] = []
    var index = 0
    var spaced = false
    while index < source.count {
      let byte = source[index]
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        spaced = true
        index += 1
        continue
      }
      let token: Token
      switch byte {
      case UInt8(ascii: "'"), UInt8(ascii: "\""):
        guard let end = source[(index + 1)...].firstIndex(of: byte) else { return nil }
        token = .literal(Array(source[(index + 1)..<end]))
        index = end + 1
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."):
        var end = index
        while end < source.count, isDigit(source[end]) { end += 1 }
        if end < source.count, source[end] == UInt8(ascii: ".") {
          end += 1
          while end < source.count, isDigit(source[end]) { end += 1 }
        }
        // `.` and `..` (no digit at all), and `1e3`-like or `1.2.3` continuations, are not answered.
        guard source[index..<end].contains(where: isDigit) else { return nil }
        if end < source.count, isNameCharacter(source[end]) { return nil }
        token = .number(Array(source[index..<end]))
        index = end
      case UInt8(ascii: "!"):
        guard index + 1 < source.count, source[index + 1] == UInt8(ascii: "=") else { return nil }
        token = .symbol("!=")
        index += 2
      case UInt8(ascii: "<"), UInt8(ascii: ">"):
        let orEqual = index + 1 < source.count && source[index + 1] == UInt8(ascii: "=")
        token = .symbol(String(UnicodeScalar(byte)) + (orEqual ? "=" : ""))
        index += orEqual ? 2 : 1
      case UInt8(ascii: "/"):
        if index + 1 < source.count, source[index + 1] == UInt8(ascii: "/") { return nil }
        token = .symbol("/")
        index += 1
      case UInt8(ascii: "*"):
        guard let last = lexemes.last?.token, !opensOperand(last) else { return nil }
        token = .symbol("*")
        index += 1
      case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ","),
        UInt8(ascii: "@"), UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"):
        token = .symbol(String(UnicodeScalar(byte)))
        index += 1
      default:
        guard isNameStart(byte) else { return nil }
        var end = index
        while end < source.count, isNameCharacter(source[end]) { end += 1 }
        let first = Array(source[index..<end])
        index = end
        if index < source.count, source[index] == UInt8(ascii: ":") {
          // `p:local` only: `::`, `p:*` and `p: x` are left to libxml2.
          guard index + 1 < source.count, isNameStart(source[index + 1]) else { return nil }
          var localEnd = index + 1
          while localEnd < source.count, isNameCharacter(source[localEnd]) { localEnd += 1 }
          token = .name(prefix: first, local: Array(source[(index + 1)..<localEnd]))
          index = localEnd
        } else if let last = lexemes.last?.token, !opensOperand(last) {
          let name = String(decoding: first, as: UTF8.self)
          guard ["and", "or", "div", "mod"].contains(name) else { return nil }
          token = .operatorName(name)
        } else {
          token = .name(prefix: nil, local: first)
        }
      }
      lexemes.append(Lexeme(token: token, spaced: spaced))
      spaced = false
    }
    return lexemes
  }

  /// Whether what follows `token` starts an operand (XPath 1.0 §3.7: after `@`, `(`, `[`, `,` or
  /// an operator, `*` is a name test and a name is not an operator).
  private static func opensOperand(_ token: Token) -> Bool {
    switch token {
    case .symbol(let symbol): symbol != ")" && symbol != "]"
    case .operatorName: true
    case .name, .literal, .number: false
    }
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  /// ASCII letters and `_` only: a non-ASCII name is left to libxml2.
  private static func isNameStart(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
      || byte == UInt8(ascii: "_")
  }

  private static func isNameCharacter(_ byte: UInt8) -> Bool {
    isNameStart(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
  }
}
