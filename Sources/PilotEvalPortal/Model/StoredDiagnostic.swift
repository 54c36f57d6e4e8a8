/// One finding kept with an upload.
///
/// The message is kept as its key (a portal `PortalText` or a catalog `MessageKey` raw value)
/// and arguments (see `StoredMessage`), so that every receipt and page renders it in the
/// reader's language; `text` keeps the English as first written, for the audit trail.
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
