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
  /// Character data inside the innermost open element (UTF-8, possibly in pieces).
  func text(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// An element start as the parser reports it; valid only during the callback.
struct SAXElement {
  let name: UnsafePointer<xmlChar>
  let uri: UnsafePointer<xmlChar>?
  let attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
  let count: Int
  /// The line where the start tag ends.
  let line: Int

  /// Whether the local name is `name`.
  func hasName(_ name: String) -> Bool {
    name.withCString { strcmp(UnsafeRawPointer(self.name).assumingMemoryBound(to: CChar.self), $0) == 0 }
  }

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
  func attribute(_ wanted: String) -> String? {
    guard let attributes else { return nil }
    for index in 0..<count {
      let base = index * 5
      guard attributes[base + 2] == nil, let name = attributes[base],
        let start = attributes[base + 3], let end = attributes[base + 4]
      else { continue }
      let matches = wanted.withCString { strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), $0) == 0 }
      if matches {
        return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
      }
    }
    return nil
  }
}
