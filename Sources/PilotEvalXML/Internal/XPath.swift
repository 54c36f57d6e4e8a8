internal import CLibXML2
import PilotEvalCore

/// How one XPath evaluation ended.
enum XPathOutcome<Value> {
  /// It gave a value.
  case value(Value)
  /// It needed more than `XPathContext.operationLimit` operations (SPEC v1.1 §2).
  case tooCostly
  /// It raised an error (a type error, a memory error …): what went wrong, in a few words.
  case failed(Message)
}

/// An XPath evaluation context with the rubric's prefixes bound, pointed at one
/// document at a time. Variables are refused when an expression is compiled, and
/// every evaluation is bounded by `operationLimit`.
final class XPathContext {
  /// The most operations (libxml2's `opCount`: steps, nodes visited, values
  /// compared) one evaluation may take: 0.3–0.6 s of work on these machines, 16
  /// times what the costliest published rubric expression needs on a 4 MiB
  /// submission (measured in docs/THREAT-MODEL.md).
  static let operationLimit: UInt = 20_000_000

  let pointer: xmlXPathContextPtr

  init?(namespaces: [(prefix: String, uri: String)], operationLimit: UInt = XPathContext.operationLimit) {
    guard let pointer = xmlXPathNewContext(nil) else { return nil }
    self.pointer = pointer
    pointer.pointee.error = { _, _ in }
    pointer.pointee.flags = XML_XPATH_NOVAR
    pointer.pointee.opLimit = operationLimit
    // Reuse XPath result objects across evaluations instead of allocating each one.
    xmlXPathContextSetCache(pointer, 1, -1, 0)
    for binding in namespaces {
      xmlXPathRegisterNs(pointer, binding.prefix, binding.uri)
    }
  }

  deinit {
    xmlResetError(&pointer.pointee.lastError)
    xmlXPathFreeContext(pointer)
  }

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
  /// The same expression answered by walking the tree, when it has a simple shape.
  let shortcut: XPathShortcut?

  /// Compiles `source`, reporting syntax errors to no one; `nil` when it does not
  /// compile (a variable reference does not compile: the context forbids them).
  /// With `shortcuts`, an expression of a simple shape is answered by an `XPathShortcut`
  /// (libxml2's compiled expression stays the fallback).
  init?(_ source: String, context: XPathContext, shortcuts: Bool = true) {
    guard let pointer = xmlXPathCtxtCompile(context.pointer, source) else { return nil }
    self.pointer = pointer
    shortcut =
      shortcuts ? XPathShortcut(source, context: context, operationLimit: context.pointer.pointee.opLimit) : nil
  }

  deinit { xmlXPathFreeCompExpr(pointer) }

  /// The result cast with XPath's `number()`; ±∞ counts as NaN (no data, SPEC v1.1 §1).
  func number(in context: XPathContext) -> XPathOutcome<Double> {
    if let value = shortcut?.number(in: context) { return .value(value.isInfinite ? .nan : value) }
    return evaluate(in: context) { object in
      let value = xmlXPathCastToNumber(object)
      return value.isInfinite ? .nan : value
    }
  }

  /// The first node the expression selects, as text with the line of its element (an
  /// attribute's owner); nil when it selects no node
  /// (or its evaluation fails or exceeds the bound).
  func firstNode(in context: XPathContext) -> (text: String, line: Int)? {
    if let answer = shortcut?.firstNode(in: context) { return answer }
    let raw = context.pointer
    raw.pointee.opCount = 0
    raw.pointee.depth = 0
    xmlResetError(&raw.pointee.lastError)
    guard let object = xmlXPathCompiledEval(pointer, raw) else { return nil }
    defer { xmlXPathFreeObject(object) }
    guard object.pointee.type == XPATH_NODESET, let set = object.pointee.nodesetval, set.pointee.nodeNr > 0,
      let node = set.pointee.nodeTab[0]
    else { return nil }
    let text = LibXML.takeString(xmlNodeGetContent(node)) ?? ""
    let owner = node.pointee.type == XML_ATTRIBUTE_NODE ? node.pointee.parent : node
    return (text, owner.map { Element(node: $0).line } ?? 0)
  }

  /// The result cast with XPath's `boolean()`.
  func boolean(in context: XPathContext) -> XPathOutcome<Bool> {
    if let value = shortcut?.boolean(in: context) { return .value(value) }
    return evaluate(in: context) { xmlXPathCastToBoolean($0) != 0 }
  }

  /// Evaluates with a fresh operation count and error, then casts the result.
  private func evaluate<T>(in context: XPathContext, _ cast: (xmlXPathObjectPtr) -> T) -> XPathOutcome<T> {
    let raw = context.pointer
    // `opCount` accumulates over evaluations on one context: the bound is per evaluation.
    raw.pointee.opCount = 0
    raw.pointee.depth = 0
    xmlResetError(&raw.pointee.lastError)
    guard let object = xmlXPathCompiledEval(pointer, raw) else {
      let code = Int(raw.pointee.lastError.code) - Int(XML_XPATH_EXPRESSION_OK.rawValue)
      if code == Int(XPATH_OP_LIMIT_EXCEEDED.rawValue)
        || (raw.pointee.opLimit != 0 && raw.pointee.opCount >= raw.pointee.opLimit)
      {
        return .tooCostly
      }
      return .failed(Self.reason(code))
    }
    defer { xmlXPathFreeObject(object) }
    return .value(cast(object))
  }

  /// What libxml2's XPath error `code` (an `xmlXPathError`) means, in a few words.
  private static func reason(_ code: Int) -> Message {
    switch UInt32(truncatingIfNeeded: code) {
    case XPATH_INVALID_TYPE.rawValue: Message(.rubricReasonWrongType)
    case XPATH_INVALID_OPERAND.rawValue: Message(.rubricReasonInvalidOperand)
    case XPATH_INVALID_ARITY.rawValue: Message(.rubricReasonArity)
    case XPATH_UNKNOWN_FUNC_ERROR.rawValue: Message(.rubricReasonUnknownFunction)
    case XPATH_UNDEF_PREFIX_ERROR.rawValue: Message(.rubricReasonUndeclaredPrefix)
    case XPATH_UNDEF_VARIABLE_ERROR.rawValue, XPATH_FORBID_VARIABLE_ERROR.rawValue: Message(.rubricReasonVariable)
    case XPATH_MEMORY_ERROR.rawValue: Message(.rubricReasonMemory)
    case XPATH_RECURSION_LIMIT_EXCEEDED.rawValue: Message(.rubricReasonTooDeep)
    case XPATH_INVALID_CTXT_SIZE.rawValue, XPATH_INVALID_CTXT_POSITION.rawValue, XPATH_INVALID_CTXT.rawValue,
      XPATH_STACK_ERROR.rawValue:
      Message(.rubricReasonInvalidState)
    default: Message(.rubricReasonCode, String(code))
    }
  }
}
