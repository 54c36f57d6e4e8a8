internal import CLibXML2
import PilotEvalCore

/// A parsed XML document; owns libxml2's tree and frees it when released.
final class ParsedDocument {
  let pointer: xmlDocPtr

  private init(_ pointer: xmlDocPtr) {
    self.pointer = pointer
  }

  deinit { xmlFreeDoc(pointer) }

  /// The root element.
  var root: Element? {
    xmlDocGetRootElement(pointer).map { Element(node: $0) }
  }

  /// Options for untrusted input: no network, no entity substitution, no DTD
  /// loading, no recovery; lines above 65535 kept.
  private static let options = Int32(
    XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_COMPACT.rawValue)

  /// Parses `bytes`, refusing a DOCTYPE that declares entities or names an
  /// external DTD (SPEC §2) before anything is expanded.
  ///
  /// With a `receiver`, no tree is built: elements and text go to the receiver
  /// as the parser meets them, and the document returned is empty.
  static func parse(_ bytes: UnsafeRawBufferPointer, file: String, receiver: SAXReceiver? = nil) -> ParseOutcome {
    LibXML.initialize()
    guard !bytes.isEmpty else {
      return .failure([Diagnostic(.error, file: file, line: 0, message: "the file is empty")])
    }
    if let problem = PreScan.check(bytes) {
      return .failure([problem.inFile(file)])
    }
    guard let context = xmlNewParserCtxt() else {
      return .failure([Diagnostic(.error, file: file, message: "out of memory while creating the XML parser")])
    }
    defer { xmlFreeParserCtxt(context) }
    let sink = ParseSink(file: file, receiver: receiver)
    let retained = Unmanaged.passRetained(sink)
    defer { retained.release() }
    context.pointee._private = retained.toOpaque()
    let sax = context.pointee.sax!
    sax.pointee.initialized = XML_SAX2_MAGIC
    sax.pointee.serror = { data, error in
      guard let data, let error else { return }
      ParseSink.of(data.assumingMemoryBound(to: xmlParserCtxt.self))?.record(error.pointee)
    }
    sax.pointee.warning = nil
    sax.pointee.error = nil
    sax.pointee.entityDecl = { data, _, _, _, _, _ in
      guard let data else { return }
      ParseSink.refuseDoctype(data.assumingMemoryBound(to: xmlParserCtxt.self))
    }
    sax.pointee.internalSubset = { data, name, externalID, systemID in
      guard let data else { return }
      let context = data.assumingMemoryBound(to: xmlParserCtxt.self)
      if externalID != nil || systemID != nil {
        ParseSink.refuseDoctype(context)
      } else {
        xmlSAX2InternalSubset(data, name, externalID, systemID)
      }
    }
    sax.pointee.startElementNs = { data, name, prefix, uri, namespaces, namespaceList, attributes, defaulted, list in
      xmlSAX2StartElementNs(data, name, prefix, uri, namespaces, namespaceList, attributes, defaulted, list)
      // libxml2 2.9 keeps element lines in 16 bits; keep the real one beside the node.
      guard let data else { return }
      let context = data.assumingMemoryBound(to: xmlParserCtxt.self)
      if let node = context.pointee.node, let input = context.pointee.input {
        node.pointee._private = UnsafeMutableRawPointer(bitPattern: Int(input.pointee.line))
      }
    }
    if receiver != nil { streamElements(sax) }
    sax.pointee.externalSubset = nil
    sax.pointee.resolveEntity = nil
    sax.pointee.getParameterEntity = nil
    sax.pointee.unparsedEntityDecl = { data, _, _, _, _ in
      guard let data else { return }
      ParseSink.refuseDoctype(data.assumingMemoryBound(to: xmlParserCtxt.self))
    }

    let base = bytes.baseAddress!.assumingMemoryBound(to: CChar.self)
    let document = xmlCtxtReadMemory(context, base, Int32(clamping: bytes.count), file, nil, options)
    if let line = sink.forbiddenDoctypeLine {
      if let document { xmlFreeDoc(document) }
      return .failure([Diagnostic(.error, file: file, line: line, message: forbiddenDoctype)])
    }
    guard let document, context.pointee.wellFormed != 0 else {
      if let document { xmlFreeDoc(document) }
      let errors =
        sink.errors.isEmpty ? [Diagnostic(.error, file: file, line: 0, message: "not well-formed XML")] : sink.errors
      return .failure(errors)
    }
    return .success(ParsedDocument(document))
  }

  /// Sends elements and text to the sink's receiver instead of building a tree.
  private static func streamElements(_ sax: UnsafeMutablePointer<xmlSAXHandler>) {
    sax.pointee.startElementNs = { data, name, _, uri, _, _, count, _, attributes in
      guard let data, let name else { return }
      let context = data.assumingMemoryBound(to: xmlParserCtxt.self)
      guard let sink = ParseSink.of(context), let receiver = sink.receiver else { return }
      let line = context.pointee.input.map { Int($0.pointee.line) } ?? 0
      receiver.start(SAXElement(name: name, uri: uri, attributes: attributes, count: Int(count), line: line))
    }
    sax.pointee.endElementNs = { data, _, _, _ in
      guard let data else { return }
      ParseSink.of(data.assumingMemoryBound(to: xmlParserCtxt.self))?.receiver?.end()
    }
    let characters: charactersSAXFunc = { data, bytes, length in
      guard let data, let bytes, length > 0 else { return }
      ParseSink.of(data.assumingMemoryBound(to: xmlParserCtxt.self))?.receiver?.text(
        UnsafeBufferPointer(start: bytes, count: Int(length)))
    }
    sax.pointee.characters = characters
    sax.pointee.cdataBlock = characters
    sax.pointee.ignorableWhitespace = characters
    sax.pointee.comment = nil
    sax.pointee.processingInstruction = nil
  }

  static let forbiddenDoctype =
    "DOCTYPE with entities or an external DTD is not accepted (remove the <!DOCTYPE …> declaration)"
}

/// A parsed document, or why there is none.
enum ParseOutcome {
  case success(ParsedDocument)
  case failure([Diagnostic])
}

/// Collects what libxml2 reports while parsing one document; reached from the
/// parser context's `_private`.
private final class ParseSink {
  let file: String
  let receiver: SAXReceiver?
  var errors: [Diagnostic] = []
  var forbiddenDoctypeLine: Int?

  init(file: String, receiver: SAXReceiver?) {
    self.file = file
    self.receiver = receiver
  }

  static func of(_ context: xmlParserCtxtPtr) -> ParseSink? {
    context.pointee._private.map { Unmanaged<ParseSink>.fromOpaque($0).takeUnretainedValue() }
  }

  static func refuseDoctype(_ context: xmlParserCtxtPtr) {
    guard let sink = of(context) else { return }
    if sink.forbiddenDoctypeLine == nil {
      sink.forbiddenDoctypeLine = Int(xmlSAX2GetLineNumber(context))
    }
    xmlStopParser(context)
  }

  func record(_ error: xmlError) {
    guard error.level.rawValue >= XML_ERR_ERROR.rawValue, forbiddenDoctypeLine == nil else { return }
    var message =
      LibXML.string(error.message.map { UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self) }) ?? "XML error"
    while message.last?.isWhitespace == true { message.removeLast() }
    let column = error.int2 > 0 ? Int(error.int2) : nil
    errors.append(Diagnostic(.error, file: file, line: Int(error.line), column: column, message: message))
  }
}
