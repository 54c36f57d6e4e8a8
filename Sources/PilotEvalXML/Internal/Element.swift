internal import CLibXML2

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An element of a parsed document, read in place: names and attribute values
/// are compared and read without copying the tree.
///
/// An element does not keep its document alive. It is scoped by the API: the
/// only way to reach one is `ParsedDocument.withRoot { root in … }` (and the
/// children of an element given there; a node an XPath selects is read inside
/// `XPathContext.evaluating`, which holds its document too), so it is used while
/// its document is held; do not store one or return one from that closure. The compiler does not
/// check this: a non-escapable `Element` (`~Escapable`) needs Swift's
/// experimental `Lifetimes` feature in 6.3 and cannot be held in an array (see
/// docs/DECISIONS.md, "Threads and the libxml2 tree"). It does refuse to send an
/// element to another thread: `Element` is not `Sendable`.
struct Element {
  let node: xmlNodePtr

  /// The local name, without prefix.
  var name: String { String(cString: node.pointee.name) }

  /// The namespace URI, if any.
  var namespace: String? { LibXML.string(node.pointee.ns?.pointee.href) }

  /// The 1-based line of the start tag.
  var line: Int {
    if let recorded = node.pointee._private { return Int(bitPattern: recorded) }
    return Int(xmlGetLineNo(node))
  }

  /// Whether the element's local name is `name`.
  func hasName(_ name: String) -> Bool {
    name.withCString { strcmp(UnsafeRawPointer(node.pointee.name).assumingMemoryBound(to: CChar.self), $0) == 0 }
  }

  /// Whether the element is in `namespace`.
  func isIn(_ namespace: String) -> Bool {
    guard let href = node.pointee.ns?.pointee.href else { return false }
    return namespace.withCString { strcmp(UnsafeRawPointer(href).assumingMemoryBound(to: CChar.self), $0) == 0 }
  }

  /// Whether the element is `name` in `namespace`.
  func isNamed(_ name: String, in namespace: String) -> Bool {
    hasName(name) && isIn(namespace)
  }

  /// An unqualified attribute's value.
  func attribute(_ name: String) -> String? {
    var property = node.pointee.properties
    while let current = property {
      if current.pointee.ns == nil,
        name.withCString({ strcmp(UnsafeRawPointer(current.pointee.name).assumingMemoryBound(to: CChar.self), $0) == 0 }
        )
      {
        if let text = current.pointee.children, text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE,
          let content = text.pointee.content
        {
          return String(cString: content)
        }
        return LibXML.takeString(xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1)) ?? ""
      }
      property = current.pointee.next
    }
    return nil
  }

  /// Calls `body` with each child element, in document order.
  func forEachChild(_ body: (Element) -> Void) {
    var child = node.pointee.children
    while let current = child {
      if current.pointee.type == XML_ELEMENT_NODE { body(Element(node: current)) }
      child = current.pointee.next
    }
  }

  /// Child elements, in document order.
  var children: [Element] {
    var result: [Element] = []
    forEachChild { result.append($0) }
    return result
  }

  /// Child elements named `name` in `namespace`.
  func children(named name: String, in namespace: String) -> [Element] {
    var result: [Element] = []
    forEachChild { if $0.isNamed(name, in: namespace) { result.append($0) } }
    return result
  }

  /// How many child elements are named `name` in `namespace`.
  func count(named name: String, in namespace: String) -> Int {
    var count = 0
    forEachChild { if $0.isNamed(name, in: namespace) { count += 1 } }
    return count
  }

  /// The first child element named `name` in `namespace`.
  func child(named name: String, in namespace: String) -> Element? {
    var child = node.pointee.children
    while let current = child {
      let element = Element(node: current)
      if current.pointee.type == XML_ELEMENT_NODE && element.isNamed(name, in: namespace) { return element }
      child = current.pointee.next
    }
    return nil
  }

  /// The text content, trimmed of surrounding white space.
  var text: String {
    let raw = LibXML.takeString(xmlNodeGetContent(node)) ?? ""
    return raw.trimmingWhitespace()
  }
}

@available(*, unavailable, message: "an element belongs to the thread that parsed its document")
extension Element: Sendable {}

extension String {
  /// The string without leading and trailing white space (compared scalar by scalar).
  func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
    return String(scalars[first...last])
  }
}
