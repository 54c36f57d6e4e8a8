import Foundation
import Hummingbird
import PilotEvalCore

/// An expert's review of one assigned unit: the unit's self-assessment with its evidence and
/// the review form (a draft saved on every save, submitted through the same service call and
/// checks as the API's PUT), and sending a review file instead.
struct ExpertReviewPages: Sendable {
  let web: WebRoutes
  var service: PortalService { web.service }

  func register(on router: Router<PortalContext>) {
    router.get("/expert/units/:unit") { request, context in
      await web.runLoggedIn(request, context, role: .reviewer) { page, session in
        let unit = context.parameters.get("unit") ?? ""
        let sheet = try await service.reviewSheet(session.principal, unit: unit)
        var notice = SafeHTML.empty
        if request.uri.queryParameters.get("saved") != nil, let draft = sheet.draft {
          notice = "<p class=\"accepted\" id=\"draft-saved\">\(page.t(.webReviewSaved, [draft.savedAt]))</p>"
        } else if let draft = sheet.draft {
          notice = "<p id=\"draft-from\">\(page.t(.webReviewDraftFrom, [draft.savedAt]))</p>"
        }
        return show(unit, sheet, sheet.form, notice: notice, findings: [], page, session)
      }
    }
    router.post("/expert/units/:unit") { request, context in
      await web.runLoggedIn(request, context, role: .reviewer) { page, session in
        try await post(request, context.parameters.get("unit") ?? "", page, session)
      }
    }
    router.post("/expert/units/:unit/file") { request, context in
      await web.runLoggedIn(request, context, role: .reviewer) { page, session in
        try await upload(request, context.parameters.get("unit") ?? "", page, session)
      }
    }
  }

  /// Saves the form as the draft, or submits it.
  private func post(
    _ request: Request, _ unit: String, _ page: WebExchange, _ session: WebSession
  ) async throws
    -> Response
  {
    let fields = try await web.form(request)
    try session.checkCSRF(fields["csrf"])
    let sheet = try await service.reviewSheet(session.principal, unit: unit)
    let form = ReviewForm(fields, rubric: sheet.rubric, evidence: sheet.evidence)
    let reviewer = session.principal.subject
    guard fields["action"] == "submit" else {
      try await service.saveDraft(form, sheet: sheet, unit: unit, reviewer: reviewer, at: page.http.arrived)
      return page.redirect("/expert/units/\(unit.addingPercentEncodingForQuery)?saved=1")
    }
    let (document, record) = try await service.submitReviewForm(
      form, sheet: sheet, unit: unit, reviewer: reviewer, received: page.http.arrived,
      audit: audit(unit, sheet, page, session, action: "review-form"))
    var anchored: [(anchor: String, finding: StoredDiagnostic)] = (record?.diagnostics ?? []).map {
      (document.anchors[$0.line] ?? "", $0)
    }
    anchored += document.unsayable.map { anchor in
      (anchor, UploadValidator.portal(.reviewEmptyChecklist, [String(anchor.dropFirst("criterion:".count))], line: 0))
    }
    guard let record, record.status == .accepted else {
      let notice: SafeHTML = "<p class=\"rejected\" id=\"verdict\">\(page.t(.webReviewRejected))</p>"
      return show(unit, sheet, form, notice: notice, findings: anchored, page, session, status: 422)
    }
    var shown = sheet
    shown.reviewed = true
    return show(unit, shown, form, notice: accepted(record, page), findings: anchored, page, session)
  }

