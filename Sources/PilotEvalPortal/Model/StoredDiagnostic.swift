/// One finding kept with an upload.
///
/// The message is kept as `text` (English) with room for a message key and its
/// arguments (`key`, `arguments`), so that receipts can be rendered in the
/// reader's language once diagnostics carry typed messages.
public struct StoredDiagnostic: Sendable, Hashable, Codable {
  /// 1-based line, 0 for the whole file.
  public var line: Int
  /// `error` or `warning`.
  public var severity: String
  /// A message id, when the finding has one.
  public var key: String?
  /// The message's arguments, in order.
  public var arguments: [String]
  /// The message as first written (English).
  public var text: String

  /// Creates a stored diagnostic.
  public init(line: Int, severity: String, key: String? = nil, arguments: [String] = [], text: String) {
    self.line = line
    self.severity = severity
    self.key = key
    self.arguments = arguments
    self.text = text
  }
}
