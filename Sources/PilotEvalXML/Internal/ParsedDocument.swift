internal import CLibXML2
import PilotEvalCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A parsed XML document; owns libxml2's tree and frees it when released.
///
/// Not `Sendable` (the extension below says so outright): libxml2's tree and the
/// thread's parser context that built it (its name dictionary) belong to one
/// thread, so the compiler refuses to hand a document to another thread, for
/// example as the result of an `OrderedParallel` transform.
///
/// Elements are reached only inside `withRoot`, which keeps the document alive
/// for as long as the closure runs:
///
///     let name = document.withRoot { root in root?.name }
final class ParsedDocument {
  let pointer: xmlDocPtr

  private init(_ pointer: xmlDocPtr) {
    self.pointer = pointer
  }

  deinit { xmlFreeDoc(pointer) }

  /// Calls `body` with the root element (`nil` when no tree was built) and returns
  /// what it returns. The document is kept alive until `body` returns; the elements
  /// `body` is given point into the tree and must not be kept after it.
  func withRoot<Result>(_ body: (Element?) throws -> Result) rethrows -> Result {
    try withExtendedLifetime(self) {
      try body(xmlDocGetRootElement(pointer).map { Element(node: $0) })
    }
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
  ///
  /// With a `receiver` and `kept`, the tree holds the root element and those of
  /// its children that `kept` names, with everything inside them; every other
  /// child of the root goes to the receiver (its first `start` is that child),
  /// and text, comments and processing instructions directly in the root are
  /// left out. With `KeptChildren.everything`, the tree is whole and the other
  /// children of the root go to the receiver as well.
  static func parse(
    _ bytes: UnsafeRawBufferPointer, file: String, receiver: SAXReceiver? = nil, kept: KeptChildren? = nil
  ) -> ParseOutcome {
    LibXML.initialize()
    guard !bytes.isEmpty else {
      return .failure([Diagnostic(.error, file: file, line: 0, message: Message(.xmlEmpty))])
    }
    if let kind = ParserErrors.signature(bytes) {
      return .failure([Diagnostic(.error, file: file, line: 1, message: kind)])
    }
    if let problem = PreScan.check(bytes) {
      return .failure([problem.inFile(file)])
    }
    guard let context = ReusedContext.take() else {
      return .failure([Diagnostic(.error, file: file, message: Message(.xmlOutOfMemory))])
    }
    defer { ReusedContext.give(context) }
    // Errors without a parser context (the encoding converter's) would go to standard error.
    xmlSetStructuredErrorFunc(nil) { _, _ in }
    let sink = ParseSink(file: file, bytes: bytes, receiver: receiver, kept: receiver == nil ? nil : kept)
    let retained = Unmanaged.passRetained(sink)
    defer { retained.release() }
    context.pointee._private = retained.toOpaque()
    let sax = context.pointee.sax!
    xmlSAXVersion(sax, 2)  // libxml2's own handler, then ours on top
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
    sax.pointee.startElementNs = {
      data, name, prefix, uri, namespaceCount, namespaces, attributeCount, defaulted, list in
      buildElement(data, name, prefix, uri, namespaceCount, namespaces, attributeCount, defaulted, list)
    }
    if sink.kept != nil {
      pruneElements(sax)
    } else if receiver != nil {
      streamElements(sax)
    }
    sax.pointee.externalSubset = nil
    sax.pointee.resolveEntity = nil
    sax.pointee.getParameterEntity = nil
    sax.pointee.unparsedEntityDecl = { data, _, _, _, _ in
      guard let data else { return }
      ParseSink.refuseDoctype(data.assumingMemoryBound(to: xmlParserCtxt.self))
    }

    let base = bytes.baseAddress!.assumingMemoryBound(to: CChar.self)
    let document = LibXML.silencingThreadErrors {
      xmlCtxtReadMemory(context, base, Int32(clamping: bytes.count), file, nil, options)
    }
    if let line = sink.forbiddenDoctypeLine {
      if let document { xmlFreeDoc(document) }
      return .failure([Diagnostic(.error, file: file, line: line, message: Message(.xmlForbiddenDoctype))])
    }
    guard let document, context.pointee.wellFormed != 0 else {
      if let document { xmlFreeDoc(document) }
      let errors =
        sink.errors.isEmpty
        ? [Diagnostic(.error, file: file, line: 0, message: Message(.xmlNotWellFormed))]
        : ParserErrors.oneFactEach(sink.errors)
      return .failure(errors)
    }
    return .success(ParsedDocument(document))
  }

  /// Builds the root and the kept children of the root as a tree; streams every
  /// other child of the root to the sink's receiver, with attributes read as the
  /// tree would hold them.
  private static func pruneElements(_ sax: UnsafeMutablePointer<xmlSAXHandler>) {
    sax.pointee.startElementNs = {
      data, name, prefix, uri, namespaceCount, namespaces, attributeCount, defaulted, attributes in
      guard let data, let name else { return }
      let context = data.assumingMemoryBound(to: xmlParserCtxt.self)
      ParseSink.with(context) { sink in
        guard let receiver = sink.receiver, let kept = sink.kept else { return }
        if sink.streamed == 0 && (sink.depth != 1 || kept.contains(name, uri)) {
          sink.depth += 1
          buildElement(data, name, prefix, uri, namespaceCount, namespaces, attributeCount, defaulted, attributes)
          return
        }
        sink.streamed += 1
        if kept.keepsAll {
          buildElement(data, name, prefix, uri, namespaceCount, namespaces, attributeCount, defaulted, attributes)
        }
        let line = context.pointee.input.map { Int($0.pointee.line) } ?? 0
        // The tree leaves out attributes the DTD defaults (no XML_PARSE_DTDATTR); they come last.
        receiver.start(
          SAXElement(
            name: name, uri: uri, attributes: attributes, count: Int(attributeCount - defaulted), line: line,
            tree: context.pointee.myDoc))
        sink.wantsText = receiver.wantsText
      }
    }
    sax.pointee.endElementNs = { data, name, prefix, uri in
      guard let data else { return }
      ParseSink.with(data.assumingMemoryBound(to: xmlParserCtxt.self)) { sink in
        if sink.streamed > 0, let receiver = sink.receiver {
          sink.streamed -= 1
          receiver.end()
          sink.wantsText = sink.streamed > 0 && receiver.wantsText
          if sink.keepsAll { xmlSAX2EndElementNs(data, name, prefix, uri) }
        } else {
          sink.depth -= 1
          xmlSAX2EndElementNs(data, name, prefix, uri)
        }
      }
    }
    // One function for both, as libxml2's own handler has: the parser then never calls it "ignorable".
    let characters: charactersSAXFunc = { data, bytes, length in
      guard let data, let bytes, length > 0 else { return }
      ParseSink.with(data.assumingMemoryBound(to: xmlParserCtxt.self)) { sink in
        if sink.streamed > 0 {
          if sink.wantsText { sink.receiver?.text(UnsafeBufferPointer(start: bytes, count: Int(length))) }
          if sink.keepsAll { xmlSAX2Characters(data, bytes, length) }
        } else if sink.depth > 1 || sink.keepsAll {
          xmlSAX2Characters(data, bytes, length)
        }
      }
    }
    sax.pointee.characters = characters
    sax.pointee.ignorableWhitespace = characters
    sax.pointee.cdataBlock = { data, bytes, length in
      guard let data, let bytes, length > 0 else { return }
      ParseSink.with(data.assumingMemoryBound(to: xmlParserCtxt.self)) { sink in
        if sink.streamed > 0 {
          if sink.wantsText { sink.receiver?.text(UnsafeBufferPointer(start: bytes, count: Int(length))) }
          if sink.keepsAll { xmlSAX2CDataBlock(data, bytes, length) }
        } else if sink.depth > 1 || sink.keepsAll {
          xmlSAX2CDataBlock(data, bytes, length)
        }
      }
    }
    sax.pointee.comment = { data, text in
      guard let data else { return }
      ParseSink.with(data.assumingMemoryBound(to: xmlParserCtxt.self)) { sink in
        if (sink.streamed == 0 && sink.depth > 1) || sink.keepsAll { xmlSAX2Comment(data, text) }
      }
    }
    sax.pointee.processingInstruction = { data, target, text in
      guard let data else { return }
      ParseSink.with(data.assumingMemoryBound(to: xmlParserCtxt.self)) { sink in
        if (sink.streamed == 0 && sink.depth > 1) || sink.keepsAll { xmlSAX2ProcessingInstruction(data, target, text) }
      }
    }
    sax.pointee.reference = { data, name in
      guard let data else { return }
      ParseSink.with(data.assumingMemoryBound(to: xmlParserCtxt.self)) { sink in
        if (sink.streamed == 0 && sink.depth > 1) || sink.keepsAll { xmlSAX2Reference(data, name) }
      }
    }
  }

  /// Sends elements and text to the sink's receiver instead of building a tree.
  private static func streamElements(_ sax: UnsafeMutablePointer<xmlSAXHandler>) {
    sax.pointee.startElementNs = { data, name, _, uri, _, _, count, defaulted, attributes in
      guard let data, let name else { return }
      let context = data.assumingMemoryBound(to: xmlParserCtxt.self)
      ParseSink.with(context) { sink in
        guard let receiver = sink.receiver else { return }
        let line = context.pointee.input.map { Int($0.pointee.line) } ?? 0
        // Read exactly as the tree reader would read them: references resolved (`&amp;` arrives
        // as `&#38;`), undeclared prefixes kept, attributes the DTD defaults left out.
        receiver.start(
          SAXElement(
            name: name, uri: uri, attributes: attributes, count: Int(count - defaulted), line: line,
            tree: context.pointee.myDoc))
        sink.wantsText = receiver.wantsText
      }
    }
    sax.pointee.endElementNs = { data, _, _, _ in
      guard let data else { return }
      ParseSink.with(data.assumingMemoryBound(to: xmlParserCtxt.self)) { sink in
        guard let receiver = sink.receiver else { return }
        receiver.end()
        sink.wantsText = receiver.wantsText
      }
    }
    let characters: charactersSAXFunc = { data, bytes, length in
      guard let data, let bytes, length > 0 else { return }
      ParseSink.with(data.assumingMemoryBound(to: xmlParserCtxt.self)) { sink in
        if sink.wantsText { sink.receiver?.text(UnsafeBufferPointer(start: bytes, count: Int(length))) }
      }
    }
    sax.pointee.characters = characters
    sax.pointee.cdataBlock = characters
    sax.pointee.ignorableWhitespace = characters
    sax.pointee.comment = nil
    sax.pointee.processingInstruction = nil
  }

}

/// One parser context per thread, kept between parses: creating and freeing a
/// context (and its dictionary) for every document costs more than parsing a
/// small review. `xmlCtxtReadMemory` starts each parse with `xmlCtxtReset`;
/// the dictionary is kept, so the documents a thread parses share it (they
/// are freed on that thread too) until it holds more than `dictionaryLimit`
/// names, when the context is freed and the next parse starts a new one.
private enum ReusedContext {
  static let dictionaryLimit = 4096

