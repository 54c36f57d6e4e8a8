import Foundation
import HTTPTypes
import Hummingbird

/// The expert-review routes of PORTAL.md: reviews and assignments.
extension APIRoutes {
  func registerReviews(on rounds: RouterGroup<PortalContext>) {
    rounds.put("reviews/:unit") { request, context in
      await handle(request, context) { try await putReview(request, context, $0) }
    }
    rounds.get("reviews/:unit") { request, context in
      await handle(request, context) { try await getReview(request, context, $0) }
    }
    rounds.get("assignments") { request, context in
      await handle(request, context) { try await assignments(context, $0) }
    }
  }

  /// The unit, the office, or an expert assigned to the unit (reading its latest submission).
  func authorizeReading(
    _ context: PortalContext, _ exchange: HTTPExchange
  ) async throws -> (Principal, String, String) {
    let principal = try await service.principal(code: exchange.bearer, address: exchange.address, now: exchange.arrived)
    let round = parameter(context, "round")
    let unit = parameter(context, "unit")
    if principal.role == .reviewer {
      _ = try await service.expertAccess(principal, round: round, unit: unit)
    } else {
      _ = try await service.access(principal, round: round, unit: unit, audience: .unitOrOffice)
    }
    return (principal, round, unit)
  }

  private func putReview(
    _ request: Request, _ context: PortalContext, _ exchange: HTTPExchange
  ) async throws -> Response {
    let roundID = parameter(context, "round")
    let unitID = parameter(context, "unit")
    var audit = AuditEntry(
      at: PortalClock.timestamp(exchange.arrived), actor: "anonymous", action: "review", round: roundID, unit: unitID,
      address: exchange.address)
    do {
      let principal = try await service.principal(
        code: exchange.bearer, address: exchange.address, now: exchange.arrived)
      audit.actor = actor(principal)
      let round = try await service.expertAccess(principal, round: roundID, unit: unitID)
      guard round.phase == .reviewing else {
        throw PortalFailure(409, "conflict", .errorPhase, [round.id, round.phase.rawValue])
      }
      guard Self.isXML(request.headers[.contentType]) else { throw PortalFailure.mediaType }
      let limit = service.configuration.sizeLimit
      if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
        throw PortalFailure.tooLarge(limit)
      }
      let bytes = try await Self.collect(request.body, limit: limit)
      let record = try await service.review(
        bytes, round: round, unit: unitID, reviewer: principal.subject, received: exchange.arrived, audit: audit)
      return exchange.json(record.status == .accepted ? 201 : 422, PortalJSON.reviewReceipt(record, exchange.language))
    } catch let failure as PortalFailure {
      audit.status = failure.status
      audit.detail = failure.code
      try? await service.store.audit(audit)
      throw failure
    }
  }

  private func getReview(
    _ request: Request, _ context: PortalContext, _ exchange: HTTPExchange
  ) async throws -> Response {
    let principal = try await service.principal(code: exchange.bearer, address: exchange.address, now: exchange.arrived)
    let round = parameter(context, "round")
    let unit = parameter(context, "unit")
    let reviewer: String
    if principal.role == .reviewer {
      _ = try await service.expertAccess(principal, round: round, unit: unit)
      reviewer = principal.subject
    } else {
      _ = try await service.access(principal, round: round, unit: unit, audience: .office)
      reviewer = request.uri.queryParameters.get("reviewer") ?? ""
    }
    guard let bytes = try await service.reviewStore().latestReview(round: round, unit: unit, reviewer: reviewer) else {
      throw PortalFailure(404, "not-found", .errorNoReview, [reviewer, unit])
    }
    await record(principal, "download-review", round, unit, exchange, "reviewer=\(reviewer)")
    return exchange.bytes(bytes, contentType: "application/xml")
  }

  private func assignments(_ context: PortalContext, _ exchange: HTTPExchange) async throws -> Response {
    let principal = try await service.principal(code: exchange.bearer, address: exchange.address, now: exchange.arrived)
    let roundID = parameter(context, "round")
    guard try await service.store.round(roundID) != nil else { throw PortalFailure.unknownRound(roundID) }
    let isExpert = principal.role == .reviewer && principal.round == roundID
    guard principal.role == .office || isExpert else { throw PortalFailure.forbidden }
    let store = try service.reviewStore()
    var entries = try store.assignments(round: roundID)
    if isExpert { entries = entries.filter { $0.reviewer == principal.subject } }
    let plan = try store.assignmentPlan(round: roundID)
    let units = Set(entries.map(\.unit))
    let exceptions = (plan?.exceptions ?? []).filter { !isExpert || ($0.unit.map(units.contains) ?? false) }
    let english = exchange.language == .en
    return exchange.json(
      200,
      .object([
        ("perUnit", .int(plan?.perUnit ?? 0)),
        (
          "assignments",
          .array(
            entries.map {
              .object([
                ("unit", .string($0.unit)), ("reviewer", .string($0.reviewer)), ("reviewed", .bool($0.reviewed)),
              ])
            })
        ),
        (
          "exceptions",
          .array(
            exceptions.map {
              .object([("unit", .string($0.unit)), ("reason", .string(english ? $0.en : $0.zh))])
            })
        ),
      ]))
  }
}
