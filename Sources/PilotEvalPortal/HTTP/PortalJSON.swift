/// The JSON bodies of the interface (PORTAL.md), rendered in the request's language.
enum PortalJSON {
  static func error(_ failure: PortalFailure, _ language: PortalLanguage) -> JSONValue {
    .object([("error", .string(failure.code)), ("message", .string(failure.text.render(language, failure.arguments)))])
  }

  static func receipt(_ upload: UploadRecord, _ language: PortalLanguage) -> JSONValue {
    .object([
      ("round", .string(upload.round)), ("unit", .string(upload.unit)), ("version", .int(upload.version)),
      ("status", .string(upload.status.rawValue)), ("sha256", .string(upload.sha256)), ("bytes", .int(upload.size)),
      ("received", .string(upload.received)),
      (
        "diagnostics",
        .array(
          upload.diagnostics.map {
            .object([
              ("line", .int($0.line)), ("severity", .string($0.severity)),
              ("message", .string(DiagnosticText.render($0, in: language))),
            ])
          })
      ),
    ])
  }

  /// A review's receipt: the upload receipt's fields plus `reviewer` and `submissionSha256`.
  static func reviewReceipt(_ review: ReviewRecord, _ language: PortalLanguage) -> JSONValue {
    let upload = UploadRecord(
      round: review.round, unit: review.unit, version: review.version, status: review.status, sha256: review.sha256,
      size: review.bytes.count, received: review.received, diagnostics: review.diagnostics)
    guard case .object(var fields) = receipt(upload, language) else { return receipt(upload, language) }
    fields.insert(("reviewer", .string(review.reviewer)), at: 2)
    fields.insert(("submissionSha256", .string(review.submissionSHA256)), at: 7)
    return .object(fields)
  }

  static func status(_ status: RoundStatus) -> JSONValue {
    .object([
      ("round", .string(status.round)), ("deadline", .string(status.deadline)), ("state", .string(status.state)),
      (
        "units",
        .array(
          status.units.map { line in
            .object([
              ("unit", .string(line.unit.id)), ("status", .string(line.status)),
              ("version", .int(line.accepted?.version)), ("sha256", .string(line.accepted?.sha256)),
              ("received", .string(line.accepted?.received)), ("uploads", .int(line.uploads)),
            ])
          })
      ),
    ])
  }
}
