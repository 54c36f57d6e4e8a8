#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An XPath 1.0 expression of the small kind `XPathShortcut` answers itself:
/// location paths of child steps (the last may be an attribute step) with
/// boolean predicates, `number()`, `count()`, `sum()`, `boolean()`, `not()`,
/// `true()`, `false()`, literals, comparisons, `and`, `or` and arithmetic.
///
/// Every subexpression's XPath type is known from the text (a path is a
/// node-set, a comparison a boolean …), so the comparison rules, which depend
/// on the operands' types, are chosen when the expression is read.
indirect enum ShortcutExpression {
  /// A literal: a string or a number (numbers read by libxml2's own conversion).
  case constant(ShortcutConstant)
  /// A location path: a node-set.
  case path(ShortcutPath)
  /// `number(e)`.
  case number(ShortcutExpression)
  /// `count(path)`.
  case count(ShortcutPath)
  /// `sum(path)`.
  case sum(ShortcutPath)
  /// `boolean(e)`.
  case boolean(ShortcutExpression)
  /// `not(e)`.
  case not(ShortcutExpression)
  /// `a and b`, `a or b` (the right operand read only when needed, as libxml2 does).
  case logical(isAnd: Bool, ShortcutExpression, ShortcutExpression)
  /// `=`, `!=`, `<`, `<=`, `>`, `>=`.
  case comparison(ShortcutComparison, ShortcutExpression, ShortcutExpression)
  /// `+`, `-`, `*`, `div`, `mod`.
  case arithmetic(ShortcutArithmetic, ShortcutExpression, ShortcutExpression)
  /// `-e`.
  case negation(ShortcutExpression)

  /// The expression's XPath type.
  var type: ShortcutType {
    switch self {
    case .constant(.string): .string
    case .constant(.number): .number
    case .constant(.boolean): .boolean
    case .path: .nodeSet
    case .number, .count, .sum, .arithmetic, .negation: .number
    case .boolean, .not, .logical, .comparison: .boolean
    }
  }
}

/// The four XPath 1.0 types.
enum ShortcutType {
  case nodeSet, number, string, boolean
}

/// A value known from the text.
enum ShortcutConstant {
  /// A string literal's UTF-8 bytes, NUL-terminated (as libxml2 holds them).
  case string([UInt8])
  case number(Double)
  /// `true()` or `false()`.
  case boolean(Bool)
}

/// A comparison operator.
enum ShortcutComparison {
  case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual

  /// The operator seen from the other side (`a < b` is `b > a`).
  var mirrored: ShortcutComparison {
    switch self {
    case .equal, .notEqual: self
    case .less: .greater
    case .lessOrEqual: .greaterOrEqual
    case .greater: .less
    case .greaterOrEqual: .lessOrEqual
    }
  }

  /// The comparison of two numbers (IEEE 754, as libxml2's hand-checked infinities amount to).
  func holds(_ left: Double, _ right: Double) -> Bool {
    switch self {
    case .equal: left == right
    case .notEqual: !(left == right)
    case .less: left < right
    case .lessOrEqual: left <= right
    case .greater: left > right
    case .greaterOrEqual: left >= right
    }
  }
}

/// An arithmetic operator.
enum ShortcutArithmetic {
  case add, subtract, multiply, divide, modulo

  /// The operation on two numbers, as libxml2 2.9 computes it (`mod` by zero is NaN).
  func apply(_ left: Double, _ right: Double) -> Double {
    switch self {
    case .add: left + right
    case .subtract: left - right
    case .multiply: left * right
    case .divide: left / right
    case .modulo: right == 0 ? .nan : fmod(left, right)
    }
  }
}

/// A location path of child steps, the last of which may be an attribute step.
struct ShortcutPath {
  /// Whether it starts at the document (`/…`) rather than at the context node.
  var isAbsolute: Bool
  var steps: [ShortcutStep]

  /// Whether its nodes are attributes (its last step is `@name`).
  var selectsAttributes: Bool { steps.last?.isAttribute ?? false }
}

/// One step: a name test on the child or attribute axis, and its predicates.
struct ShortcutStep {
  /// Whether the step is `@name` (the attribute axis).
  var isAttribute: Bool
  /// The local name, NUL-terminated.
  var local: [UInt8]
  /// The namespace URI the prefix stands for, NUL-terminated; `nil` for an unprefixed name.
  var uri: [UInt8]?
  /// Boolean or node-set predicates, applied in order.
  var predicates: [ShortcutExpression]
}
