/// A file read by the XML layer: the value it holds, or why it is rejected.
public struct LoadedFile<Value: Sendable>: Sendable {
  /// The path as found from what the user named.
  public var file: String
  /// The value, when the file is acceptable so far.
  public var value: Value?
  /// Rejection reasons; never empty when `value` is `nil`.
  public var errors: [Diagnostic]
  /// Things worth saying that do not reject the file.
  public var warnings: [Diagnostic]
  /// A fault of the rubric that reading this file revealed (an XPath that raised an
  /// error on it): the run must stop, since the file cannot be scored fairly. Located
  /// in the rubric; `errors` holds the same diagnostic.
  public var stopsRun: Diagnostic?

  /// A file that loaded.
  public init(file: String, value: Value, warnings: [Diagnostic] = []) {
    self.file = file
    self.value = value
    self.errors = []
    self.warnings = warnings
  }

  /// A file whose reading revealed a fault of the rubric: the run stops with `failure`.
  public init(file: String, stoppingRun failure: Diagnostic) {
    self.file = file
    self.value = nil
    self.errors = [failure]
    self.warnings = []
    self.stopsRun = failure
  }

  /// A file that is rejected.
  public init(file: String, errors: [Diagnostic], warnings: [Diagnostic] = []) {
    precondition(!errors.isEmpty, "a rejected file needs a reason")
    self.file = file
    self.value = nil
    self.errors = errors
    self.warnings = warnings
  }
}

/// A rejected submission or review, with every reason found.
public struct Rejection: Error, Sendable {
  /// What kind of file was rejected.
  public enum Kind: String, Sendable {
    /// A submission (自评报告).
    case submission
    /// A review (专家评审).
    case review
  }
  /// The file, as found from what the user named.
  public var file: String
  /// What kind of file it is.
  public var kind: Kind
  /// The reasons, each with its line (0 for the whole file).
  public var errors: [Diagnostic]

  /// Creates a rejection.
  public init(file: String, kind: Kind, errors: [Diagnostic]) {
    self.file = file
    self.kind = kind
    self.errors = errors
  }
}
