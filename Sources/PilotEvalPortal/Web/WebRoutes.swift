import Foundation
import HTTPTypes
import Hummingbird

/// The web pages (server-rendered, working without JavaScript) over the same service: log in
/// and out, the language switch, static files; the unit's, the office's and the form's pages
/// are in their own files.
struct WebRoutes: Sendable {
  let service: PortalService

  func register(on router: Router<PortalContext>) {
    router.get("/") { request, context in
      await run(request, context) { web, session in
        guard let session else { return web.redirect("/login") }
        switch session.principal.role {
        case .office: return web.redirect("/office")
        case .leader: return web.redirect("/rounds/\(session.principal.round ?? "")/report/index.html")
        case .reviewer: return web.redirect("/expert")
        default: return web.redirect("/home")
        }
      }
    }
    router.get("/static/:name") { _, context in Self.staticFile(context.parameters.get("name") ?? "") }
    router.get("/lang") { request, context in
      let web = WebExchange(request, context, trustProxy: service.configuration.trustProxy)
      let language = request.uri.queryParameters.get("to").flatMap(PortalLanguage.init(rawValue:)) ?? .zh
      var back = request.uri.queryParameters.get("back") ?? "/"
      if !back.hasPrefix("/") || back.hasPrefix("//") || back.contains("\\") { back = "/" }
      return web.redirect(
        back, cookies: [web.cookie(WebExchange.languageCookie, language.rawValue, maxAge: 365 * 86_400)])
    }
    router.get("/login") { request, context in
      await run(request, context) { web, _ in loginPage(web, failed: false) }
    }
    router.post("/login") { request, context in
      await run(request, context) { web, _ in try await login(request, web) }
    }
    router.post("/logout") { request, context in
      await run(request, context) { web, session in
        if let session {
          let form = try await form(request)
          try session.checkCSRF(form["csrf"])
          try await service.store.deleteSession(tokenHash: session.tokenHash)
        }
        return web.redirect("/login", cookies: [web.cookie(WebExchange.sessionCookie, "", maxAge: 0)])
      }
    }
    UnitPages(web: self).register(on: router)
    OfficePages(web: self).register(on: router)
    FormPages(web: self).register(on: router)
    ReportPages(web: self).register(on: router)
    ExpertPages(web: self).register(on: router)
    OfficeRoundPages(web: self).register(on: router)
  }

  // MARK: - Running a page

  /// Runs a page with the request's session (if any); a refusal becomes an error page.
  func run(
    _ request: Request, _ context: PortalContext, _ body: (WebExchange, WebSession?) async throws -> Response
  ) async -> Response {
    let web = WebExchange(request, context, trustProxy: service.configuration.trustProxy)
    var session: WebSession?
    do {
      session = try await self.session(web)
      return try await body(web, session)
    } catch let failure as PortalFailure {
      var response = web.html(PageLayout.failure(web, failure, session: session), status: failure.status)
      if let wait = failure.retryAfter { response.headers[.retryAfter] = String(wait) }
      return response
    } catch {
      RequestLog.error("\(error)")
      return web.html(PageLayout.failure(web, .internalError, session: session), status: 500)
    }
  }

  /// Runs a page that needs a logged-in `role`; others are sent to the login page.
  func runLoggedIn(
    _ request: Request, _ context: PortalContext, role: Role,
    _ body: (WebExchange, WebSession) async throws -> Response
  ) async -> Response {
    await run(request, context) { web, session in
      guard let session else { return web.redirect("/login") }
      guard session.principal.role == role else { throw PortalFailure.forbidden }
      return try await body(web, session)
    }
  }

  private func session(_ web: WebExchange) async throws -> WebSession? {
    guard let token = web.cookies[WebExchange.sessionCookie], AccessCode.isWellFormed(token) else { return nil }
    let hash = AccessCode.hash(of: token)
    let now = Int64(web.http.arrived.timeIntervalSince1970)
    return try await service.store.session(tokenHash: hash, now: now).map { WebSession(tokenHash: hash, record: $0) }
  }

