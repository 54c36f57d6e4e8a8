/// Every user-facing string of the portal, by key; the texts are in `PortalText+Tables.swift`.
///
/// A text may hold numbered placeholders `{0}`, `{1}` … for its arguments.
///
///     PortalText.unitMismatch.render(.zh, ["GX-01", "GX-02"])
public enum PortalText: String, Sendable, CaseIterable {
  // MARK: - API errors
  case errorUnauthorized = "error.unauthorized"
  case errorUnknownRound = "error.unknown-round"
  case errorUnknownUnit = "error.unknown-unit"
  case errorNotFound = "error.not-found"
  case errorNoAcceptedVersion = "error.no-accepted-version"
  case errorNoSuchVersion = "error.no-such-version"
  case errorForbidden = "error.forbidden"
  case errorPhase = "error.phase"
  case errorPastDeadline = "error.past-deadline"
  case errorMediaType = "error.media-type"
  case errorTooLarge = "error.too-large"
  case errorRejected = "error.rejected"
  case errorTooMany = "error.too-many"
  case errorCSRF = "error.csrf"
  case errorBadRequest = "error.bad-request"
  case errorInternal = "error.internal"
  case errorRubric = "error.rubric"

  // MARK: - Upload findings the portal adds to validation
  case unitMismatch = "diagnostic.unit-mismatch"
  case roundMismatch = "diagnostic.round-mismatch"

  /// The text in `language`, with `{n}` replaced by `arguments[n]`.
  public func render(_ language: PortalLanguage, _ arguments: [String] = []) -> String {
    let template = (language == .zh ? Self.zh : Self.en)[self] ?? rawValue
    var text = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      text += rest[..<open]
      let after = rest[rest.index(after: open)...]
      if let close = after.firstIndex(of: "}"), let index = Int(after[..<close]), arguments.indices.contains(index) {
        text += arguments[index]
        rest = after[after.index(after: close)...]
      } else {
        text += "{"
        rest = after
      }
    }
    return text + rest
  }
}