  /// The calling thread's context; its destructor frees the one a thread leaves behind.
  private static let key: pthread_key_t = {
    var key = pthread_key_t()
    let created = pthread_key_create(&key) { pointer in
      #if canImport(Darwin)
        xmlFreeParserCtxt(pointer.assumingMemoryBound(to: xmlParserCtxt.self))
      #else
        if let pointer { xmlFreeParserCtxt(pointer.assumingMemoryBound(to: xmlParserCtxt.self)) }
      #endif
    }
    precondition(created == 0, "no thread-specific key for the XML parser context")
    return key
  }()

  /// The thread's context (taken out of its slot while it parses), or a new one.
  static func take() -> xmlParserCtxtPtr? {
    guard let stored = pthread_getspecific(key) else { return xmlNewParserCtxt() }
    pthread_setspecific(key, nil)
    return stored.assumingMemoryBound(to: xmlParserCtxt.self)
  }

  /// Puts the context back in the thread's slot, or frees it when its dictionary has grown
  /// past the limit or the slot is taken.
  static func give(_ context: xmlParserCtxtPtr) {
    context.pointee._private = nil
    guard xmlDictSize(context.pointee.dict) <= dictionaryLimit, pthread_getspecific(key) == nil,
      pthread_setspecific(key, context) == 0
    else {
      xmlFreeParserCtxt(context)
      return
    }
  }
}

/// libxml2's tree builder for an element start, keeping the element's real line in `_private`.
private func buildElement(
  _ data: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
  _ uri: UnsafePointer<xmlChar>?, _ namespaceCount: Int32, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
  _ attributeCount: Int32, _ defaulted: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
) {
  xmlSAX2StartElementNs(data, name, prefix, uri, namespaceCount, namespaces, attributeCount, defaulted, attributes)
  // libxml2 2.9 keeps element lines in 16 bits; keep the real one beside the node.
  guard let data else { return }
  let context = data.assumingMemoryBound(to: xmlParserCtxt.self)
  if let node = context.pointee.node, let input = context.pointee.input {
    node.pointee._private = UnsafeMutableRawPointer(bitPattern: Int(input.pointee.line))
  }
}

/// The children of the root element a pruned parse keeps in its tree: those named `name` in `namespace`,
/// or (`everything`) all of them, the others then streamed as well.
struct KeptChildren {
  let name: String
  let namespace: String
  /// Whether the tree is whole: the children not named are streamed and kept.
  var keepsAll = false

