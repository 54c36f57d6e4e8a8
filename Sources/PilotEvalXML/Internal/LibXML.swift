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

  /// Runs `body` with libxml2's thread-local error handler silenced, then restores it.
  ///
  /// A few of libxml2's reports bypass a parser context's own handler (its encoders say
  /// "encoding error : input conversion failed …" through the thread's handler, by default to
  /// standard error); the parser reports the same problem, located, through its context.
  static func silencingThreadErrors<T>(_ body: () throws -> T) rethrows -> T {
    let previous = (__xmlStructuredError().pointee, __xmlStructuredErrorContext().pointee)
    xmlSetStructuredErrorFunc(nil) { _, _ in }
    defer { xmlSetStructuredErrorFunc(previous.1, previous.0) }
    return try body()
  }

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
