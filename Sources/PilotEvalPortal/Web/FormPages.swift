import Foundation
import Hummingbird

/// The online form: shown from the rubric, checked by the same validator as uploads, stored
/// as an upload of the XML it makes, or downloaded as that XML.
struct FormPages: Sendable {
  let web: WebRoutes
  var service: PortalService { web.service }

  func register(on router: Router<PortalContext>) {
    router.get("/form") { request, context in
      await web.runLoggedIn(request, context, role: .unit) { page, session in
        try await show(FormAnswers(), findings: nil, page, session)
      }
    }
    router.post("/form") { request, context in
      await web.runLoggedIn(request, context, role: .unit) { page, session in
        let form = try await web.form(request)
        try session.checkCSRF(form["csrf"])
        let (round, unitID) = try await UnitPages(web: web).mine(session)
        guard let unit = try await service.store.unit(round: round.id, id: unitID) else { throw PortalFailure.notFound }
        let rubric = try await service.rubric(for: round)
        let answers = FormAnswers(form, rubric: rubric)
        let bytes = Array(answers.xml(rubric: rubric, unit: unit, round: round.id).utf8)
        switch form["action"] {
        case "download":
          return page.http.bytes(bytes, contentType: "application/xml", filename: "\(unitID).xml")
        case "submit":
          let record = try await UnitPages(web: web).store(bytes, page, session)
          return page.redirect("/receipts/\(record.version)")
        default:
          let outcome = try await service.check(bytes, round: round, unit: unitID)
          return try await show(answers, findings: outcome, page, session)
        }
      }
    }
  }

  private func show(
    _ answers: FormAnswers, findings: UploadValidator.Outcome?, _ page: WebExchange, _ session: WebSession
  ) async throws -> Response {
    let (round, unitID) = try await UnitPages(web: web).mine(session)
    let rubric = try await service.rubric(for: round)
    let unit = try await service.store.unit(round: round.id, id: unitID)
    var report = SafeHTML.empty
    if let findings {
      let verdict: SafeHTML =
        findings.status == .accepted
        ? "<p class=\"accepted\" id=\"verdict\">\(page.t(.webFormNoFindings))</p>"
        : "<p class=\"rejected\" id=\"verdict\">\(page.t(.webReceiptRejected))</p>"
      report = """
        <section class="findings-box" id="form-findings"><h2>\(page.t(.webFormFindings))</h2>
        \(verdict)\(FindingsView.table(findings.diagnostics, page))</section>
        """
    }
    let form = RubricFormView(rubric: rubric, answers: answers, web: page)
      .render(csrf: session.record.csrf, unitName: unit?.name ?? "")
    return page.html(PageLayout.page(page, title: page.t(.webFormHeading), session: session, body: "\(report)\(form)"))
  }
}
