import Foundation
import HTTPTypes
import Hummingbird

/// What a web page needs from its request: the API's exchange, the language (a `pe_lang`
/// cookie set by the switch, else `Accept-Language`) and the cookies.
struct WebExchange: Sendable {
  let http: HTTPExchange
  let language: PortalLanguage
  let cookies: [String: String]
  let path: String

  static let sessionCookie = "pe_session"
  static let loginCookie = "pe_login"
  static let languageCookie = "pe_lang"

  init(_ request: Request, _ context: PortalContext, trustProxy: Bool) {
    http = HTTPExchange(request, context, trustProxy: trustProxy)
    var cookies: [String: String] = [:]
    for header in request.headers[values: .cookie] {
      for pair in header.split(separator: ";") {
        let parts = pair.split(separator: "=", maxSplits: 1)
        guard parts.count == 2 else { continue }
        cookies[parts[0].trimmingCharacters(in: .whitespaces)] = parts[1].trimmingCharacters(in: .whitespaces)
      }
    }
    self.cookies = cookies
    language = cookies[Self.languageCookie].flatMap(PortalLanguage.init(rawValue:)) ?? http.language
    path = request.uri.path
  }

  /// `key` in this page's language.
  func t(_ key: PortalText, _ arguments: [String] = []) -> String { key.render(language, arguments) }

  /// A `Set-Cookie` value: HttpOnly, SameSite=Strict, Path=/, Secure over TLS.
  func cookie(_ name: String, _ value: String, maxAge: Int?) -> String {
    var text = "\(name)=\(value); Path=/; HttpOnly; SameSite=Strict"
    if let maxAge { text += "; Max-Age=\(maxAge)" }
    if http.secure { text += "; Secure" }
    return text
  }

  /// An HTML page.
  func html(_ html: SafeHTML, status: Int = 200, cookies: [String] = []) -> Response {
    var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]
    for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
    return Response(
      status: HTTPResponse.Status(code: status), headers: headers,
      body: ResponseBody(byteBuffer: ByteBuffer(string: html.html)))
  }

  /// 303 See Other to a path of this site.
  func redirect(_ location: String, cookies: [String] = []) -> Response {
    var headers: HTTPFields = [.location: location, .cacheControl: "no-store"]
    for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
    return Response(status: .seeOther, headers: headers)
  }
}
