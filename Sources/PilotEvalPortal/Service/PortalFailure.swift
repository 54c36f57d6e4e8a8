/// A request the portal refuses, with the status, the machine code and the message to show.
public struct PortalFailure: Error, Sendable, Equatable {
  /// The HTTP status.
  public var status: Int
  /// The `error` field of the JSON body (`unauthorized`, `not-found` …).
  public var code: String
  /// The message, rendered per request.
  public var text: PortalText
  /// The message's arguments.
  public var arguments: [String]
  /// Seconds to wait, for 429.
  public var retryAfter: Int?
  /// Whether the connection is closed after the answer (413: the body is not read).
  public var closesConnection: Bool

  init(
    _ status: Int, _ code: String, _ text: PortalText, _ arguments: [String] = [], retryAfter: Int? = nil,
    closesConnection: Bool = false
  ) {
    self.status = status
    self.code = code
    self.text = text
    self.arguments = arguments
    self.retryAfter = retryAfter
    self.closesConnection = closesConnection
  }

  static let unauthorized = PortalFailure(401, "unauthorized", .errorUnauthorized)
  static let forbidden = PortalFailure(403, "forbidden", .errorForbidden)
  static let notFound = PortalFailure(404, "not-found", .errorNotFound)
  static let mediaType = PortalFailure(415, "unsupported-media-type", .errorMediaType)
  static let csrf = PortalFailure(403, "csrf", .errorCSRF)
  static let badRequest = PortalFailure(400, "bad-request", .errorBadRequest)
  static let internalError = PortalFailure(500, "internal", .errorInternal)

  static func unknownRound(_ round: String) -> PortalFailure {
    PortalFailure(404, "not-found", .errorUnknownRound, [round])
  }

  static func unknownUnit(_ unit: String, round: String) -> PortalFailure {
    PortalFailure(404, "not-found", .errorUnknownUnit, [unit, round])
  }

  static func tooLarge(_ limit: Int) -> PortalFailure {
    PortalFailure(413, "payload-too-large", .errorTooLarge, [String(limit)], closesConnection: true)
  }

  static func tooMany(retryAfter: Int) -> PortalFailure {
    PortalFailure(429, "too-many-requests", .errorTooMany, [String(retryAfter)], retryAfter: retryAfter)
  }
}
