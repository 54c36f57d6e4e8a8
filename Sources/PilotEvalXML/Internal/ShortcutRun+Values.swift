internal import CLibXML2

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// XPath 1.0's conversions and comparisons, as libxml2 2.9.14's `xpath.c` makes them
/// (`xmlXPathCastToNumber`, `xmlXPathCastToBoolean`, `xmlXPathEqualValues`,
/// `xmlXPathCompareValues` and the node-set cases they hand on to).
extension ShortcutRun {
  /// `number(value)`: the first node's string value converted, NaN for no node.
  static func number(_ value: Value) -> Double {
    switch value {
    case .nodes(let set):
      guard let first = set.nodes.first else { return .nan }
      return withStringValue(first, set.areAttributes, xmlXPathCastStringToNumber)
    case .number(let number): return number
    case .string(let bytes): return bytes.withUnsafeBufferPointer { xmlXPathCastStringToNumber($0.baseAddress) }
    case .boolean(let isTrue): return isTrue ? 1 : 0
    }
  }

  /// `boolean(value)`.
  static func boolean(_ value: Value) -> Bool {
    switch value {
    case .nodes(let set): !set.nodes.isEmpty
    case .number(let number): !number.isNaN && number != 0
    case .string(let bytes): bytes[0] != 0
    case .boolean(let isTrue): isTrue
    }
  }

  /// Calls `body` with a node's string value (`xmlNodeGetContent`'s, `""` for none): read in
  /// place for an attribute of one text node, copied and freed otherwise.
  static func withStringValue<T>(
    _ raw: UnsafeMutableRawPointer, _ isAttribute: Bool, _ body: (UnsafePointer<xmlChar>) -> T
  ) -> T {
    if isAttribute {
      let attribute = raw.assumingMemoryBound(to: xmlAttr.self)
      guard let text = attribute.pointee.children else { return empty(body) }
      if text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE || text.pointee.type == XML_CDATA_SECTION_NODE {
        guard let content = text.pointee.content else { return empty(body) }
        return body(content)
      }
    }
    guard let content = xmlNodeGetContent(raw.assumingMemoryBound(to: xmlNode.self)) else { return empty(body) }
    defer { piloteval_xmlFree(content) }
    return body(content)
  }

  private static func empty<T>(_ body: (UnsafePointer<xmlChar>) -> T) -> T {
    var nul: xmlChar = 0
    return body(&nul)
  }

  /// `left comparison right` for any two values, at most one of them a node-set.
  static func compare(_ comparison: ShortcutComparison, _ left: Value, _ right: Value) -> Bool {
    if case .nodes(let set) = left { return compare(comparison, set, right) }
    if case .nodes(let set) = right { return compare(comparison.mirrored, set, left) }
    switch comparison {
    case .equal, .notEqual:
      let isEqual: Bool
      switch (left, right) {
      case (.boolean, _), (_, .boolean): isEqual = boolean(left) == boolean(right)
      case (.number, _), (_, .number): isEqual = number(left) == number(right)
      case (.string(let a), .string(let b)): isEqual = a == b
      default: isEqual = false
      }
      return isEqual == (comparison == .equal)
    default:
      return comparison.holds(number(left), number(right))
    }
  }

  /// A node-set compared with a value that is not one: whether some node's value compares so
  /// (for `=` and `!=` with a boolean, the node-set's boolean).
  private static func compare(_ comparison: ShortcutComparison, _ set: Nodes, _ value: Value) -> Bool {
    switch (comparison, value) {
    case (_, .boolean(let isTrue)):
      if comparison == .equal || comparison == .notEqual {
        return (!set.nodes.isEmpty == isTrue) == (comparison == .equal)
      }
      return comparison.holds(set.nodes.isEmpty ? 0 : 1, isTrue ? 1 : 0)
    case (.equal, .string(let bytes)), (.notEqual, .string(let bytes)):
      let wanted = comparison == .equal
      return bytes.withUnsafeBufferPointer { literal in
        set.nodes.contains { node in
          withStringValue(node, set.areAttributes) { text in
            (strcmp(
              UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self),
              UnsafeRawPointer(literal.baseAddress!).assumingMemoryBound(to: CChar.self)) == 0) == wanted
          }
        }
      }
    default:
      let other = number(value)
      return set.nodes.contains { node in
        comparison.holds(withStringValue(node, set.areAttributes, xmlXPathCastStringToNumber), other)
      }
    }
  }
}
