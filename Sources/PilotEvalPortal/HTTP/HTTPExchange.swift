import Foundation
import HTTPTypes
import Hummingbird

/// What every route needs from a request, read once: time of arrival, language, client
/// address, whether it came over TLS, and the bearer code.
struct HTTPExchange: Sendable {
  let arrived: Date
  let language: PortalLanguage
  let address: String
  let secure: Bool
  let bearer: String?

  init(_ request: Request, _ context: PortalContext, trustProxy: Bool) {
    arrived = Date()
    language = PortalLanguage.negotiate(acceptLanguage: request.headers[.acceptLanguage])
    var address = context.peerAddress
    var secure = false  // the portal speaks plain HTTP; TLS ends at a trusted proxy
    if trustProxy {
      if let forwarded = request.headers[.xForwardedFor]?.split(separator: ",").last {
        address = forwarded.trimmingCharacters(in: .whitespaces)
      }
      if let proto = request.headers[.xForwardedProto] { secure = proto.lowercased() == "https" }
    }
    self.address = address
    self.secure = secure
    bearer = Self.bearer(request.headers[.authorization])
  }

  /// The code of an `Authorization: Bearer CODE` header (scheme case-insensitive).
  static func bearer(_ header: String?) -> String? {
    guard let header else { return nil }
    let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
    guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
    return parts[1].trimmingCharacters(in: .whitespaces)
  }

  // MARK: - Responses

  func json(_ status: Int, _ value: JSONValue, headers: HTTPFields = [:]) -> Response {
    var fields = headers
    fields[.contentType] = "application/json; charset=utf-8"
    fields[.cacheControl] = "no-store"
    return Response(
      status: HTTPResponse.Status(code: status), headers: fields,
      body: ResponseBody(byteBuffer: ByteBuffer(string: value.text)))
  }

  func failure(_ failure: PortalFailure) -> Response {
    var headers: HTTPFields = [:]
    if let wait = failure.retryAfter { headers[.retryAfter] = String(wait) }
    if failure.closesConnection { headers[.connection] = "close" }
    return json(failure.status, PortalJSON.error(failure, language), headers: headers)
  }

  func bytes(_ bytes: [UInt8], contentType: String, filename: String? = nil) -> Response {
    var headers: HTTPFields = [.contentType: contentType, .cacheControl: "no-store"]
    if let filename { headers[.contentDisposition] = "attachment; filename=\"\(filename)\"" }
    return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
  }
}

extension HTTPField.Name {
  static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
  static let xForwardedProto = HTTPField.Name("X-Forwarded-Proto")!
}
