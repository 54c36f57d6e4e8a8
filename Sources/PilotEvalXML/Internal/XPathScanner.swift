/// A lexical scan of an XPath 1.0 expression for what libxml2 2.9 only notices
/// when it evaluates: prefixes that were never declared and unknown functions,
/// and the variable references SPEC v1.1 refuses.
struct XPathScanner {
  /// Functions of the XPath 1.0 core library.
  static let coreFunctions: Set<String> = [
    "last", "position", "count", "id", "local-name", "namespace-uri", "name",
    "string", "concat", "starts-with", "contains", "substring-before", "substring-after",
    "substring", "string-length", "normalize-space", "translate",
    "boolean", "not", "true", "false", "lang",
    "number", "sum", "floor", "ceiling", "round",
  ]
  /// Node tests that look like calls.
  static let nodeTypes: Set<String> = ["node", "text", "comment", "processing-instruction"]
  /// Operator names that may be followed by a parenthesis.
  static let operators: Set<String> = ["and", "or", "div", "mod"]

  /// A problem found by the scan.
  enum Finding: Equatable {
    case undeclaredPrefix(String)
    case unknownFunction(String)
    case variable(String)
  }

  /// Every undeclared prefix, unknown function and variable in `expression`, in order.
  static func scan(_ expression: String, declaredPrefixes: Set<String>) -> [Finding] {
    let characters = Array(expression.unicodeScalars)
    var findings: [Finding] = []
    var index = 0
    func isNameStart(_ c: Unicode.Scalar) -> Bool {
      c == "_" || (c.value < 128 ? c.properties.isAlphabetic : true)
    }
    func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
      isNameStart(c) || c == "-" || c == "." || ("0"..."9").contains(c)
    }
    func readName() -> String {
      var name = ""
      while index < characters.count, isNameCharacter(characters[index]) {
        name.unicodeScalars.append(characters[index])
        index += 1
      }
      return name
    }
    func nextNonSpace() -> Unicode.Scalar? {
      var probe = index
      while probe < characters.count, characters[probe].properties.isWhitespace { probe += 1 }
      return probe < characters.count ? characters[probe] : nil
    }
    while index < characters.count {
      let c = characters[index]
      if c == "'" || c == "\"" {
        index += 1
        while index < characters.count, characters[index] != c { index += 1 }
        index += 1
      } else if c == "$" {
        index += 1
        findings.append(.variable(readName()))
      } else if ("0"..."9").contains(c) {
        while index < characters.count, ("0"..."9").contains(characters[index]) || characters[index] == "." {
          index += 1
        }
      } else if isNameStart(c) {
        let name = readName()
        let isQualified =
          index + 1 < characters.count && characters[index] == ":" && characters[index + 1] != ":"
        if isQualified {
          if !declaredPrefixes.contains(name) { findings.append(.undeclaredPrefix(name)) }
          index += 1
          let local = index < characters.count && characters[index] == "*" ? "*" : readName()
          if local != "*", nextNonSpace() == "(" { findings.append(.unknownFunction("\(name):\(local)")) }
        } else if nextNonSpace() == "(" {
          if !coreFunctions.contains(name) && !nodeTypes.contains(name) && !operators.contains(name) {
            findings.append(.unknownFunction(name))
          }
        }
      } else {
        index += 1
      }
    }
    return findings
  }
}
