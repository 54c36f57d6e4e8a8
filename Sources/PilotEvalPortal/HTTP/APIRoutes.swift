import Foundation
import HTTPTypes
import Hummingbird

/// The machine interface of PORTAL.md: thin routes over `PortalService`.
struct APIRoutes: Sendable {
  let service: PortalService

  func register(on router: Router<PortalContext>) {
    router.get("/healthz") { _, _ in
      Response(
        status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
        body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
    }
    let rounds = router.group("/api/v1/rounds/:round")
    rounds.put("submissions/:unit") { request, context in
      await handle(request, context) { try await upload(request, context, $0) }
    }
    rounds.get("submissions/:unit") { request, context in
      await handle(request, context) { try await latest(context, $0) }
    }
    rounds.get("submissions/:unit/versions") { request, context in
      await handle(request, context) { try await versions(context, $0) }
    }
    rounds.get("submissions/:unit/versions/:n") { request, context in
      await handle(request, context) { try await version(context, $0) }
    }
    rounds.get("status") { request, context in await handle(request, context) { try await status(context, $0) } }
    rounds.post("close") { request, context in await handle(request, context) { try await close(context, $0) } }
    rounds.get("export") { request, context in await handle(request, context) { try await export(context, $0) } }
    registerReviews(on: rounds)
  }

  /// Runs a route, turning a refusal into its JSON answer.
  func handle(
    _ request: Request, _ context: PortalContext, _ body: (HTTPExchange) async throws -> Response
  ) async -> Response {
    let exchange = HTTPExchange(request, context, trustProxy: service.configuration.trustProxy)
    do {
      return try await body(exchange)
    } catch let failure as PortalFailure {
      return exchange.failure(failure)
    } catch {
      RequestLog.error("\(error)")
      return exchange.failure(.internalError)
    }
  }

  // MARK: - Submissions

  private func upload(_ request: Request, _ context: PortalContext, _ exchange: HTTPExchange) async throws -> Response {
    let roundID = parameter(context, "round")
    let unitID = parameter(context, "unit")
    var audit = AuditEntry(
      at: PortalClock.timestamp(exchange.arrived), actor: "anonymous", action: "upload", round: roundID, unit: unitID,
      address: exchange.address)
    do {
      let principal = try await service.principal(
        code: exchange.bearer, address: exchange.address, now: exchange.arrived)
      audit.actor = actor(principal)
      let (round, _) = try await service.access(principal, round: roundID, unit: unitID, audience: .unit)
      try service.checkOpen(round, now: exchange.arrived)
      guard Self.isXML(request.headers[.contentType]) else { throw PortalFailure.mediaType }
      let limit = service.configuration.sizeLimit
      if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
        throw PortalFailure.tooLarge(limit)
      }
      let bytes = try await Self.collect(request.body, limit: limit)
      audit.status = 0
      let record = try await service.upload(bytes, round: round, unit: unitID, received: exchange.arrived, audit: audit)
      return exchange.json(record.status == .accepted ? 201 : 422, PortalJSON.receipt(record, exchange.language))
    } catch let failure as PortalFailure {
      audit.status = failure.status
      audit.detail = failure.code
      try? await service.store.audit(audit)
      throw failure
    }
  }

  private func latest(_ context: PortalContext, _ exchange: HTTPExchange) async throws -> Response {
    let (principal, round, unit) = try await authorizeReading(context, exchange)
    let uploads = try await service.store.uploads(round: round, unit: unit)
    guard let accepted = uploads.last(where: { $0.status == .accepted }),
      let bytes = try await service.store.bytes(round: round, unit: unit, version: accepted.version)
    else { throw PortalFailure(404, "not-found", .errorNoAcceptedVersion, [unit, round]) }
    await record(principal, "download", round, unit, exchange, "version=\(accepted.version)")
    return exchange.bytes(bytes, contentType: "application/xml")
  }

  private func versions(_ context: PortalContext, _ exchange: HTTPExchange) async throws -> Response {
    let (_, round, unit) = try await authorize(context, exchange, .unitOrOffice)
    let uploads = try await service.store.uploads(round: round, unit: unit)
    return exchange.json(
      200, .object([("versions", .array(uploads.map { PortalJSON.receipt($0, exchange.language) }))]))
  }

