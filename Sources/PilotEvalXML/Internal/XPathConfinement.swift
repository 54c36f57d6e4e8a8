import PilotEvalCore

/// Decides, from an XPath 1.0 expression's text alone, whether evaluating it
/// with the submission's root element as context node can only reach that root
/// and what lies inside its `<data>` children. When every expression of a
/// rubric is confined, a submission's tree can leave everything else out
/// (`SubmissionReader` streams it instead) and the expressions still give the
/// same results.
///
/// The decision is lexical and conservative: anything it does not understand
/// is refused, and a refused expression only means the whole tree is built.
/// After string literals are skipped, an expression is refused when it has
///
/// - `//`, `..`, `::` (any explicit axis), `$`, `|`, a `.` that is not part of
///   a number, or a call to `id()`;
/// - a location path that starts with `/` and does not go on with exactly
///   `P:submission/P:data` (P: a prefix bound to the submission namespace and
///   to nothing else) followed by `/`, white space, `)`, `]`, an operator or
///   the end, and not by a predicate, even after white space; this holds
///   inside predicates too;
/// - outside predicates, a relative path (one that does not follow a `/`)
///   whose first step is not exactly `P:data` followed as above (`@`, a node
///   type test, `*`, any other name), or a call with no arguments other than
///   `true()` and `false()` (such calls read the context node: the root);
/// - unbalanced brackets or parentheses, an unterminated literal, or a
///   character XPath does not use.
///
/// A relative path outside predicates starts at the root; its first step
/// `P:data` selects the same `<data>` children in the pruned tree as in the
/// whole one, and the steps after it stay inside them. Inside `[…]` a relative
/// path starts at a node under `<data>`; with no `..` and no axes it cannot
/// leave it, so relative paths are allowed there.
struct XPathConfinement {
  /// Why an expression is not confined.
  enum Refusal: Equatable, Sendable {
    /// `//`: descendants of the root would include what is left out.
    case descendantStep
    /// `..`: the parent step can climb out of `<data>`.
    case parentStep
    /// `::`: an explicit axis (ancestor, following, preceding, self …).
    case axis
    /// `$`: a variable's value is not known from the text.
    case variable
    /// `|`: unions are not analysed.
    case union
    /// A `.` that is not part of a number: the context node.
    case contextNode
    /// `id()`: it finds elements anywhere in the document.
    case idFunction
    /// An absolute path that does not start with `/P:submission/P:data`.
    case absolutePath
    /// A relative path outside predicates that does not start with `P:data`: it reads the root element.
    case relativePath
    /// A call with no arguments outside predicates: it reads the root element.
    case contextFunction(String)
    /// Something the scan does not understand (a syntax error, most likely).
    case unexpected
  }

  /// The prefixes that stand for the submission namespace.
  let prefixes: Set<String>

  /// A decision for expressions whose prefixes stand for the namespaces in `bindings`.
  init(bindings: [NamespaceBinding]) {
    let submission = PilotEvalNamespace.submission
    var bound = Set(bindings.filter { $0.uri == submission }.map(\.prefix))
    bound.subtract(bindings.filter { $0.uri != submission }.map(\.prefix))
    prefixes = bound
  }

  /// Whether every expression the rubric evaluates on submissions is confined.
  static func confines(_ rubric: Rubric) -> Bool {
    let confinement = XPathConfinement(bindings: rubric.namespaces)
    return XPathProgram.sources(of: rubric).allSatisfy { confinement.refusal(of: $0) == nil }
  }

  /// Why `expression` is not confined, or `nil` when it is.
  func refusal(of expression: String) -> Refusal? {
    var scan = Scan(Array(expression.unicodeScalars), prefixes: prefixes)
    return scan.run()
  }
}

/// One pass over an expression's characters.
private struct Scan {
  /// What the previous token was, as far as the next token's meaning depends on it.
  private enum Previous {
    /// Nothing yet, `(`, `[`, `,` or an operator: a name here is a name test or a call.
    case start
    /// `/` inside a path: a step follows.
    case slash
    /// `@`: a name follows.
    case at
    /// A step, `)`, `]`, a literal or a number: a name or `*` here is an operator.
    case operand
  }

