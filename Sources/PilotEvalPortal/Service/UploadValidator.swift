public import PilotEvalCore
public import PilotEvalXML

/// Checks one uploaded submission exactly as `piloteval validate` checks a file: the same
/// reader, the same published-schema findings, the same round builder and the same
/// checker's warnings, then the portal's own rule that the file's unit and round are
/// those of the upload address.
///
/// Safe to use from several threads at once (its parts are).
public struct UploadValidator: Sendable {
  /// What validation concluded.
  public struct Outcome: Sendable {
    /// Accepted when there is no error.
    public var status: UploadStatus
    /// Errors and warnings, by line, as `validate` prints them.
    public var diagnostics: [StoredDiagnostic]
  }

  /// The rubric files are checked against.
  public let rubric: Rubric
  private let reader: SubmissionReader
  private let schema: SchemaValidator
  private let checker: SubmissionChecker

  /// A validator for `rubric`; parses the published submission schema once.
  public init(rubric: Rubric, sizeLimit: Int = FileInput.defaultSizeLimit) {
    self.rubric = rubric
    reader = SubmissionReader(rubric: rubric, sizeLimit: sizeLimit)
    schema = SchemaValidator(kind: .submission)
    checker = SubmissionChecker(rubric: rubric)
  }

  /// Validates `bytes`, uploaded for `unit` in `round`.
  public func validate(_ bytes: [UInt8], round: String, unit: String) -> Outcome {
    let file = "\(unit).xml"
    let loaded = reader.read(bytes: bytes, file: file)
    let findings = schema.validate(bytes: bytes, file: file)
    var builder = RoundBuilder(rubric: rubric, round: nil, pool: ReviewPool(rubric: rubric))
    let prepared = builder.prepare(loaded)
    var fixes: [Diagnostic] = []
    if let card = prepared.scorecard, let submission = prepared.submission {
      fixes = checker.warnings(in: submission, scorecard: card)
    }
    let accepted = builder.add(prepared) != nil
    let errors = builder.finish().rejected.flatMap(\.errors)

    var stored = (errors + findings + (accepted ? fixes : [])).sorted { $0.line < $1.line }.map(Self.stored)
    if let submission = loaded.value {
      if !submission.unit.id.isEmpty, submission.unit.id != unit {
        stored.append(Self.portal(.unitMismatch, [submission.unit.id, unit], line: submission.line))
      }
      if submission.round != round {
        stored.append(Self.portal(.roundMismatch, [submission.round, round], line: submission.line))
      }
    }
    stored = stored.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    let rejected = !accepted || stored.contains { $0.severity == "error" }
    return Outcome(status: rejected ? .rejected : .accepted, diagnostics: stored)
  }

  static func stored(_ diagnostic: Diagnostic) -> StoredDiagnostic {
    let (key, arguments) = StoredMessage.encode(diagnostic.content)
    return StoredDiagnostic(
      line: diagnostic.line, severity: diagnostic.severity.rawValue, key: key, arguments: arguments,
      text: diagnostic.message)
  }

  static func portal(_ text: PortalText, _ arguments: [String], line: Int) -> StoredDiagnostic {
    StoredDiagnostic(
      line: line, severity: "error", key: text.rawValue, arguments: arguments, text: text.render(.en, arguments))
  }
}
