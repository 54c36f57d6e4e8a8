internal import CLibXML2

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One evaluation of a `ShortcutExpression` on a libxml2 tree, by XPath 1.0's
/// rules as libxml2 2.9.14 applies them: the same node order, the same string
/// values (`xmlNodeGetContent`'s), the same number conversion
/// (`xmlXPathCastStringToNumber` itself), the same comparisons of a node-set
/// with a value, the same short cuts (`and`, `or`, and a comparison's search
/// stop where libxml2's stop; node-sets are always built whole, as libxml2
/// builds them).
///
/// Each node visited and each subexpression evaluated costs a unit of
/// `budget`; when it runs out the run is abandoned (`Abandoned`) and the
/// caller asks libxml2, whose own operation bound then decides.
struct ShortcutRun {
  /// The run went over its budget.
  struct Abandoned: Error {}

  /// A node-set: elements, or (after an attribute step) attributes, in document order.
  struct Nodes {
    var nodes: [UnsafeMutableRawPointer]
    var areAttributes: Bool
  }

  /// A value of one of XPath's four types.
  enum Value {
    case nodes(Nodes)
    case number(Double)
    /// NUL-terminated UTF-8.
    case string([UInt8])
    case boolean(Bool)
  }

  let document: xmlDocPtr
  private(set) var budget: Int

  init(document: xmlDocPtr, budget: Int) {
    self.document = document
    self.budget = budget
  }

  private mutating func spend(_ units: Int = 1) throws(Abandoned) {
    budget -= units
    if budget < 0 { throw Abandoned() }
  }

  // MARK: - Expressions

  /// The value of `expression` with `node` (an element) as context node.
  mutating func evaluate(_ expression: ShortcutExpression, at node: xmlNodePtr) throws(Abandoned) -> Value {
    try spend()
    switch expression {
    case .constant(.string(let bytes)): return .string(bytes)
    case .constant(.number(let value)): return .number(value)
    case .constant(.boolean(let value)): return .boolean(value)
    case .path(let path): return .nodes(try select(path, from: node))
    case .number(.path(let path)):
      var first: UnsafeMutableRawPointer?
      try forEach(path, from: node) { if first == nil { first = $0 } }
      guard let first else { return .number(.nan) }
      return .number(Self.withStringValue(first, path.selectsAttributes, xmlXPathCastStringToNumber))
    case .number(let argument): return .number(Self.number(try evaluate(argument, at: node)))
    case .count(let path):
      var count = 0
      try forEach(path, from: node) { _ in count += 1 }
      return .number(Double(count))
    case .sum(let path):
      var total = 0.0
      try forEach(path, from: node) {
        total += Self.withStringValue($0, path.selectsAttributes, xmlXPathCastStringToNumber)
      }
      return .number(total)
    case .comparison(let comparison, .path(let path), let other) where other.type != .nodeSet && other.type != .boolean:
      return .boolean(try anyNode(path, from: node, comparison, try evaluate(other, at: node)))
    case .comparison(let comparison, let other, .path(let path)) where other.type != .nodeSet && other.type != .boolean:
      let value = try evaluate(other, at: node)
      return .boolean(try anyNode(path, from: node, comparison.mirrored, value))
    case .boolean(let argument): return .boolean(Self.boolean(try evaluate(argument, at: node)))
    case .not(let argument): return .boolean(!Self.boolean(try evaluate(argument, at: node)))
    case .logical(let isAnd, let left, let right):
      let first = Self.boolean(try evaluate(left, at: node))
      if first != isAnd { return .boolean(first) }
      return .boolean(Self.boolean(try evaluate(right, at: node)))
    case .comparison(let comparison, let left, let right):
      let leftValue = try evaluate(left, at: node)
      let rightValue = try evaluate(right, at: node)
      return .boolean(Self.compare(comparison, leftValue, rightValue))
    case .arithmetic(let operation, let left, let right):
      let leftValue = Self.number(try evaluate(left, at: node))
      let rightValue = Self.number(try evaluate(right, at: node))
      return .number(operation.apply(leftValue, rightValue))
    case .negation(let operand): return .number(-Self.number(try evaluate(operand, at: node)))
    }
  }

  // MARK: - Paths

