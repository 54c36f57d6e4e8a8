internal import CLibXML2

/// Reads the tokens of an XPath 1.0 expression into a `ShortcutExpression`, or
/// gives up (`nil`) on anything `XPathShortcut` does not answer exactly as
/// libxml2 would: filters (`(e)[…]`, `f(x)/y`), functions other than
/// `number`, `count`, `sum`, `boolean`, `not`, `true` and `false` (and those
/// with another number of arguments), numeric predicates (positions), the
/// comparison of two node-sets, `--x`, a prefix the context does not bind, and
/// nesting deeper than `depthLimit`.
struct ShortcutParser {
  /// The deepest nesting read; deeper expressions are left to libxml2 (and its recursion bound).
  static let depthLimit = 32

  private let lexemes: [ShortcutLexer.Lexeme]
  private let namespace: ([UInt8]) -> [UInt8]?
  private var index = 0
  private var depth = 0

  /// `namespace` gives the NUL-terminated URI a prefix stands for, or `nil` when it is not bound.
  init(_ lexemes: [ShortcutLexer.Lexeme], namespace: @escaping ([UInt8]) -> [UInt8]?) {
    self.lexemes = lexemes
    self.namespace = namespace
  }

  /// The whole expression, or `nil`.
  mutating func parse() -> ShortcutExpression? {
    guard let expression = parseOr(), index == lexemes.count else { return nil }
    return expression
  }

  // MARK: - Operators, loosest first

  private mutating func parseOr() -> ShortcutExpression? {
    guard var left = parseAnd() else { return nil }
    while take(.operatorName("or")) {
      guard let right = parseAnd() else { return nil }
      left = .logical(isAnd: false, left, right)
    }
    return left
  }

  private mutating func parseAnd() -> ShortcutExpression? {
    guard var left = parseEquality() else { return nil }
    while take(.operatorName("and")) {
      guard let right = parseEquality() else { return nil }
      left = .logical(isAnd: true, left, right)
    }
    return left
  }

  private mutating func parseEquality() -> ShortcutExpression? {
    guard var left = parseRelational() else { return nil }
    while let comparison = takeComparison(["=": .equal, "!=": .notEqual]) {
      guard let right = parseRelational(), let joined = Self.compare(comparison, left, right) else { return nil }
      left = joined
    }
    return left
  }

  private mutating func parseRelational() -> ShortcutExpression? {
    guard var left = parseAdditive() else { return nil }
    let operators: [String: ShortcutComparison] = [
      "<": .less, "<=": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual,
    ]
    while let comparison = takeComparison(operators) {
      guard let right = parseAdditive(), let joined = Self.compare(comparison, left, right) else { return nil }
      left = joined
    }
    return left
  }

  /// Two node-sets compared are left to libxml2.
  private static func compare(
    _ comparison: ShortcutComparison, _ left: ShortcutExpression, _ right: ShortcutExpression
  ) -> ShortcutExpression? {
    left.type == .nodeSet && right.type == .nodeSet ? nil : .comparison(comparison, left, right)
  }

  private mutating func parseAdditive() -> ShortcutExpression? {
    guard var left = parseMultiplicative() else { return nil }
    while true {
      let operation: ShortcutArithmetic
      if take(.symbol("+")) {
        operation = .add
      } else if take(.symbol("-")) {
        operation = .subtract
      } else {
        return left
      }
      guard let right = parseMultiplicative() else { return nil }
      left = .arithmetic(operation, left, right)
    }
  }

  private mutating func parseMultiplicative() -> ShortcutExpression? {
    guard var left = parseUnary() else { return nil }
    while true {
      let operation: ShortcutArithmetic
      if take(.symbol("*")) {
        operation = .multiply
      } else if take(.operatorName("div")) {
        operation = .divide
      } else if take(.operatorName("mod")) {
        operation = .modulo
      } else {
        return left
      }
      guard let right = parseUnary() else { return nil }
      left = .arithmetic(operation, left, right)
    }
  }

  private mutating func parseUnary() -> ShortcutExpression? {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.depthLimit else { return nil }
    if take(.symbol("-")) {
      guard peek != .symbol("-"), let operand = parsePrimary() else { return nil }
      return .negation(operand)
    }
    return parsePrimary()
  }

  // MARK: - Operands

