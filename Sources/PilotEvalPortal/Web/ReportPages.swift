import Foundation
import Hummingbird

/// The published report, read on the web by the round's leaders (and the office): the files
/// `portal publish` stored, served as they are. Nothing else is open to a leader.
struct ReportPages: Sendable {
  let web: WebRoutes

  func register(on router: Router<PortalContext>) {
    router.get("/rounds/:round/report/**") { request, context in
      await web.run(request, context) { exchange, session in
        guard let session else { return exchange.redirect("/login") }
        let round = context.parameters.get("round") ?? ""
        let principal = session.principal
        let isLeader = principal.role == .leader && principal.round == round
        guard isLeader || principal.role == .office else { throw PortalFailure.forbidden }
        let path = context.parameters.getCatchAll().joined(separator: "/")
        guard let record = try await web.service.store.round(round) else { throw PortalFailure.unknownRound(round) }
        guard record.phase == .published, !path.split(separator: "/").contains(".."),
          let bytes = try await web.service.reviewStore().reportFile(
            round: round, path: path.removingPercentEncoding ?? path)
        else { throw PortalFailure.notFound }
        return exchange.http.bytes(bytes, contentType: Self.contentType(of: path))
      }
    }
  }

  static func contentType(of path: String) -> String {
    switch path.split(separator: ".").last?.lowercased() {
    case "html": "text/html; charset=utf-8"
    case "css": "text/css; charset=utf-8"
    case "svg": "image/svg+xml"
    case "csv": "text/csv; charset=utf-8"
    case "json": "application/json"
    case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    case "js": "text/javascript; charset=utf-8"
    default: "application/octet-stream"
    }
  }
}
