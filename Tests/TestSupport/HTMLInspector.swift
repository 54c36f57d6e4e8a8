internal import CLibXML2
import Foundation

/// Reads HTML with libxml2's HTML parser and answers XPath questions about it,
/// so the report's pages can be checked for what a reader sees, not only for
/// their bytes. For tests only: this target is no product, and only test targets
/// depend on it.
///
///     let page = try HTMLInspector(html: text)
///     page.strings("//table[1]//tr/td[2]")  // the unit column
public final class HTMLInspector {
  private let document: htmlDocPtr

  /// Why a page could not be read.
  public struct Unreadable: Error {}

  /// Parses `html` (UTF-8); no network, no entity loading.
  public init(html: String) throws {
    _ = Self.initialized
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

  /// libxml2's parser set up once, before the first page is read.
  private static let initialized: Void = xmlInitParser()

  /// The string value of every node `xpath` selects, in document order, white space trimmed.
  public func strings(_ xpath: String) -> [String] {
    guard let context = xmlXPathNewContext(document) else { return [] }
    defer { xmlXPathFreeContext(context) }
    context.pointee.error = { _, _ in }
    guard let result = xmlXPathEvalExpression(xpath, context) else { return [] }
    defer { xmlXPathFreeObject(result) }
    guard let nodes = result.pointee.nodesetval else {
      return [Self.take(xmlXPathCastToString(result))]
    }
    return (0..<Int(nodes.pointee.nodeNr)).map { index in
      Self.take(xmlNodeGetContent(nodes.pointee.nodeTab[index])).trimmingCharacters(in: .whitespacesAndNewlines)
    }
  }

  /// A string libxml2 allocated, converted and freed ("" for none).
  private static func take(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String {
    guard let pointer else { return "" }
    defer { piloteval_xmlFree(pointer) }
    return String(cString: pointer)
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
