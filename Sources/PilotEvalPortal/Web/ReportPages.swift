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
        var response = exchange.http.bytes(bytes, contentType: Self.contentType(of: path))
        if path.lowercased().hasSuffix(".html") {
          // The report is made to open from disk, so its stylesheet is inline: allowed by its hash
          // (the bytes stay exactly `report`'s), nothing else inline.
          response.headers[.contentSecurityPolicy] = SecurityHeaders.policy(
            styles: Self.inlineStyles(String(decoding: bytes, as: UTF8.self)))
        }
        return response
      }
    }
  }

  /// The text of every `<style>` element of `html`, exactly as written (what a CSP hash covers).
  static func inlineStyles(_ html: String) -> [String] {
    var styles: [String] = []
    var rest = html[...]
    while let open = rest.range(of: "<style"), let end = rest[open.upperBound...].firstIndex(of: ">"),
      let close = rest[rest.index(after: end)...].range(of: "</style>")
    {
      styles.append(String(rest[rest.index(after: end)..<close.lowerBound]))
      rest = rest[close.upperBound...]
    }
    return styles
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
