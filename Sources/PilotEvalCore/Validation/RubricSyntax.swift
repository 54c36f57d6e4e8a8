/// What only an XML library can tell the rubric checker: whether a prefix is an XML name, and what is wrong with
/// an XPath expression.
public protocol RubricSyntax: Sendable {
  /// Whether `name` is an NCName (a name without a colon).
  func isNCName(_ name: String) -> Bool
  /// The problems of the XPath expression `source` under `namespaces`, in the order found; empty when it is
  /// usable.
  func problems(in source: String, namespaces: [NamespaceBinding]) -> [XPathProblem]
}

/// A problem with an XPath expression in a rubric.
public enum XPathProblem: Sendable, Hashable {
  /// A prefix no `<namespace>` declares.
  case undeclaredPrefix(String)
  /// A function outside XPath 1.0's core library.
  case unknownFunction(String)
  /// A variable reference (SPEC v1.1 refuses them).
  case variable(String)
  /// The expression does not compile.
  case doesNotCompile
}
