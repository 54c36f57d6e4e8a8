internal import CLibXML2

/// Reads HTML with libxml2's HTML parser and answers XPath questions about it,
/// so the report's pages can be checked for what a reader sees, not only for
/// their bytes.
///
///     let page = try HTMLInspector(html: text)
///     page.strings("//table[1]//tr/td[2]")  // the unit column
public final class HTMLInspector {
  private let document: htmlDocPtr

  /// Why a page could not be read.
  public struct Unreadable: Error {}

  /// Parses `html` (UTF-8); no network, no entity loading.
  public init(html: String) throws {
    LibXML.initialize()
    let bytes = Array(html.utf8)
    let options = Int32(
      HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NOIMPLIED.rawValue)
    let parsed = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
      }
    }
    guard let parsed else { throw Unreadable() }
    document = parsed
  }

  deinit { xmlFreeDoc(document) }

  /// The string value of every node `xpath` selects, in document order, white space trimmed.
  public func strings(_ xpath: String) -> [String] {
    guard let context = xmlXPathNewContext(document) else { return [] }
    defer { xmlXPathFreeContext(context) }
    context.pointee.error = { _, _ in }
    guard let result = xmlXPathEvalExpression(xpath, context) else { return [] }
    defer { xmlXPathFreeObject(result) }
    guard let nodes = result.pointee.nodesetval else {
      return [LibXML.takeString(xmlXPathCastToString(result)) ?? ""]
    }
    return (0..<Int(nodes.pointee.nodeNr)).map { index in
      (LibXML.takeString(xmlNodeGetContent(nodes.pointee.nodeTab[index])) ?? "").trimmingWhitespace()
    }
  }

  /// How many nodes `xpath` selects.
  public func count(_ xpath: String) -> Int {
    guard let context = xmlXPathNewContext(document) else { return 0 }
    defer { xmlXPathFreeContext(context) }
    context.pointee.error = { _, _ in }
    guard let result = xmlXPathEvalExpression(xpath, context) else { return 0 }
    defer { xmlXPathFreeObject(result) }
    return Int(result.pointee.nodesetval?.pointee.nodeNr ?? 0)
  }
}
