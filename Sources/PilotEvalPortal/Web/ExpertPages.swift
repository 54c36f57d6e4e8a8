import Foundation
import Hummingbird
import PilotEvalCore
import PilotEvalXML

/// An expert's pages: the assigned units with progress, a unit's self-assessment, and sending
/// a review file through the same checks and service call as the API's PUT. (The office's progress
/// page is in `OfficeRoundPages`.)
struct ExpertPages: Sendable {
  let web: WebRoutes
  var service: PortalService { web.service }

  func register(on router: Router<PortalContext>) {
    router.get("/expert") { request, context in
      await web.runLoggedIn(request, context, role: .reviewer) { page, session in try await home(page, session) }
    }
    router.get("/expert/units/:unit") { request, context in
      await web.runLoggedIn(request, context, role: .reviewer) { page, session in
        try await unitPage(context.parameters.get("unit") ?? "", page, session, receipt: nil)
      }
    }
    router.post("/expert/units/:unit") { request, context in
      await web.runLoggedIn(request, context, role: .reviewer) { page, session in
        let unit = context.parameters.get("unit") ?? ""
        let form = try await web.form(request)
        try session.checkCSRF(form["csrf"])
        guard let bytes = form.files["file"], !bytes.isEmpty else {
          throw PortalFailure(400, "bad-request", .webUploadMissing)
        }
        let round = try await service.expertAccess(session.principal, round: session.principal.round ?? "", unit: unit)
        guard round.phase == .reviewing else {
          throw PortalFailure(409, "conflict", .errorPhase, [round.id, round.phase.rawValue])
        }
        guard bytes.count <= service.configuration.sizeLimit else {
          throw PortalFailure.tooLarge(service.configuration.sizeLimit)
        }
        let audit = AuditEntry(
          at: PortalClock.timestamp(page.http.arrived), actor: "reviewer:\(session.principal.subject)",
          action: "review", round: round.id, unit: unit, address: page.http.address)
        let record = try await service.review(
          bytes, round: round, unit: unit, reviewer: session.principal.subject, received: page.http.arrived,
          audit: audit)
        return try await unitPage(unit, page, session, receipt: record)
      }
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

  private func unitPage(
    _ unit: String, _ page: WebExchange, _ session: WebSession, receipt: ReviewRecord?
  ) async throws -> Response {
    let round = try await service.expertAccess(session.principal, round: session.principal.round ?? "", unit: unit)
    let uploads = try await service.store.uploads(round: round.id, unit: unit)
    var rows: [SafeHTML] = []
    if let accepted = uploads.last(where: { $0.status == .accepted }),
      let bytes = try await service.store.bytes(round: round.id, unit: unit, version: accepted.version),
      let submission = SubmissionReader(rubric: try await service.rubric(for: round))
        .read(bytes: bytes, file: "\(unit).xml").value
    {
      rows = submission.responses.map { response in
        var answer = response.level ?? ""
        if let value = response.value { answer += (answer.isEmpty ? "" : " ") + "value=\(value)" }
        if let points = response.points { answer += (answer.isEmpty ? "" : " ") + "points=\(points)" }
        if !response.applicable { answer = page.t(.webExpertNotApplicable) + " " + (response.reason ?? "") }
        let notes = response.notes.joined(separator: "；")
        return """
          <tr id="criterion-\(response.criterion)"><td>\(response.criterion)</td><td>\(answer)</td>\
          <td class="num">\(response.evidenceCount)</td><td>\(notes)</td></tr>
          """
      }
    }
    var findings = SafeHTML.empty
    if let receipt {
      let verdict = receipt.status == .accepted ? page.t(.webReceiptAccepted) : page.t(.webExpertRejected)
      let items = receipt.diagnostics.map { diagnostic -> SafeHTML in
        "<li>\(diagnostic.line): \(DiagnosticText.render(diagnostic, in: page.language))</li>"
      }
      findings = "<section id=\"review-receipt\"><p id=\"verdict\">\(verdict)</p><ul>\(items)</ul></section>"
    }
    let form: SafeHTML =
      round.phase == .reviewing
      ? """
      <form method="post" action="/expert/units/\(unit.addingPercentEncodingForQuery)" enctype="multipart/form-data">
      <input type="hidden" name="csrf" value="\(session.record.csrf)">
      <label>\(page.t(.webExpertReviewFile)) <input type="file" name="file" id="file" accept=".xml" required></label>
      <button type="submit" id="submit-review">\(page.t(.webUploadSubmit))</button></form>
      """ : .empty
    let body: SafeHTML = """
      \(findings)
      <table id="self-assessment"><thead><tr><th>\(page.t(.webExpertCriterion))</th><th>\(page.t(.webExpertAnswer))</th>\
      <th>\(page.t(.webExpertEvidence))</th><th>\(page.t(.webExpertNotes))</th></tr></thead><tbody>\(rows)</tbody></table>
      \(form)
      """
    return page.html(
      PageLayout.page(page, title: page.t(.webExpertUnitHeading, [unit]), session: session, body: body))
  }
}