  /// The whole tree, with the root's children other than `name` in `namespace` streamed too.
  static func everything(streamingAllBut name: String, namespace: String) -> KeptChildren {
    KeptChildren(name: name, namespace: namespace, keepsAll: true)
  }

  /// Whether an element with local name `name` in namespace `uri` is kept.
  func contains(_ name: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?) -> Bool {
    guard let uri else { return false }
    let nameMatches = self.name.withCString {
      strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), $0) == 0
    }
    return nameMatches
      && namespace.withCString { strcmp(UnsafeRawPointer(uri).assumingMemoryBound(to: CChar.self), $0) == 0 }
  }
}

@available(*, unavailable, message: "a parsed document belongs to the thread that parsed it")
extension ParsedDocument: Sendable {}

/// A parsed document, or why there is none.
enum ParseOutcome {
  case success(ParsedDocument)
  case failure([Diagnostic])
}

/// Collects what libxml2 reports while parsing one document; reached from the
/// parser context's `_private`.
private final class ParseSink {
  let file: String
  /// The document's bytes, valid while it is parsed: read to explain encoding errors.
  let bytes: UnsafeRawBufferPointer
  let receiver: SAXReceiver?
  let kept: KeptChildren?
  var errors: [Diagnostic] = []
  var forbiddenDoctypeLine: Int?
  // Read and written by every callback, one at a time: no run-time exclusivity checks.
  /// In a pruned parse: the tree's open elements, and the open elements of the child being streamed.
  @exclusivity(unchecked) var depth = 0
  @exclusivity(unchecked) var streamed = 0
  /// The receiver's `wantsText`, asked after each element start and end it gets.
  @exclusivity(unchecked) var wantsText = false
  /// Whether the tree is whole (`KeptChildren.keepsAll`): what is streamed is built too.
  let keepsAll: Bool

