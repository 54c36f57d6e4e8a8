public import PilotEvalCore
public import PilotEvalXML

/// Checks one uploaded review as `piloteval validate --reviews` / `score` check a review file:
/// the same reader, the same published-schema findings, the same `ReviewPool` checks, and the
/// same round builder matching it to the unit's accepted submission; then the portal's rule
/// that its unit, round and reviewer are those of the address and the code.
public struct ReviewValidator: Sendable {
  /// The rubric reviews are checked against.
  public let rubric: Rubric
  private let reader: ReviewReader
  private let schema: SchemaValidator

  /// A validator for `rubric`.
  public init(rubric: Rubric, sizeLimit: Int = FileInput.defaultSizeLimit) {
    self.rubric = rubric
    reader = ReviewReader(sizeLimit: sizeLimit, keepsComments: false)
    schema = SchemaValidator(kind: .review)
  }

  /// Validates `bytes`, a review of `unit` in `round` by `reviewer`, against the unit's
  /// accepted submission `submission`.
  public func validate(
    _ bytes: [UInt8], round: String, unit: String, reviewer: String, submission: [UInt8]
  ) -> UploadValidator.Outcome {
    let file = "reviews/\(reviewer)/\(unit).xml"
    let loaded = reader.read(bytes: bytes, file: file)
    let findings = loaded.warnings + schema.validate(bytes: bytes, file: file)
    var pool = ReviewPool(rubric: rubric)
    pool.add(pool.prepare(loaded))
    var errors = pool.rejected.flatMap(\.errors)
    if errors.isEmpty {
      var builder = RoundBuilder(rubric: rubric, round: nil, pool: pool)
      let submitted = SubmissionReader(rubric: rubric).read(bytes: submission, file: "\(unit).xml")
      _ = builder.add(builder.prepare(submitted))
      errors = builder.finish().rejected.filter { $0.kind == .review }.flatMap(\.errors)
    }
    var stored = (errors + findings).sorted { $0.line < $1.line }.map(UploadValidator.stored)
    if let review = loaded.value {
      let line = review.line
      if review.unitID != unit {
        stored.append(UploadValidator.portal(.unitMismatch, [review.unitID, unit], line: line))
      }
      if review.round != round {
        stored.append(UploadValidator.portal(.roundMismatch, [review.round, round], line: line))
      }
      if review.reviewer != reviewer {
        stored.append(UploadValidator.portal(.reviewerMismatch, [review.reviewer, reviewer], line: line))
      }
    }
    let rejected = loaded.value == nil || stored.contains { $0.severity == "error" }
    return UploadValidator.Outcome(status: rejected ? .rejected : .accepted, diagnostics: stored)
  }
}
