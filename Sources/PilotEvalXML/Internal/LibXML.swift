internal import CLibXML2

/// libxml2's process-wide set-up, done once before any parsing (STYLE: globals
/// are set in one place, at start-up).
enum LibXML {
  /// Initializes the parser and the schema types; safe to call from any thread, any number of times.
  static func initialize() { _ = initialized }

  private static let initialized: Bool = {
    xmlInitParser()
    xmlSchemaInitTypes()
    return true
  }()

  /// A libxml2 string as a Swift string (`nil` stays `nil`).
  static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
    pointer.map { String(cString: $0) }
  }

  /// Takes ownership of a libxml2-allocated string: converts it and frees it.
  static func takeString(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String? {
    guard let pointer else { return nil }
    defer { piloteval_xmlFree(pointer) }
    return String(cString: pointer)
  }
}