  private let characters: [Unicode.Scalar]
  private let prefixes: Set<String>
  private var index = 0
  private var previous = Previous.start
  /// Open `(` and `[`, innermost last.
  private var open: [Unicode.Scalar] = []

  init(_ characters: [Unicode.Scalar], prefixes: Set<String>) {
    self.characters = characters
    self.prefixes = prefixes
  }

  private var inPredicate: Bool { open.contains("[") }

  mutating func run() -> XPathConfinement.Refusal? {
    while index < characters.count {
      if let refusal = step() { return refusal }
    }
    return open.isEmpty ? nil : .unexpected
  }

  /// Reads one token.
  private mutating func step() -> XPathConfinement.Refusal? {
    let c = characters[index]
    switch c {
    case " ", "\t", "\n", "\r":
      index += 1
    case "'", "\"":
      guard let close = characters[(index + 1)...].firstIndex(of: c) else { return .unexpected }
      index = close + 1
      previous = .operand
    case "$": return .variable
    case "|": return .union
    case "/":
      if peek(1) == "/" { return .descendantStep }
      if previous == .operand {
        index += 1
        previous = .slash
      } else {
        return absolutePath()
      }
    case ".":
      if peek(1) == "." { return .parentStep }
      guard let next = peek(1), isDigit(next) else { return .contextNode }
      readNumber()
    case "0"..."9":
      readNumber()
    case "@":
      guard previous == .slash || (previous == .start && inPredicate) else {
        return previous == .operand ? .unexpected : .relativePath
      }
      index += 1
      previous = .at
    case "(", "[":
      open.append(c)
      index += 1
      previous = .start
    case ")", "]":
      guard open.popLast() == (c == ")" ? "(" : "[") else { return .unexpected }
      index += 1
      previous = .operand
    case ",":
      index += 1
      previous = .start
    case ":":
      return peek(1) == ":" ? .axis : .unexpected
    case "=", "+", "-":
      index += 1
      previous = .start
    case "!", "<", ">":
      if c == "!" && peek(1) != "=" { return .unexpected }
      index += peek(1) == "=" ? 2 : 1
      previous = .start
    case "*":
      if previous == .operand {  // multiplication
        index += 1
        previous = .start
      } else {
        return nameTest(length: 1)
      }
    default:
      guard isNameStart(c) else { return .unexpected }
      return name()
    }
    return nil
  }

  /// A name: an operator word, a function call, a node type test or a name test.
  private mutating func name() -> XPathConfinement.Refusal? {
    let start = index
    var end = nameEnd(from: start)
    var local = String(String.UnicodeScalarView(characters[start..<end]))
    if previous == .operand {
      guard ["and", "or", "div", "mod"].contains(local) else { return .unexpected }
      index = end
      previous = .start
      return nil
    }
    if end < characters.count && characters[end] == ":" {
      if end + 1 < characters.count && characters[end + 1] == ":" { return .axis }
      if end + 1 < characters.count && characters[end + 1] == "*" {
        return nameTest(length: end + 2 - start)
      }
      guard end + 1 < characters.count, isNameStart(characters[end + 1]) else { return .unexpected }
      end = nameEnd(from: end + 1)
      local = ""  // a qualified name is never a core function or a node type
    }
    var next = end
    while next < characters.count, characters[next].properties.isWhitespace { next += 1 }
    guard next < characters.count, characters[next] == "(" else { return nameTest(length: end - start) }
    if XPathScanner.nodeTypes.contains(local) { return nameTest(length: end - start) }
    if local == "id" { return .idFunction }
    if !inPredicate && local != "true" && local != "false" {
      var inside = next + 1
      while inside < characters.count, characters[inside].properties.isWhitespace { inside += 1 }
      if inside < characters.count && characters[inside] == ")" {
        return .contextFunction(String(String.UnicodeScalarView(characters[start..<end])))
      }
    }
    index = end
    previous = .start
    return nil
  }

