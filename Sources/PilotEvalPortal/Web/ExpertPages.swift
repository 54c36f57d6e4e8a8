import Foundation
import Hummingbird
import PilotEvalCore
import PilotEvalXML

/// An expert's list of assigned units with progress (a unit's review is in `ExpertReviewPages`).
/// The office's progress page (reviews done per expert and per unit) is here too.
struct ExpertPages: Sendable {
  let web: WebRoutes
  var service: PortalService { web.service }

  func register(on router: Router<PortalContext>) {
    router.get("/expert") { request, context in
      await web.runLoggedIn(request, context, role: .reviewer) { page, session in try await home(page, session) }
    }
    ExpertReviewPages(web: web).register(on: router)
    router.get("/office/progress") { request, context in
      await web.runLoggedIn(request, context, role: .office) { page, session in try await progress(page, session) }
    }
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

  private func progress(_ page: WebExchange, _ session: WebSession) async throws -> Response {
    var sections: [SafeHTML] = []
    for round in try await service.store.rounds() {
      let entries = try service.reviewStore().assignments(round: round.id)
      func table(_ key: (AssignmentPlan.Entry) -> String, _ id: String, _ heading: PortalText) -> SafeHTML {
        let groups = Dictionary(grouping: entries, by: key).sorted {
          $0.key.utf8.lexicographicallyPrecedes($1.key.utf8)
        }
        let rows = groups.map { name, list -> SafeHTML in
          "<tr><td>\(name)</td><td class=\"num\">\(list.filter(\.reviewed).count)</td><td class=\"num\">\(list.count)</td></tr>"
        }
        return """
          <h3>\(page.t(heading))</h3><table id="\(id)-\(round.id)"><thead><tr><th></th>\
          <th>\(page.t(.webExpertReviewed))</th><th>\(page.t(.webExpertAssigned))</th></tr></thead><tbody>\(rows)</tbody></table>
          """
      }
      sections.append(
        "<h2>\(round.id)</h2>\(table(\.reviewer, "by-expert", .webProgressByExpert))\(table(\.unit, "by-unit", .webProgressByUnit))"
      )
    }
    return page.html(
      PageLayout.page(page, title: page.t(.webProgressHeading), session: session, body: SafeHTML.join(sections)))
  }
}
