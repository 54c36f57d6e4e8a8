import Foundation
import Hummingbird
import PilotEvalReports

/// A unit's pages: home (round, deadline, status, receipts), upload, receipt with findings,
/// downloads of its own versions and of a blank template.
struct UnitPages: Sendable {
  let web: WebRoutes
  var service: PortalService { web.service }

  func register(on router: Router<PortalContext>) {
    router.get("/home") { request, context in
      await web.runLoggedIn(request, context, role: .unit) { page, session in try await home(page, session) }
    }
    router.post("/upload") { request, context in
      await web.runLoggedIn(request, context, role: .unit) { page, session in
        let form = try await web.form(request)
        try session.checkCSRF(form["csrf"])
        guard let bytes = form.files["file"], !bytes.isEmpty else {
          throw PortalFailure(400, "bad-request", .webUploadMissing)
        }
        let record = try await store(bytes, page, session)
        return page.redirect("/receipts/\(record.version)")
      }
    }
    router.get("/receipts/:n") { request, context in
      await web.runLoggedIn(request, context, role: .unit) { page, session in
        try await receipt(Int(context.parameters.get("n") ?? "") ?? 0, page, session)
      }
    }
    router.get("/versions/:n") { request, context in
      await web.runLoggedIn(request, context, role: .unit) { page, session in
        let (round, unit) = try await mine(session)
        let number = Int(context.parameters.get("n") ?? "") ?? 0
        guard let bytes = try await service.store.bytes(round: round.id, unit: unit, version: number) else {
          throw PortalFailure(404, "not-found", .errorNoSuchVersion, [String(number)])
        }
        return page.http.bytes(bytes, contentType: "application/xml", filename: "\(unit)-v\(number).xml")
      }
    }
    router.get("/template") { request, context in
      await web.runLoggedIn(request, context, role: .unit) { page, session in
        let (round, unit) = try await mine(session)
        let rubric = try await service.rubric(for: round)
        let text = SubmissionTemplate(rubric: rubric, unitID: unit, round: round.id).render()
        return page.http.bytes(Array(text.utf8), contentType: "application/xml", filename: "template.xml")
      }
    }
  }

  /// The session's round and unit, checked as the API checks them.
  func mine(_ session: WebSession) async throws -> (RoundRecord, String) {
    let unit = session.principal.subject
    let (round, _) = try await service.access(
      session.principal, round: session.principal.round ?? "", unit: unit, audience: .unit)
    return (round, unit)
  }

  /// Stores an upload from a page exactly as the API's PUT does (same checks, same service call).
  func store(_ bytes: [UInt8], _ page: WebExchange, _ session: WebSession) async throws -> UploadRecord {
    let (round, unit) = try await mine(session)
    try service.checkOpen(round, now: page.http.arrived)
    guard bytes.count <= service.configuration.sizeLimit else {
      throw PortalFailure.tooLarge(service.configuration.sizeLimit)
    }
    let audit = AuditEntry(
      at: PortalClock.timestamp(page.http.arrived), actor: "unit:\(unit)", action: "upload", round: round.id,
      unit: unit,
      address: page.http.address)
    return try await service.upload(bytes, round: round, unit: unit, received: page.http.arrived, audit: audit)
  }

