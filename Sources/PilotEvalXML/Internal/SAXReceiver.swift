internal import CLibXML2

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Receives a document's elements as the parser meets them, when no tree is
/// needed (reviews: no XPath runs on them). Cheaper than building and freeing
/// a tree for every file.
protocol SAXReceiver: AnyObject {
  /// An element starts.
  func start(_ element: SAXElement)
  /// The innermost open element ends.
  func end()
  /// Character data inside the innermost open element (UTF-8, possibly in pieces);
  /// called only while `wantsText` is true.
  func text(_ bytes: UnsafeBufferPointer<UInt8>)
  /// Whether `text(_:)` is wanted until the next `start` or `end` (asked after each).
  var wantsText: Bool { get }
}

/// An element start as the parser reports it; valid only during the callback.
struct SAXElement {
  let name: UnsafePointer<xmlChar>
  let uri: UnsafePointer<xmlChar>?
  let attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
  let count: Int
  /// The line where the start tag ends.
  let line: Int
  /// The document being built, for resolving references in attribute values as the tree does.
  let document: xmlDocPtr?

  /// An element whose attributes read as they would from an element of `tree`, the
  /// document being built (`count`: the attributes the tree would have, without
  /// those the DTD defaults).
  init(
    name: UnsafePointer<xmlChar>, uri: UnsafePointer<xmlChar>?,
    attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
    count: Int, line: Int, tree: xmlDocPtr?
  ) {
    self.name = name
    self.uri = uri
    self.attributes = attributes
    self.count = count
    self.line = line
    document = tree
  }

  /// Whether the local name is `name`.
  func hasName(_ name: String) -> Bool {
    name.withCString { strcmp(UnsafeRawPointer(self.name).assumingMemoryBound(to: CChar.self), $0) == 0 }
  }

  /// Whether the local name is `name` (compared in place, without a copy).
  func named(_ name: StaticString) -> Bool { Self.equal(self.name, name) }

  /// Whether the element is in `namespace`.
  func isIn(_ namespace: String) -> Bool {
    guard let uri else { return false }
    return namespace.withCString { strcmp(UnsafeRawPointer(uri).assumingMemoryBound(to: CChar.self), $0) == 0 }
  }

  /// Whether the element is `name` in `namespace`.
  func isNamed(_ name: String, in namespace: String) -> Bool { hasName(name) && isIn(namespace) }

  /// The local name.
  var localName: String { String(cString: name) }

  /// An unqualified attribute's value (entity and character references already resolved).
  ///
  /// Read as the tree would hold it: an attribute whose prefix is undeclared is
  /// not unqualified (the tree names it `prefix:name`), and the `&#38;` the parser
  /// keeps for an escaped `&` is resolved.
  func attribute(_ wanted: String) -> String? {
    wanted.withCString { wanted in
      for index in 0..<count {
        guard let name = unqualifiedName(at: index) else { continue }
        if strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), wanted) == 0 { return value(at: index) }
      }
      return nil
    }
  }

  /// The name of the attribute at `index` (below `count`) when it is unqualified.
  func unqualifiedName(at index: Int) -> UnsafePointer<xmlChar>? {
    guard let attributes else { return nil }
    let base = index * 5
    guard attributes[base + 2] == nil, attributes[base + 1] == nil else { return nil }
    return attributes[base]
  }

  /// The value of the attribute at `index` (below `count`), read as `attribute(_:)` reads it.
  func value(at index: Int) -> String {
    guard let attributes, let start = attributes[index * 5 + 3], let end = attributes[index * 5 + 4] else { return "" }
    if memchr(start, Int32(UInt8(ascii: "&")), end - start) != nil {
      return Self.resolved(start, count: end - start, in: document)
    }
    return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
  }

  /// Whether the libxml2 string `string` is `text`.
  static func equal(_ string: UnsafePointer<xmlChar>, _ text: StaticString) -> Bool {
    let count = text.utf8CodeUnitCount
    return text.withUTF8Buffer { buffer in
      buffer.withMemoryRebound(to: CChar.self) {
        strncmp(UnsafeRawPointer(string).assumingMemoryBound(to: CChar.self), $0.baseAddress!, count) == 0
      }
    } && string[count] == 0
  }

  /// An attribute value with references, read as libxml2's tree builder stores it:
  /// parsed into text and reference nodes, then read back as one string.
  private static func resolved(_ value: UnsafePointer<xmlChar>, count: Int, in document: xmlDocPtr?) -> String {
    guard let nodes = xmlStringLenGetNodeList(document, value, Int32(clamping: count)) else { return "" }
    defer { xmlFreeNodeList(nodes) }
    return LibXML.takeString(xmlNodeListGetString(document, nodes, 1)) ?? ""
  }
}