  /// A step's test (a name, `*`, `p:*` or a node type) of `length` characters at `index`.
  private mutating func nameTest(length: Int) -> XPathConfinement.Refusal? {
    guard previous == .slash || previous == .at || inPredicate else { return relativePath(length: length) }
    index += length
    previous = .operand
    return nil
  }

  /// A relative path's first step outside predicates (`length` characters at `index`): it must be
  /// `P:data`, followed as in an absolute path.
  private mutating func relativePath(length: Int) -> XPathConfinement.Refusal? {
    let end = index + length
    guard isNameStart(characters[index]) else { return .relativePath }
    let prefixEnd = nameEnd(from: index)
    guard prefixEnd + 1 < end, characters[prefixEnd] == ":" else { return .relativePath }
    let prefix = String(String.UnicodeScalarView(characters[index..<prefixEnd]))
    let local = String(String.UnicodeScalarView(characters[(prefixEnd + 1)..<end]))
    guard prefixes.contains(prefix), local == "data", followsData(at: end) else { return .relativePath }
    index = end
    previous = .operand
    return nil
  }

  /// `/` that starts a path: it must go on with `P:submission/P:data` and end there or go on with `/`.
  private mutating func absolutePath() -> XPathConfinement.Refusal? {
    var probe = index + 1
    for (position, wanted) in ["submission", "data"].enumerated() {
      if position > 0 {
        guard probe < characters.count, characters[probe] == "/" else { return .absolutePath }
        probe += 1
      }
      guard probe < characters.count, isNameStart(characters[probe]) else { return .absolutePath }
      let prefixEnd = nameEnd(from: probe)
      guard prefixEnd + 1 < characters.count, characters[prefixEnd] == ":",
        isNameStart(characters[prefixEnd + 1])
      else { return .absolutePath }
      let localEnd = nameEnd(from: prefixEnd + 1)
      let prefix = String(String.UnicodeScalarView(characters[probe..<prefixEnd]))
      let local = String(String.UnicodeScalarView(characters[(prefixEnd + 1)..<localEnd]))
      guard prefixes.contains(prefix), local == wanted else { return .absolutePath }
      probe = localEnd
    }
    guard followsData(at: probe) else { return .absolutePath }
    index = probe
    previous = .operand
    return nil
  }

  /// Whether what comes at `position`, right after a path's `P:data` step, keeps the path confined:
  /// the end, `/`, white space, `)`, `]` or an operator, and no predicate on `<data>`, even after white space.
  private func followsData(at position: Int) -> Bool {
    guard position < characters.count else { return true }
    let following = characters[position]
    let allowed: Set<Unicode.Scalar> = ["/", ")", "]", "=", "!", "<", ">", "+", "-", "*", "|"]
    guard allowed.contains(following) || following.properties.isWhitespace else { return false }
    var next = position
    while next < characters.count, characters[next].properties.isWhitespace { next += 1 }
    return next >= characters.count || characters[next] != "["
  }

  /// Digits, then at most one `.` and more digits (XPath's `Number`).
  private mutating func readNumber() {
    while index < characters.count, isDigit(characters[index]) { index += 1 }
    if index < characters.count, characters[index] == "." {
      index += 1
      while index < characters.count, isDigit(characters[index]) { index += 1 }
    }
    previous = .operand
  }

  private func peek(_ offset: Int) -> Unicode.Scalar? {
    index + offset < characters.count ? characters[index + offset] : nil
  }

  /// The end of the NCName that starts at `start`.
  private func nameEnd(from start: Int) -> Int {
    var end = start
    while end < characters.count, isNameCharacter(characters[end]) { end += 1 }
    return end
  }

  private func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

  private func isNameStart(_ c: Unicode.Scalar) -> Bool {
    c == "_" || (c.value < 128 ? c.properties.isAlphabetic : !c.properties.isWhitespace)
  }

  private func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
    isNameStart(c) || c == "-" || c == "." || isDigit(c)
  }
}