  /// Whether an encoding error was reported: what libxml2 says after it is about the same bytes.
  var sawEncodingError = false

  init(file: String, bytes: UnsafeRawBufferPointer, receiver: SAXReceiver?, kept: KeptChildren?) {
    self.file = file
    self.bytes = bytes
    self.receiver = receiver
    self.kept = kept
    keepsAll = kept?.keepsAll ?? false
  }

  static func of(_ context: xmlParserCtxtPtr) -> ParseSink? {
    context.pointee._private.map { Unmanaged<ParseSink>.fromOpaque($0).takeUnretainedValue() }
  }

  /// Calls `body` with the context's sink, if it has one, without retaining it: the
  /// parse holds it for as long as callbacks come.
  static func with(_ context: xmlParserCtxtPtr, _ body: (ParseSink) -> Void) {
    guard let pointer = context.pointee._private else { return }
    Unmanaged<ParseSink>.fromOpaque(pointer)._withUnsafeGuaranteedRef(body)
  }

  static func refuseDoctype(_ context: xmlParserCtxtPtr) {
    guard let sink = of(context) else { return }
    if sink.forbiddenDoctypeLine == nil {
      sink.forbiddenDoctypeLine = Int(xmlSAX2GetLineNumber(context))
    }
    xmlStopParser(context)
  }

  func record(_ error: xmlError) {
    guard error.level.rawValue >= XML_ERR_ERROR.rawValue, forbiddenDoctypeLine == nil, !sawEncodingError else {
      return
    }
    var raw =
      LibXML.string(error.message.map { UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self) }) ?? "XML error"
    raw = String(raw.unicodeScalars.map { $0 == "\n" ? " " : Character($0) })
    while raw.last?.isWhitespace == true { raw.removeLast() }
    if ParserErrors.isEncoding(error) { sawEncodingError = true }
    let column = error.int2 > 0 ? Int(error.int2) : nil
    errors.append(
      Diagnostic(
        .error, file: file, line: Int(error.line), column: column,
        message: ParserErrors.message(for: error, raw: raw, bytes: bytes), raw: raw))
  }
}
