/// A problem found in an input file, located as precisely as the source allows.
///
/// Diagnostics print compiler style, so editors and terminals can jump to them:
/// `sub-014.xml:12:3: error: unknown level 'Z' for criterion 'C4' (expected A, B, C)`, or in
/// Chinese `sub-014.xml:12:3: 错误：指标 C4 没有等级“Z”（可选：A、B、C）`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
  /// How serious a diagnostic is.
  public enum Severity: String, Sendable, Hashable, Comparable {
    /// The file is rejected (a submission or review) or refused (a rubric).
    case error
    /// Worth fixing, but the file is still used.
    case warning

    /// Errors sort before warnings.
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
      lhs == .error && rhs == .warning
    }
  }

  /// Whether the file is rejected because of this diagnostic.
  public var severity: Severity
  /// The file as the user named it; empty when the input was not a file.
  public var file: String
  /// The 1-based line, or 0 when the problem concerns the whole file.
  public var line: Int
  /// The 1-based column, when the parser reports one.
  public var column: Int?
  /// What is wrong, in any language.
  public var content: Message
  /// The XML parser's own words, when the message translates one of its errors.
  public var raw: String?
  /// The rubric id (criterion, tier, section …) the problem concerns, if any.
  public var subject: String?

  /// Creates a diagnostic.
  public init(
    _ severity: Severity, file: String = "", line: Int = 0, column: Int? = nil,
    message: Message, subject: String? = nil, raw: String? = nil
  ) {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.content = message
    self.subject = subject
    self.raw = raw
  }

  /// Creates an error.
  public static func error(_ message: Message, line: Int = 0, subject: String? = nil) -> Diagnostic {
    Diagnostic(.error, line: line, message: message, subject: subject)
  }

  /// Creates a warning.
  public static func warning(_ message: Message, line: Int = 0, subject: String? = nil) -> Diagnostic {
    Diagnostic(.warning, line: line, message: message, subject: subject)
  }

  /// What is wrong, in English: lowercase, quoting the offending value.
  public var message: String { content.text(in: .en) }

  /// What is wrong, in `language`.
  public func text(in language: Language) -> String { content.text(in: language) }

  /// The same diagnostic, attributed to `file`.
  public func inFile(_ file: String) -> Diagnostic {
    var copy = self
    copy.file = file
    return copy
  }

  /// `FILE:LINE[:COLUMN]: error: message`, in English.
  public var description: String { description(in: .en) }

  /// `FILE:LINE[:COLUMN]: 错误：message` (or `error: message` in English).
  public func description(in language: Language) -> String {
    var location = file.isEmpty ? "<input>" : file
    location += ":\(line)"
    if let column { location += ":\(column)" }
    let key: MessageKey = severity == .error ? .diagnosticError : .diagnosticWarning
    return Message(key, location, text(in: language)).text(in: language)
  }
}

extension Array where Element == Diagnostic {
  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { contains { $0.severity == .error } }
  /// Only the errors.
  public var errors: [Diagnostic] { filter { $0.severity == .error } }
  /// Only the warnings.
  public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
}
