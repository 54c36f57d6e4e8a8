internal import CLibXML2

/// An element of a parsed document. Keeps its document alive; never hands out the pointer.
struct Element {
  let node: xmlNodePtr
  let document: ParsedDocument

  /// The local name, without prefix.
  var name: String { String(cString: node.pointee.name) }

  /// The namespace URI, if any.
  var namespace: String? { LibXML.string(node.pointee.ns?.pointee.href) }

  /// The 1-based line of the start tag.
  var line: Int { Int(xmlGetLineNo(node)) }

  /// Whether the element is `name` in `namespace`.
  func isNamed(_ name: String, in namespace: String) -> Bool {
    self.namespace == namespace && self.name == name
  }

  /// An unqualified attribute's value.
  func attribute(_ name: String) -> String? {
    LibXML.takeString(xmlGetNoNsProp(node, name))
  }

  /// Whether the unqualified attribute is present.
  func hasAttribute(_ name: String) -> Bool {
    xmlHasNsProp(node, name, nil) != nil
  }

  /// Child elements, in document order.
  var children: [Element] {
    var result: [Element] = []
    var child = node.pointee.children
    while let current = child {
      if current.pointee.type == XML_ELEMENT_NODE { result.append(Element(node: current, document: document)) }
      child = current.pointee.next
    }
    return result
  }

  /// Child elements named `name` in `namespace`.
  func children(named name: String, in namespace: String) -> [Element] {
    children.filter { $0.isNamed(name, in: namespace) }
  }

  /// The first child element named `name` in `namespace`.
  func child(named name: String, in namespace: String) -> Element? {
    children.first { $0.isNamed(name, in: namespace) }
  }

  /// The text content, trimmed of surrounding white space.
  var text: String {
    let raw = LibXML.takeString(xmlNodeGetContent(node)) ?? ""
    return raw.trimmingWhitespace()
  }
}

extension String {
  func trimmingWhitespace() -> String {
    var scalars = Substring(self)
    while scalars.first?.isWhitespace == true { scalars.removeFirst() }
    while scalars.last?.isWhitespace == true { scalars.removeLast() }
    return String(scalars)
  }
}