  private func home(_ page: WebExchange, _ session: WebSession) async throws -> Response {
    let (round, unitID) = try await mine(session)
    let unit = try await service.store.unit(round: round.id, id: unitID)
    let uploads = try await service.store.uploads(round: round.id, unit: unitID)
    let state = service.state(of: round, now: page.http.arrived)
    let accepted = uploads.last { $0.status == .accepted }
    let status =
      accepted.map { page.t(.webStatusAccepted, [String($0.version)]) }
      ?? (uploads.isEmpty ? page.t(.webStatusMissing) : page.t(.webStatusRejected))
    let open = state == "submitting"
    let upload: SafeHTML =
      open
      ? """
      <section class="upload"><h2>\(page.t(.webUploadHeading))</h2>
      <form method="post" action="/upload" enctype="multipart/form-data">
      <input type="hidden" name="csrf" value="\(session.record.csrf)">
      <label>\(page.t(.webUploadFile)) <input type="file" name="file" id="file" accept=".xml,application/xml,text/xml" required></label>
      <button type="submit" id="upload">\(page.t(.webUploadSubmit))</button>
      </form>
      <p><a href="/form" id="form-link">\(page.t(.webFormLink))</a> · <a href="/template">\(page.t(.webTemplate))</a></p>
      </section>
      """ : .empty
    let body: SafeHTML = """
      <section class="round">
      <p id="state">\(FindingsView.state(state, page))</p>
      \(deadline(round, page))
      <p id="status" class="status">\(status)</p>
      </section>
      \(upload)
      <h2>\(page.t(.webReceipts))</h2>
      \(FindingsView.receipts(uploads, page, link: { "/receipts/\($0)" }, download: { "/versions/\($0)" }))
      """
    return page.html(
      PageLayout.page(
        page, title: page.t(.webHomeHeading, [unit?.name.isEmpty == false ? unit!.name : unitID, round.id]),
        session: session, body: body))
  }

  /// The deadline in the page's offset, and what is left of it (kept current by portal.js).
  func deadline(_ round: RoundRecord, _ page: WebExchange) -> SafeHTML {
    guard let text = round.deadline, let date = PortalClock.parse(text) else {
      return "<p id=\"deadline\">\(page.t(.webDeadlineNone))</p>"
    }
    let shown = PortalClock.timestamp(date, offsetSeconds: service.configuration.offsetSeconds)
    let seconds = Int(date.timeIntervalSince(page.http.arrived))
    let left =
      seconds < 0
      ? page.t(.webDeadlinePassed)
      : page.t(
        .webDeadlineLeft, [String(seconds / 86_400), String(seconds % 86_400 / 3600), String(seconds % 3600 / 60)])
    return """
      <p id="deadline">\(page.t(.webDeadline, [shown])) · <span class="countdown" data-deadline="\(text)" \
      data-passed="\(page.t(.webDeadlinePassed))" data-template="\(page.t(.webDeadlineLeft, ["{0}", "{1}", "{2}"]))">\(left)</span></p>
      """
  }

  private func receipt(_ number: Int, _ page: WebExchange, _ session: WebSession) async throws -> Response {
    let (round, unit) = try await mine(session)
    let uploads = try await service.store.uploads(round: round.id, unit: unit)
    guard let upload = uploads.first(where: { $0.version == number }),
      let bytes = try await service.store.bytes(round: round.id, unit: unit, version: number)
    else { throw PortalFailure(404, "not-found", .errorNoSuchVersion, [String(number)]) }
    let verdict = upload.status == .accepted ? page.t(.webReceiptAccepted) : page.t(.webReceiptRejected)
    let body: SafeHTML = """
      <p id="verdict" class="\(upload.status.rawValue)">\(verdict)</p>
      <dl class="receipt"><dt>\(page.t(.webColVersion))</dt><dd id="version">\(upload.version)</dd>
      <dt>\(page.t(.webColReceived))</dt><dd>\(upload.received)</dd>
      <dt>\(page.t(.webColSHA))</dt><dd><code id="sha256">\(upload.sha256)</code></dd>
      <dt>\(page.t(.webColBytes))</dt><dd>\(upload.size)</dd></dl>
      \(FindingsView.table(upload.diagnostics, page))
      \(FindingsView.source(bytes, upload.diagnostics, page))
      <p><a href="/home" id="home">\(page.t(.webHome))</a> · <a href="/versions/\(number)">\(page.t(.webDownload))</a></p>
      """
    return page.html(
      PageLayout.page(page, title: page.t(.webReceiptHeading, [String(number)]), session: session, body: body))
  }
}
