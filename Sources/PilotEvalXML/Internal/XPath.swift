internal import CLibXML2

/// An XPath evaluation context over one document, with the rubric's prefixes bound
/// and the root element as context node. Errors are swallowed into NaN/false.
final class XPathContext {
  let pointer: xmlXPathContextPtr
  private let document: ParsedDocument?

  init?(document: ParsedDocument?, namespaces: [(prefix: String, uri: String)]) {
    guard let pointer = xmlXPathNewContext(document?.pointer) else { return nil }
    self.pointer = pointer
    self.document = document
    pointer.pointee.error = { _, _ in }
    for binding in namespaces {
      xmlXPathRegisterNs(pointer, binding.prefix, binding.uri)
    }
    if let root = document.flatMap({ xmlDocGetRootElement($0.pointer) }) {
      pointer.pointee.node = root
    }
  }

  deinit { xmlXPathFreeContext(pointer) }
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

  /// The result cast with XPath's `boolean()`; `false` when evaluation fails.
  func boolean(in context: XPathContext) -> Bool {
    guard let object = xmlXPathCompiledEval(pointer, context.pointer) else { return false }
    defer { xmlXPathFreeObject(object) }
    return xmlXPathCastToBoolean(object) != 0
  }
}