  /// A review file, checked and kept as the API's PUT does.
  private func upload(
    _ request: Request, _ unit: String, _ page: WebExchange, _ session: WebSession
  ) async throws
    -> Response
  {
    let fields = try await web.form(request)
    try session.checkCSRF(fields["csrf"])
    guard let bytes = fields.files["file"], !bytes.isEmpty else {
      throw PortalFailure(400, "bad-request", .webUploadMissing)
    }
    var sheet = try await service.reviewSheet(session.principal, unit: unit)
    guard sheet.round.phase == .reviewing else {
      throw PortalFailure(409, "conflict", .errorPhase, [sheet.round.id, sheet.round.phase.rawValue])
    }
    guard bytes.count <= service.configuration.sizeLimit else {
      throw PortalFailure.tooLarge(service.configuration.sizeLimit)
    }
    let record = try await service.review(
      bytes, round: sheet.round, unit: unit, reviewer: session.principal.subject, received: page.http.arrived,
      audit: audit(unit, sheet, page, session, action: "review"))
    let notice: SafeHTML
    if record.status == .accepted {
      sheet.reviewed = true
      notice = accepted(record, page)
    } else {
      notice = "<p class=\"rejected\" id=\"verdict\">\(page.t(.webExpertRejected))</p>"
    }
    let findings: [(anchor: String, finding: StoredDiagnostic)] = record.diagnostics.map { ("", $0) }
    return show(unit, sheet, sheet.form, notice: notice, findings: findings, page, session)
  }

  private func audit(
    _ unit: String, _ sheet: ReviewSheet, _ page: WebExchange, _ session: WebSession, action: String
  ) -> AuditEntry {
    AuditEntry(
      at: PortalClock.timestamp(page.http.arrived), actor: "reviewer:\(session.principal.subject)", action: action,
      round: sheet.round.id, unit: unit, address: page.http.address)
  }

  private func accepted(_ record: ReviewRecord, _ page: WebExchange) -> SafeHTML {
    """
    <p class="accepted" id="verdict">\(page.t(.webReceiptAccepted))</p>
    <p id="review-receipt">\(page.t(.webReviewAccepted, [String(record.version), record.received, record.sha256]))</p>
    """
  }

  /// The page: the notice, findings of no field group, the form, and the file upload.
  private func show(
    _ unit: String, _ sheet: ReviewSheet, _ form: ReviewForm, notice: SafeHTML,
    findings: [(anchor: String, finding: StoredDiagnostic)], _ page: WebExchange, _ session: WebSession,
    status: Int = 200
  ) -> Response {
    let editable = sheet.round.phase == .reviewing
    let path = "/expert/units/\(unit.addingPercentEncodingForQuery)"
    var view = ReviewFormView(
      rubric: sheet.rubric, submission: sheet.submission, evidence: sheet.evidence, form: form, web: page)
    view.findings = Dictionary(grouping: findings.filter { !$0.anchor.isEmpty }, by: { $0.anchor }).mapValues {
      $0.map(\.finding)
    }
    let loose = findings.filter { $0.anchor.isEmpty }.map(\.finding)
    let other: SafeHTML =
      loose.isEmpty
      ? .empty
      : """
      <section class="findings-box" id="review-findings"><h2>\(page.t(.webReviewOtherFindings))</h2>\
      \(FindingsView.table(loose, page))</section>
      """
    let state: SafeHTML =
      !editable
      ? "<p id=\"read-only\">\(page.t(.webReviewReadOnly))</p>"
      : sheet.reviewed ? "<p id=\"reviewed\">\(page.t(.webReviewDone))</p>" : .empty
    let file: SafeHTML =
      editable
      ? """
      <h2>\(page.t(.webReviewFileHeading))</h2>
      <form method="post" action="\(path)/file" enctype="multipart/form-data" class="review-file">
      <input type="hidden" name="csrf" value="\(session.record.csrf)">
      <label>\(page.t(.webExpertReviewFile)) <input type="file" name="file" id="file" accept=".xml" required></label>
      <button type="submit" id="submit-file">\(page.t(.webUploadSubmit))</button></form>
      """ : .empty
    let unitName = sheet.submission.unit.name
    let body: SafeHTML = """
      <p class="review-unit" id="unit-name">\(unitName) · \(unit) · \(sheet.round.id)</p>
      <p><a href="/expert">\(page.t(.webReviewBack))</a></p>
      \(notice)\(state)\(other)
      <p class="review-intro">\(page.t(.webReviewIntro))</p>
      \(view.render(action: path, csrf: session.record.csrf, editable: editable))
      \(file)
      """
    return page.html(
      PageLayout.page(page, title: page.t(.webExpertUnitHeading, [unit]), session: session, body: body),
      status: status)
  }
}
