import Foundation
import HTTPTypes
import Hummingbird

/// Headers on every response: no framing, no sniffing, no inline script, no referrer.
///
/// A route may set its own Content-Security-Policy first (the published report does, to allow its
/// own inline stylesheet by hash); every other response gets the default.
struct SecurityHeaders: RouterMiddleware {
  typealias Context = PortalContext

  static let contentSecurityPolicy = policy(styles: [])

  /// The policy, with `styles` (the exact text of inline `<style>` elements) allowed by their
  /// SHA-256 hash beside the portal's own stylesheet; nothing else inline, no script but the portal's.
  static func policy(styles: [String]) -> String {
    let hashes = Set(styles.map { "'sha256-\(Data(SHA256.digest(Array($0.utf8))).base64EncodedString())'" }).sorted()
    let style = (["'self'"] + hashes).joined(separator: " ")
    return "default-src 'none'; script-src 'self'; style-src \(style); img-src 'self'; form-action 'self'; "
      + "frame-ancestors 'none'; base-uri 'none'"
  }

  func handle(
    _ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response
  ) async throws -> Response {
    var response = try await next(request, context)
    if response.headers[.contentSecurityPolicy] == nil {
      response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
    }
    response.headers[.xContentTypeOptions] = "nosniff"
    response.headers[.xFrameOptions] = "DENY"
    response.headers[.referrerPolicy] = "no-referrer"
    return response
  }
}

extension HTTPField.Name {
  static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
  static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
  static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
