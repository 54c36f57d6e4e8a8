import Foundation
import Hummingbird
import PilotEvalCore
import PilotEvalXML

/// An expert's list of assigned units with progress (a unit's review is in `ExpertReviewPages`;
/// the office's progress page is in `OfficeRoundPages`).
struct ExpertPages: Sendable {
  let web: WebRoutes
  var service: PortalService { web.service }

  func register(on router: Router<PortalContext>) {
    router.get("/expert") { request, context in
      await web.runLoggedIn(request, context, role: .reviewer) { page, session in try await home(page, session) }
    }
    ExpertReviewPages(web: web).register(on: router)
  }

  private func home(_ page: WebExchange, _ session: WebSession) async throws -> Response {
    let round = session.principal.round ?? ""
    let mine = try service.reviewStore().assignments(round: round).filter { $0.reviewer == session.principal.subject }
    let done = mine.filter(\.reviewed).count
    let rows = mine.map { entry -> SafeHTML in
      let state = entry.reviewed ? page.t(.webExpertReviewed) : page.t(.webExpertPending)
      let link = "/expert/units/\(entry.unit.addingPercentEncodingForQuery)"
      return "<tr><td><a href=\"\(link)\">\(entry.unit)</a></td><td>\(state)</td></tr>"
    }
    let body: SafeHTML = """
      <p id="progress">\(page.t(.webExpertProgress, [String(done), String(mine.count)]))</p>
      <table id="assigned"><thead><tr><th>\(page.t(.webExpertUnit))</th><th>\(page.t(.webExpertState))</th></tr></thead>
      <tbody>\(rows)</tbody></table>
      """
    return page.html(
      PageLayout.page(page, title: page.t(.webExpertHeading, [round]), session: session, body: body))
  }
}
