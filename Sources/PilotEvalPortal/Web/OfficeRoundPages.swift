import Foundation
import Hummingbird
import PilotEvalCore
import PilotEvalReports

/// The office's pages about a round's review: progress (done per expert and per unit, who is
/// late), the assignment plan (as a page and as CSV), and publishing (in `OfficePublishPage`).
struct OfficeRoundPages: Sendable {
  let web: WebRoutes
  var service: PortalService { web.service }

  func register(on router: Router<PortalContext>) {
    router.get("/office/progress") { request, context in
      await web.runLoggedIn(request, context, role: .office) { page, session in
        guard let round = try await service.store.rounds().last else {
          return page.html(
            PageLayout.page(
              page, title: page.t(.webProgressHeading), session: session,
              body: "<p>\(page.t(.webOfficeNoRound))</p>"))
        }
        return try await progress(round, order(request), page, session)
      }
    }
    router.get("/office/rounds/:round/progress") { request, context in
      await web.runLoggedIn(request, context, role: .office) { page, session in
        let (round, _) = try await service.access(
          session.principal, round: context.parameters.get("round") ?? "", unit: nil, audience: .office)
        return try await progress(round, order(request), page, session)
      }
    }
    router.get("/office/rounds/:round/plan") { request, context in
      await web.runLoggedIn(request, context, role: .office) { page, session in
        let (round, _) = try await service.access(
          session.principal, round: context.parameters.get("round") ?? "", unit: nil, audience: .office)
        return try await plan(round, page, session)
      }
    }
    router.get("/office/rounds/:round/plan.csv") { request, context in
      await web.runLoggedIn(request, context, role: .office) { page, session in
        let (round, _) = try await service.access(
          session.principal, round: context.parameters.get("round") ?? "", unit: nil, audience: .office)
        let bytes = Array(AssignmentPlan.csv(try service.reviewStore().assignments(round: round.id)).utf8)
        try? await service.store.audit(
          AuditEntry(
            at: PortalClock.timestamp(page.http.arrived), actor: "office", action: "plan-csv", round: round.id,
            status: 200, address: page.http.address, detail: "sha256=\(SHA256.hex(bytes))"))
        let name = ExportName.names(for: [round.id])[round.id] ?? "round"
        return page.http.bytes(bytes, contentType: "text/csv; charset=utf-8", filename: "\(name)-plan.csv")
      }
    }
    OfficePublishPage(web: web).register(on: router)
  }

  private func order(_ request: Request) -> ReviewProgress.Order {
    request.uri.queryParameters.get("sort").flatMap(ReviewProgress.Order.init(rawValue:)) ?? .late
  }

  /// The links between a round's office pages, the current one not linked.
  static func nav(_ round: RoundRecord, _ page: WebExchange, current: PortalText) -> SafeHTML {
    let base = "/office/rounds/\(round.id.addingPercentEncodingForQuery)"
    var links: [(PortalText, String)] = [
      (.webRoundDashboard, "/office?round=\(round.id.addingPercentEncodingForQuery)"),
      (.webRoundProgress, "\(base)/progress"), (.webRoundPlan, "\(base)/plan"),
    ]
    if round.phase == .reviewing { links.append((.webRoundPublish, "\(base)/publish")) }
    if round.phase == .published {
      links.append((.webRoundReport, "/rounds/\(round.id.addingPercentEncodingForQuery)/report/index.html"))
    }
    let items = links.map { key, href -> SafeHTML in
      key == current ? "<strong>\(page.t(key))</strong>" : "<a href=\"\(href)\">\(page.t(key))</a>"
    }
    return "<nav class=\"round\" id=\"round-nav\"><span>\(page.t(.webRoundNav, [round.id]))</span>\(items)</nav>"
  }

  // MARK: - Progress