  /// Whether some node `path` selects compares with `value` (a number or a string) as libxml2's
  /// `xmlXPathEqualNodeSetString`, `…Float` and `xmlXPathCompareNodeSet…` decide; every node is
  /// still visited, as libxml2 builds the node-set whole before it compares.
  private mutating func anyNode(
    _ path: ShortcutPath, from node: xmlNodePtr, _ comparison: ShortcutComparison, _ value: Value
  ) throws(Abandoned) -> Bool {
    var found = false
    let isAttribute = path.selectsAttributes
    if case .string(let bytes) = value, comparison == .equal || comparison == .notEqual {
      let wanted = comparison == .equal
      try bytes.withUnsafeBufferPointer { literal throws(Abandoned) in
        let wantedText = UnsafeRawPointer(literal.baseAddress!).assumingMemoryBound(to: CChar.self)
        try forEach(path, from: node) { raw in
          guard !found else { return }
          found = Self.withStringValue(raw, isAttribute) { text in
            (strcmp(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self), wantedText) == 0) == wanted
          }
        }
      }
      return found
    }
    let number = Self.number(value)
    try forEach(path, from: node) { raw in
      guard !found else { return }
      found = comparison.holds(Self.withStringValue(raw, isAttribute, xmlXPathCastStringToNumber), number)
    }
    return found
  }

  /// Calls `body` with each node `path` selects from `node`, in document order (depth first over
  /// the steps gives the order libxml2's step-by-step node-sets have), without building the sets.
  mutating func forEach(
    _ path: ShortcutPath, from node: xmlNodePtr, _ body: (UnsafeMutableRawPointer) -> Void
  ) throws(Abandoned) {
    let start = path.isAbsolute ? UnsafeMutableRawPointer(document) : UnsafeMutableRawPointer(node)
    try walk(path.steps, 0, start, body)
  }

  private mutating func walk(
    _ steps: [ShortcutStep], _ index: Int, _ raw: UnsafeMutableRawPointer, _ body: (UnsafeMutableRawPointer) -> Void
  ) throws(Abandoned) {
    guard index < steps.count else { return body(raw) }
    let step = steps[index]
    let parent = raw.assumingMemoryBound(to: xmlNode.self)
    if step.isAttribute {
      guard parent.pointee.type == XML_ELEMENT_NODE else { return }
      var attribute = parent.pointee.properties
      while let node = attribute {
        try spend()
        attribute = node.pointee.next
        if Self.matches(node.pointee.name, node.pointee.ns, step) {
          try walk(steps, index + 1, UnsafeMutableRawPointer(node), body)
        }
      }
      return
    }
    guard parent.pointee.type == XML_ELEMENT_NODE || parent.pointee.type == XML_DOCUMENT_NODE else { return }
    var child = parent.pointee.children
    while let node = try nextChild(&child, selectedBy: step) {
      try walk(steps, index + 1, UnsafeMutableRawPointer(node), body)
    }
  }

  /// The next element from `cursor` on that `step` selects (its name, its namespace, every
  /// predicate), with `cursor` moved past it; each node looked at is spent from the budget.
  private mutating func nextChild(
    _ cursor: inout xmlNodePtr?, selectedBy step: ShortcutStep
  ) throws(Abandoned)
    -> xmlNodePtr?
  {
    while let node = cursor {
      try spend()
      cursor = node.pointee.next
      guard node.pointee.type == XML_ELEMENT_NODE, Self.matches(node.pointee.name, node.pointee.ns, step) else {
        continue
      }
      var kept = true
      for predicate in step.predicates where !Self.boolean(try evaluate(predicate, at: node)) {
        kept = false
        break
      }
      if kept { return node }
    }
    return nil
  }

  /// The nodes `path` selects from `node`, in document order.
  mutating func select(_ path: ShortcutPath, from node: xmlNodePtr) throws(Abandoned) -> Nodes {
    var current: [UnsafeMutableRawPointer] = [
      path.isAbsolute ? UnsafeMutableRawPointer(document) : UnsafeMutableRawPointer(node)
    ]
    var isAttributes = false
    for step in path.steps {
      var next: [UnsafeMutableRawPointer] = []
      for raw in current {
        if step.isAttribute {
          try collectAttributes(of: raw, step, into: &next)
        } else {
          try collectChildren(of: raw, step, into: &next)
        }
      }
      current = next
      isAttributes = step.isAttribute
    }
    return Nodes(nodes: current, areAttributes: isAttributes)
  }

  private mutating func collectChildren(
    of raw: UnsafeMutableRawPointer, _ step: ShortcutStep, into found: inout [UnsafeMutableRawPointer]
  ) throws(Abandoned) {
    // xmlDoc and xmlNode begin alike: `children` is at the same place in both.
    let parent = raw.assumingMemoryBound(to: xmlNode.self)
    guard parent.pointee.type == XML_ELEMENT_NODE || parent.pointee.type == XML_DOCUMENT_NODE else { return }
    var child = parent.pointee.children
    while let node = try nextChild(&child, selectedBy: step) {
      found.append(UnsafeMutableRawPointer(node))
    }
  }

  private mutating func collectAttributes(
    of raw: UnsafeMutableRawPointer, _ step: ShortcutStep, into found: inout [UnsafeMutableRawPointer]
  ) throws(Abandoned) {
    let element = raw.assumingMemoryBound(to: xmlNode.self)
    guard element.pointee.type == XML_ELEMENT_NODE else { return }
    var attribute = element.pointee.properties
    while let node = attribute {
      try spend()
      attribute = node.pointee.next
      if Self.matches(node.pointee.name, node.pointee.ns, step) { found.append(UnsafeMutableRawPointer(node)) }
    }
  }

  /// libxml2's name test: the local name, and the namespace (none for an unprefixed test).
  private static func matches(_ name: UnsafePointer<xmlChar>?, _ ns: xmlNsPtr?, _ step: ShortcutStep) -> Bool {
    guard let name else { return false }
    let sameName = step.local.withUnsafeBufferPointer { local in
      name.pointee == local[0]
        && strcmp(
          UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self),
          UnsafeRawPointer(local.baseAddress!).assumingMemoryBound(to: CChar.self)) == 0
    }
    guard sameName else { return false }
    guard let uri = step.uri else { return ns == nil }
    guard let href = ns?.pointee.href else { return false }
    return uri.withUnsafeBufferPointer {
      strcmp(
        UnsafeRawPointer(href).assumingMemoryBound(to: CChar.self),
        UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self)) == 0
    }
  }
}
