internal import CLibXML2

/// An XPath evaluation context with the rubric's prefixes bound, pointed at one
/// document at a time. Errors are swallowed into NaN/false.
final class XPathContext {
  let pointer: xmlXPathContextPtr

  init?(namespaces: [(prefix: String, uri: String)]) {
    guard let pointer = xmlXPathNewContext(nil) else { return nil }
    self.pointer = pointer
    pointer.pointee.error = { _, _ in }
    // Reuse XPath result objects across evaluations instead of allocating each one.
    xmlXPathContextSetCache(pointer, 1, -1, 0)
    for binding in namespaces {
      xmlXPathRegisterNs(pointer, binding.prefix, binding.uri)
    }
  }

  deinit { xmlXPathFreeContext(pointer) }

  /// Points the context at `document` (context node: its root element) for the
  /// duration of `body`, reusing the namespace bindings already registered.
  func evaluating<T>(_ document: ParsedDocument, _ body: (XPathContext) -> T) -> T {
    pointer.pointee.doc = document.pointer
    pointer.pointee.node = xmlDocGetRootElement(document.pointer)
    defer {
      pointer.pointee.doc = nil
      pointer.pointee.node = nil
    }
    return withExtendedLifetime(document) { body(self) }
  }
}

/// A compiled XPath expression. Not shared between threads: libxml2 writes a
/// cache into it on first evaluation, so each worker compiles its own.
final class CompiledXPath {
  let pointer: xmlXPathCompExprPtr

  /// Compiles `source`, reporting syntax errors to no one; `nil` when it does not compile.
  init?(_ source: String, context: XPathContext) {
    guard let pointer = xmlXPathCtxtCompile(context.pointer, source) else { return nil }
    self.pointer = pointer
  }

  deinit { xmlXPathFreeCompExpr(pointer) }

  /// The result cast with XPath's `number()`; NaN when evaluation fails.
  func number(in context: XPathContext) -> Double {
    guard let object = xmlXPathCompiledEval(pointer, context.pointer) else { return .nan }
    defer { xmlXPathFreeObject(object) }
    return xmlXPathCastToNumber(object)
  }

  /// The first node the expression selects, as text with the line of its element (an
  /// attribute's owner); nil when it selects no node.
  func firstNode(in context: XPathContext) -> (text: String, line: Int)? {
    guard let object = xmlXPathCompiledEval(pointer, context.pointer) else { return nil }
    defer { xmlXPathFreeObject(object) }
    guard object.pointee.type == XPATH_NODESET, let set = object.pointee.nodesetval, set.pointee.nodeNr > 0,
      let node = set.pointee.nodeTab[0]
    else { return nil }
    let text = LibXML.takeString(xmlNodeGetContent(node)) ?? ""
    let owner = node.pointee.type == XML_ATTRIBUTE_NODE ? node.pointee.parent : node
    return (text, owner.map { Element(node: $0).line } ?? 0)
  }

  /// The result cast with XPath's `boolean()`; `false` when evaluation fails.
  func boolean(in context: XPathContext) -> Bool {
    guard let object = xmlXPathCompiledEval(pointer, context.pointer) else { return false }
    defer { xmlXPathFreeObject(object) }
    return xmlXPathCastToBoolean(object) != 0
  }
}