  private func progress(
    _ round: RoundRecord, _ order: ReviewProgress.Order, _ page: WebExchange, _ session: WebSession
  ) async throws -> Response {
    let store = try service.reviewStore()
    let entries = try store.assignments(round: round.id)
    let roster = try store.swapRoster(round: round.id)
    let progress = ReviewProgress(
      entries: entries, experts: roster.experts.map { ($0.id, $0.name, $0.region) },
      units: try await store.units(round: round.id), deadline: try await store.reviewDeadline(round: round.id),
      now: page.http.arrived, order: order)
    let nav = Self.nav(round, page, current: .webRoundProgress)
    let title = page.t(.webProgressRoundHeading, [round.id])
    guard !entries.isEmpty else {
      return page.html(
        PageLayout.page(
          page, title: title, session: session, body: "\(nav)<p id=\"no-plan\">\(page.t(.webProgressNoPlan))</p>"))
    }
    let deadline: SafeHTML
    if let text = progress.deadline, let date = PortalClock.parse(text) {
      let shown = PortalClock.timestamp(date, offsetSeconds: service.configuration.offsetSeconds)
      let state = page.t(progress.deadlinePassed ? .webProgressDeadlinePassed : .webProgressDeadlineOpen)
      deadline = "<p id=\"review-deadline\">\(page.t(.webProgressDeadline, [shown, state]))</p>"
    } else {
      deadline = "<p id=\"review-deadline\">\(page.t(.webProgressNoDeadline))</p>"
    }
    let base = "/office/rounds/\(round.id.addingPercentEncodingForQuery)/progress"
    let sorts = ReviewProgress.Order.allCases.map { choice -> SafeHTML in
      let label = page.t(
        choice == .late ? .webProgressSortLate : choice == .id ? .webProgressSortId : .webProgressSortDone)
      return choice == order
        ? " <strong>\(label)</strong>" : " <a href=\"\(base)?sort=\(choice.rawValue)\">\(label)</a>"
    }
    let summary = page.t(
      .webProgressSummary,
      [
        String(progress.reviewsDone), String(progress.reviewsAssigned), String(progress.lateExperts),
        String(progress.outstandingExperts),
      ])
    let body: SafeHTML = """
      \(nav)
      \(deadline)
      <p id="progress-summary">\(summary)</p>
      <p class="sort">\(page.t(.webProgressSort))\(sorts)</p>
      <h2>\(page.t(.webProgressByExpert))</h2>
      \(table(progress.experts, id: "by-expert", first: .webProgressColExpert, page))
      <h2>\(page.t(.webProgressByUnit))</h2>
      \(table(progress.units, id: "by-unit", first: .webColUnit, page))
      """
    return page.html(PageLayout.page(page, title: title, session: session, body: body))
  }

  private func table(
    _ lines: [ReviewProgress.Line], id: String, first: PortalText, _ page: WebExchange
  ) -> SafeHTML {
    let rows = lines.map { line -> SafeHTML in
      let state: PortalText =
        switch line.state {
        case .late: .webProgressLate
        case .outstanding: .webProgressOutstanding
        case .done: .webProgressDone
        case .idle: .webProgressIdle
        }
      return """
        <tr class="\(line.state.rawValue)" data-id="\(line.id)"><td>\(line.id)</td><td>\(line.name)</td>\
        <td>\(line.region)</td><td class="num">\(line.done)</td><td class="num">\(line.assigned)</td>\
        <td class="num">\(line.outstanding)</td><td class="state">\(page.t(state))</td>\
        <td>\(line.waiting.joined(separator: "、"))</td></tr>
        """
    }
    return """
      <div class="wide"><table id="\(id)"><thead><tr><th>\(page.t(first))</th>\
      <th>\(page.t(id == "by-expert" ? .webProgressColPerson : .webColName))</th>\
      <th>\(page.t(.webColRegion))</th><th>\(page.t(.webProgressColDone))</th><th>\(page.t(.webProgressColAssigned))</th>\
      <th>\(page.t(.webProgressColOutstanding))</th><th>\(page.t(.webProgressColState))</th>\
      <th>\(page.t(id == "by-expert" ? .webProgressColWaitingUnits : .webProgressColWaiting))</th></tr></thead>\
      <tbody>\(rows)</tbody></table></div>
      """
  }

  // MARK: - The plan

  private func plan(_ round: RoundRecord, _ page: WebExchange, _ session: WebSession) async throws -> Response {
    let store = try service.reviewStore()
    let entries = try store.assignments(round: round.id)
    let roster = try store.swapRoster(round: round.id)
    let stored = try store.assignmentPlan(round: round.id)
    let overrides = try store.overrides(round: round.id)
    let units = try await store.units(round: round.id)
    let nav = Self.nav(round, page, current: .webRoundPlan)
    let title = page.t(.webPlanHeading, [round.id])
    guard let stored, !entries.isEmpty else {
      return page.html(
        PageLayout.page(
          page, title: title, session: session, body: "\(nav)<p id=\"no-plan\">\(page.t(.webProgressNoPlan))</p>"))
    }
    let view = PlanView(
      entries: entries, roster: roster, perUnit: stored.perUnit, exceptions: stored.exceptions, overrides: overrides,
      units: units)
    let csv = "/office/rounds/\(round.id.addingPercentEncodingForQuery)/plan.csv"
    let body: SafeHTML = """
      \(nav)
      \(view.summary(page))
      <p><a href="\(csv)" id="plan-csv" download>\(page.t(.webPlanDownload))</a></p>
      \(view.exceptionList(page))
      \(view.perUnit(page))
      \(view.perExpert(page))
      """
    return page.html(PageLayout.page(page, title: title, session: session, body: body))
  }
}