  private mutating func parsePrimary() -> ShortcutExpression? {
    guard index < lexemes.count else { return nil }
    let expression: ShortcutExpression
    switch lexemes[index].token {
    case .literal(let bytes):
      index += 1
      expression = .constant(.string(bytes + [0]))
    case .number(let text):
      index += 1
      let value = (text + [0]).withUnsafeBufferPointer { xmlXPathCastStringToNumber($0.baseAddress) }
      expression = .constant(.number(value))
    case .symbol("("):
      index += 1
      guard let inner = parseOr(), take(.symbol(")")) else { return nil }
      expression = inner
    case .name(nil, let local) where next(isCallOpening: index + 1):
      index += 2
      guard let call = parseCall(String(decoding: local, as: UTF8.self)) else { return nil }
      expression = call
    case .name, .symbol("@"), .symbol("/"):
      guard let path = parsePath() else { return nil }
      return .path(path)
    default:
      return nil
    }
    // A filter or a path after a call or a parenthesis is left to libxml2.
    if peek == .symbol("[") || peek == .symbol("/") { return nil }
    return expression
  }

  /// Whether the lexeme at `position` is a `(` written right after the name before it.
  private func next(isCallOpening position: Int) -> Bool {
    position < lexemes.count && lexemes[position].token == .symbol("(") && !lexemes[position].spaced
  }

  /// The call of `name`, its `(` read.
  private mutating func parseCall(_ name: String) -> ShortcutExpression? {
    var arguments: [ShortcutExpression] = []
    if !take(.symbol(")")) {
      repeat {
        guard let argument = parseOr() else { return nil }
        arguments.append(argument)
      } while take(.symbol(","))
      guard take(.symbol(")")) else { return nil }
    }
    switch (name, arguments.count) {
    case ("true", 0): return .constant(.boolean(true))
    case ("false", 0): return .constant(.boolean(false))
    case ("number", 1): return .number(arguments[0])
    case ("boolean", 1): return .boolean(arguments[0])
    case ("not", 1): return .not(arguments[0])
    case ("count", 1), ("sum", 1):
      guard case .path(let path) = arguments[0] else { return nil }
      return name == "count" ? .count(path) : .sum(path)
    default: return nil
    }
  }

  /// A location path: `/`? step (`/` step)*, written without white space around `/` or after `@`.
  private mutating func parsePath() -> ShortcutPath? {
    let isAbsolute = take(.symbol("/"))
    var steps: [ShortcutStep] = []
    repeat {
      if !steps.isEmpty || isAbsolute {
        guard index < lexemes.count, !lexemes[index].spaced else { return nil }
      }
      guard let step = parseStep() else { return nil }
      steps.append(step)
      if step.isAttribute { break }
    } while index < lexemes.count && !lexemes[index].spaced && take(.symbol("/"))
    if index < lexemes.count, !lexemes[index].spaced, lexemes[index].token == .symbol("/") { return nil }
    return ShortcutPath(isAbsolute: isAbsolute, steps: steps)
  }

  private mutating func parseStep() -> ShortcutStep? {
    let isAttribute = take(.symbol("@"))
    guard index < lexemes.count, !(isAttribute && lexemes[index].spaced),
      case .name(let prefix, let local) = lexemes[index].token
    else { return nil }
    index += 1
    if next(isCallOpening: index) || peek == .symbol("(") { return nil }  // `text()`, `node()` …
    var uri: [UInt8]?
    if let prefix {
      guard let bound = namespace(prefix) else { return nil }
      uri = bound
    }
    var predicates: [ShortcutExpression] = []
    while index < lexemes.count, lexemes[index].token == .symbol("[") {
      // `@a[…]` and `a [ … ]` are left to libxml2; a number-valued predicate is a position.
      guard !isAttribute, !lexemes[index].spaced else { return nil }
      index += 1
      guard let predicate = parseOr(), take(.symbol("]")), predicate.type != .number, predicate.type != .string
      else { return nil }
      predicates.append(predicate)
    }
    return ShortcutStep(isAttribute: isAttribute, local: local + [0], uri: uri, predicates: predicates)
  }

  // MARK: - Tokens

  private var peek: ShortcutLexer.Token? { index < lexemes.count ? lexemes[index].token : nil }

  private mutating func take(_ token: ShortcutLexer.Token) -> Bool {
    guard peek == token else { return false }
    index += 1
    return true
  }

  private mutating func takeComparison(_ operators: [String: ShortcutComparison]) -> ShortcutComparison? {
    guard case .symbol(let symbol) = peek, let comparison = operators[symbol] else { return nil }
    index += 1
    return comparison
  }
}
