import Foundation

/// A browser without JavaScript, for tests: keeps cookies, posts URL-encoded forms.
final class WebClient: @unchecked Sendable {
  let portal: PortalFixture
  var cookies: [String: String] = [:]
  var headers: [String: String] = [:]
  /// Another server's port (a `piloteval serve` process on the fixture's database), if not the fixture's.
  var port: Int?

  init(_ portal: PortalFixture) { self.portal = portal }

  func get(_ path: String) async throws -> RawHTTP.Response {
    try await send("GET", path, body: [], type: nil)
  }

  func post(_ path: String, _ fields: [(String, String)]) async throws -> RawHTTP.Response {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    let body = fields.map {
      "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)"
    }.joined(separator: "&")
    return try await send("POST", path, body: Array(body.utf8), type: "application/x-www-form-urlencoded")
  }

  func send(_ method: String, _ path: String, body: [UInt8], type: String?) async throws -> RawHTTP.Response {
    var all = headers
    if !cookies.isEmpty { all["Cookie"] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
    if let type { all["Content-Type"] = type }
    let response: RawHTTP.Response
    if let port {
      let headers = all
      response = try await blocking { try RawHTTP.request(port: port, method, path, headers: headers, body: body) }
    } else {
      response = try await portal.request(method, path, headers: all, body: body)
    }
    for cookie in response.setCookies {
      let pair = cookie.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
      let name = String(pair[0])
      let value = pair.count > 1 ? String(pair[1]) : ""
      if value.isEmpty { cookies[name] = nil } else { cookies[name] = value }
    }
    return response
  }

  /// Logs in as `id` with `code`, as the login form does.
  func login(_ id: String, _ code: String) async throws -> RawHTTP.Response {
    _ = try await get("/login")
    return try await post("/login", [("csrf", cookies["pe_login"] ?? ""), ("id", id), ("code", code)])
  }

  /// The CSRF token of the first form on `path`.
  func csrf(on path: String) async throws -> String {
    let text = try await get(path).text
    guard let range = text.range(of: "name=\"csrf\" value=\""), let end = text[range.upperBound...].firstIndex(of: "\"")
    else { return "" }
    return String(text[range.upperBound..<end])
  }
}