  private func version(_ context: PortalContext, _ exchange: HTTPExchange) async throws -> Response {
    let (principal, round, unit) = try await authorize(context, exchange, .unitOrOffice)
    let text = parameter(context, "n")
    guard let number = Int(text), number >= 1,
      let bytes = try await service.store.bytes(round: round, unit: unit, version: number)
    else { throw PortalFailure(404, "not-found", .errorNoSuchVersion, [text]) }
    await record(principal, "download", round, unit, exchange, "version=\(number)")
    return exchange.bytes(bytes, contentType: "application/xml")
  }

  // MARK: - Office

  private func status(_ context: PortalContext, _ exchange: HTTPExchange) async throws -> Response {
    let principal = try await service.principal(code: exchange.bearer, address: exchange.address, now: exchange.arrived)
    let (round, _) = try await service.access(
      principal, round: parameter(context, "round"), unit: nil, audience: .office)
    return exchange.json(200, PortalJSON.status(try await service.status(of: round, now: exchange.arrived)))
  }

  private func close(_ context: PortalContext, _ exchange: HTTPExchange) async throws -> Response {
    let principal = try await service.principal(code: exchange.bearer, address: exchange.address, now: exchange.arrived)
    let (round, _) = try await service.access(
      principal, round: parameter(context, "round"), unit: nil, audience: .office)
    let status = try await service.close(round, now: exchange.arrived)
    await record(principal, "close", round.id, nil, exchange, "")
    return exchange.json(200, PortalJSON.status(status))
  }

  private func export(_ context: PortalContext, _ exchange: HTTPExchange) async throws -> Response {
    let principal = try await service.principal(code: exchange.bearer, address: exchange.address, now: exchange.arrived)
    let (round, _) = try await service.access(
      principal, round: parameter(context, "round"), unit: nil, audience: .office)
    let zip = try await service.export(round)
    await record(principal, "export", round.id, nil, exchange, "sha256=\(SHA256.hex(zip))")
    return exchange.bytes(zip, contentType: "application/zip", filename: "export.zip")
  }

  // MARK: - Helpers

  private func authorize(
    _ context: PortalContext, _ exchange: HTTPExchange, _ audience: PortalService.Audience
  ) async throws -> (Principal, String, String) {
    let principal = try await service.principal(code: exchange.bearer, address: exchange.address, now: exchange.arrived)
    let round = parameter(context, "round")
    let unit = parameter(context, "unit")
    _ = try await service.access(principal, round: round, unit: unit, audience: audience)
    return (principal, round, unit)
  }

  func record(
    _ principal: Principal, _ action: String, _ round: String, _ unit: String?, _ exchange: HTTPExchange,
    _ detail: String
  ) async {
    try? await service.store.audit(
      AuditEntry(
        at: PortalClock.timestamp(exchange.arrived), actor: actor(principal), action: action, round: round, unit: unit,
        status: 200, address: exchange.address, detail: detail))
  }

  func actor(_ principal: Principal) -> String {
    principal.role == .office ? "office" : "\(principal.role.rawValue):\(principal.subject)"
  }

  func parameter(_ context: PortalContext, _ name: String) -> String {
    let raw = context.parameters.get(name) ?? ""
    return raw.removingPercentEncoding ?? raw
  }

  /// Whether a `Content-Type` names XML (`application/xml` or `text/xml`, parameters ignored).
  static func isXML(_ contentType: String?) -> Bool {
    guard let contentType else { return false }
    let type = contentType.split(separator: ";", maxSplits: 1).first.map {
      $0.trimmingCharacters(in: .whitespaces).lowercased()
    }
    return type == "application/xml" || type == "text/xml"
  }

  /// The body, refused with 413 as soon as it passes `limit`.
  static func collect(_ body: RequestBody, limit: Int) async throws -> [UInt8] {
    var bytes: [UInt8] = []
    for try await buffer in body {
      guard bytes.count + buffer.readableBytes <= limit else { throw PortalFailure.tooLarge(limit) }
      bytes.append(contentsOf: buffer.readableBytesView)
    }
    return bytes
  }
}