  /// The form fields of a POST (URL-encoded or multipart), up to the upload limit plus room for fields.
  func form(_ request: Request) async throws -> FormData {
    let limit = service.configuration.sizeLimit + 256 * 1024
    if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
      throw PortalFailure.tooLarge(service.configuration.sizeLimit)
    }
    let body = try await APIRoutes.collect(request.body, limit: limit)
    guard let form = FormData(body: body, contentType: request.headers[.contentType]) else {
      throw PortalFailure.badRequest
    }
    return form
  }

  // MARK: - Logging in

  private func loginPage(_ web: WebExchange, failed: Bool, status: Int = 200) -> Response {
    let token = AccessCode.generate().text
    let message: SafeHTML = failed ? "<p class=\"error\" id=\"error\">\(web.t(.webLoginFailed))</p>" : .empty
    let html = PageLayout.page(
      web, title: web.t(.webLoginHeading),
      body: """
        \(message)
        <form method="post" action="/login" class="login">
        <input type="hidden" name="csrf" value="\(token)">
        <label>\(web.t(.webLoginID))<input name="id" id="id" required autocomplete="username"></label>
        <label>\(web.t(.webLoginCode))<input name="code" id="code" type="password" required autocomplete="current-password"></label>
        <button type="submit" id="login">\(web.t(.webLoginSubmit))</button>
        </form>
        """)
    return web.html(html, status: status, cookies: [web.cookie(WebExchange.loginCookie, token, maxAge: 3600)])
  }

  private func login(_ request: Request, _ web: WebExchange) async throws -> Response {
    let form = try await form(request)
    // Double-submit token: the cookie set with the form must come back with it.
    guard let token = form["csrf"], let cookie = web.cookies[WebExchange.loginCookie], WebSession.equal(token, cookie)
    else { throw PortalFailure.csrf }
    let id = (form["id"] ?? "").trimmingCharacters(in: .whitespaces)
    let code = (form["code"] ?? "").trimmingCharacters(in: .whitespaces)
    let principal: Principal
    do {
      principal = try await service.login(id: id, code: code, address: web.http.address, now: web.http.arrived)
    } catch let failure as PortalFailure where failure.status == 401 {
      try? await service.store.audit(
        AuditEntry(
          at: PortalClock.timestamp(web.http.arrived), actor: "anonymous", action: "login", unit: id, status: 401,
          address: web.http.address))
      return loginPage(web, failed: true, status: 401)
    }
    let sessionToken = AccessCode.generate().text
    let lifetime = service.configuration.sessionLifetime
    let record = SessionRecord(
      principal: principal, csrf: AccessCode.generate().text,
      expires: Int64(web.http.arrived.timeIntervalSince1970) + Int64(lifetime))
    try await service.store.createSession(tokenHash: AccessCode.hash(of: sessionToken), record)
    try? await service.store.audit(
      AuditEntry(
        at: PortalClock.timestamp(web.http.arrived),
        actor: principal.role == .office ? "office" : "\(principal.role.rawValue):\(id)",
        action: "login", round: principal.round, unit: principal.role == .unit ? id : nil, status: 303,
        address: web.http.address))
    let landing: String
    switch principal.role {
    case .office: landing = "/office"
    case .leader: landing = "/rounds/\(principal.round ?? "")/report/index.html"
    case .reviewer: landing = "/expert"
    default: landing = "/home"
    }
    return web.redirect(
      landing,
      cookies: [
        web.cookie(WebExchange.sessionCookie, sessionToken, maxAge: lifetime),
        web.cookie(WebExchange.loginCookie, "", maxAge: 0),
      ])
  }

  // MARK: - Static files

  private static let staticTypes = [
    "portal.css": "text/css; charset=utf-8", "portal.js": "text/javascript; charset=utf-8",
  ]

  private static func staticFile(_ name: String) -> Response {
    guard let type = staticTypes[name], let url = Bundle.module.url(forResource: "Static/\(name)", withExtension: nil),
      let data = try? Data(contentsOf: url)
    else { return Response(status: .notFound) }
    return Response(
      status: .ok, headers: [.contentType: type, .cacheControl: "max-age=3600"],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
  }
}
