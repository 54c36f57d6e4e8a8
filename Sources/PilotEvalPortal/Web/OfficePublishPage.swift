import Foundation
import Hummingbird
import PilotEvalCore

/// The office's publish page: the analysis options of `portal publish` (draws, seed, minimum
/// reviewers, exemplars per cohort, near misses, weight noise, partners, overstatement, no
/// resampling), a confirmation, and a POST with the CSRF token that runs the configured
/// `RoundPublisher` — the command line's own code.
struct OfficePublishPage: Sendable {
  let web: WebRoutes
  var service: PortalService { web.service }

  /// The form's fields and the command-line options they stand for.
  static let fields: [(name: String, option: String, label: PortalText)] = [
    ("draws", "--draws", .webPublishDraws), ("seed", "--seed", .webPublishSeed),
    ("min-reviewers", "--min-reviewers", .webPublishMinReviewers), ("per", "--per", .webPublishPer),
    ("near", "--near", .webPublishNear), ("noise", "--noise", .webPublishNoise),
    ("partners", "--partners", .webPublishPartners), ("overstatement", "--overstatement", .webPublishOverstatement),
  ]

  func register(on router: Router<PortalContext>) {
    router.get("/office/rounds/:round/publish") { request, context in
      await web.runLoggedIn(request, context, role: .office) { page, session in
        let (round, _) = try await service.access(
          session.principal, round: context.parameters.get("round") ?? "", unit: nil, audience: .office)
        return form(round, values: [:], error: nil, page, session, status: 200)
      }
    }
    router.post("/office/rounds/:round/publish") { request, context in
      await web.runLoggedIn(request, context, role: .office) { page, session in
        let form = try await web.form(request)
        try session.checkCSRF(form["csrf"])
        let (round, _) = try await service.access(
          session.principal, round: context.parameters.get("round") ?? "", unit: nil, audience: .office)
        return try await publish(round, form, page, session)
      }
    }
  }

  private func publish(
    _ round: RoundRecord, _ form: FormData, _ page: WebExchange, _ session: WebSession
  ) async throws -> Response {
    guard round.phase == .reviewing else {
      throw PortalFailure(409, "conflict", .errorPhase, [round.id, round.phase.rawValue])
    }
    var values: [String: String] = [:]
    var options: [String] = []
    for field in Self.fields {
      let value = (form[field.name] ?? "").trimmingCharacters(in: .whitespaces)
      values[field.name] = value
      if !value.isEmpty { options += [field.option, value] }
    }
    if form["no-resample"] == "yes" {
      values["no-resample"] = "yes"
      options.append("--no-resample")
    }
    guard form["confirm"] == "yes" else {
      return self.form(round, values: values, error: page.t(.webPublishNotConfirmed), page, session, status: 422)
    }
    guard let publisher = service.configuration.publisher else {
      return self.form(round, values: values, error: page.t(.webPublishUnavailable), page, session, status: 503)
    }
    let language: Language = page.language == .zh ? .zh : .en
    let count: Int
    do {
      count = try await publisher.publish(round: round.id, options: options)
    } catch let refusal as PublishRefusal {
      let text = refusal.message.text(in: language)
      return self.form(
        round, values: values, error: refusal.isOptionError ? page.t(.webPublishBadOption, [text]) : text, page,
        session, status: refusal.isOptionError ? 422 : 409)
    } catch {
      // The report or record command failed (it has said why on the server's standard error).
      RequestLog.error("publish \(round.id): \(error)")
      return self.form(
        round, values: values, error: page.t(.webPublishFailed, [String(describing: error)]), page, session,
        status: 500)
    }
    try? await service.store.audit(
      AuditEntry(
        at: PortalClock.timestamp(page.http.arrived), actor: "office", action: "publish-web", round: round.id,
        status: 303, address: page.http.address,
        detail: "files=\(count) options=\(options.joined(separator: " "))"))
    return page.redirect("/rounds/\(round.id.addingPercentEncodingForQuery)/report/index.html")
  }

  private func form(
    _ round: RoundRecord, values: [String: String], error: String?, _ page: WebExchange, _ session: WebSession,
    status: Int
  ) -> Response {
    let nav = OfficeRoundPages.nav(round, page, current: .webRoundPublish)
    let title = page.t(.webPublishHeading, [round.id])
    guard round.phase == .reviewing else {
      let state = page.t(.webPublishWrongPhase, [FindingsView.state(round.phase.rawValue, page)])
      return page.html(
        PageLayout.page(page, title: title, session: session, body: "\(nav)<p id=\"publish-state\">\(state)</p>"),
        status: status)
    }
    let message: SafeHTML = error.map { "<p class=\"error\" id=\"error\">\($0)</p>" } ?? .empty
    let inputs = Self.fields.map { field -> SafeHTML in
      let mode =
        field.name == "per" ? "text" : ["near", "noise", "overstatement"].contains(field.name) ? "decimal" : "numeric"
      return """
        <label>\(page.t(field.label)) <input name="\(field.name)" id="\(field.name)" inputmode="\(mode)" \
        value="\(values[field.name] ?? "")"></label>
        """
    }
    let body: SafeHTML = """
      \(nav)
      \(message)
      <p>\(page.t(.webPublishIntro))</p>
      <form method="post" action="/office/rounds/\(round.id.addingPercentEncodingForQuery)/publish" class="publish">
      <input type="hidden" name="csrf" value="\(session.record.csrf)">
      \(inputs)
      <label class="choice"><input type="checkbox" name="no-resample" value="yes" id="no-resample"\
      \(values["no-resample"] == "yes" ? " checked" : "")> \(page.t(.webPublishNoResample))</label>
      <label class="choice"><input type="checkbox" name="confirm" value="yes" id="confirm"> \(page.t(.webPublishConfirm))</label>
      <button type="submit" id="publish">\(page.t(.webPublishSubmit))</button>
      </form>
      """
    return page.html(PageLayout.page(page, title: title, session: session, body: body), status: status)
  }
}
