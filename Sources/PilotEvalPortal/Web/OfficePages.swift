import Foundation
import Hummingbird

/// The office's pages: the dashboard (every unit's status, counts, filters, who is missing,
/// rejections with their reasons), a unit's versions, close and export.
struct OfficePages: Sendable {
  let web: WebRoutes
  var service: PortalService { web.service }

  func register(on router: Router<PortalContext>) {
    router.get("/office") { request, context in
      await web.runLoggedIn(request, context, role: .office) { page, session in
        let query = Dictionary(
          request.uri.queryParameters.map { (String($0.key), String($0.value)) },
          uniquingKeysWith: { first, _ in first })
        return try await dashboard(query, page, session)
      }
    }
    router.get("/office/rounds/:round/units/:unit") { request, context in
      await web.runLoggedIn(request, context, role: .office) { page, session in
        try await unit(context.parameters.get("round") ?? "", context.parameters.get("unit") ?? "", page, session)
      }
    }
    router.get("/office/rounds/:round/units/:unit/versions/:n") { request, context in
      await web.runLoggedIn(request, context, role: .office) { page, session in
        let round = context.parameters.get("round") ?? ""
        let unit = context.parameters.get("unit") ?? ""
        _ = try await service.access(session.principal, round: round, unit: unit, audience: .unitOrOffice)
        let number = Int(context.parameters.get("n") ?? "") ?? 0
        guard let bytes = try await service.store.bytes(round: round, unit: unit, version: number) else {
          throw PortalFailure(404, "not-found", .errorNoSuchVersion, [String(number)])
        }
        try? await service.store.audit(
          AuditEntry(
            at: PortalClock.timestamp(page.http.arrived), actor: "office", action: "download", round: round, unit: unit,
            status: 200, address: page.http.address, detail: "version=\(number)"))
        return page.http.bytes(bytes, contentType: "application/xml", filename: "\(unit)-v\(number).xml")
      }
    }
    router.post("/office/rounds/:round/close") { request, context in
      await web.runLoggedIn(request, context, role: .office) { page, session in
        let form = try await web.form(request)
        try session.checkCSRF(form["csrf"])
        let id = context.parameters.get("round") ?? ""
        let (round, _) = try await service.access(session.principal, round: id, unit: nil, audience: .office)
        _ = try await service.close(round, now: page.http.arrived)
        try? await service.store.audit(
          AuditEntry(
            at: PortalClock.timestamp(page.http.arrived), actor: "office", action: "close", round: id, status: 303,
            address: page.http.address))
        return page.redirect("/office?round=\(id.addingPercentEncodingForQuery)")
      }
    }
    router.get("/office/rounds/:round/export") { request, context in
      await web.runLoggedIn(request, context, role: .office) { page, session in
        let id = context.parameters.get("round") ?? ""
        let (round, _) = try await service.access(session.principal, round: id, unit: nil, audience: .office)
        let zip = try await service.export(round)
        try? await service.store.audit(
          AuditEntry(
            at: PortalClock.timestamp(page.http.arrived), actor: "office", action: "export", round: id, status: 200,
            address: page.http.address, detail: "sha256=\(SHA256.hex(zip))"))
        return page.http.bytes(
          zip, contentType: "application/zip", filename: "\(ExportName.names(for: [id])[id] ?? "round")-export.zip")
      }
    }
  }

  private func dashboard(
    _ query: [String: String], _ page: WebExchange, _ session: WebSession
  )
    async throws -> Response
  {
    let rounds = try await service.store.rounds()
    let chosen = query["round"].flatMap { id in rounds.first { $0.id == id } } ?? rounds.last
    guard let round = chosen else {
      return page.html(
        PageLayout.page(
          page, title: page.t(.webOfficeHeading, ["—"]), session: session, body: "<p>\(page.t(.webOfficeNoRound))</p>"))
    }
    let status = try await service.status(of: round, now: page.http.arrived)
    let region = query["region"] ?? ""
    let level = query["level"] ?? ""
    let wanted = query["status"] ?? ""
    let lines = status.units.filter { line in
      (region.isEmpty || line.unit.region == region) && (level.isEmpty || line.unit.level == level)
        && (wanted.isEmpty || line.status == wanted)
    }
    let count = { (kind: String) in status.units.filter { $0.status == kind }.count }
    let rows = lines.map { line -> SafeHTML in
      let label =
        switch line.status {
        case "accepted": page.t(.webAccepted)
        case "rejected": page.t(.webRejected)
        default: page.t(.webMissing)
        }
      let reasons = line.status == "rejected" ? self.reasons(line.latest, page) : ""
      let link =
        "/office/rounds/\(round.id.addingPercentEncodingForQuery)/units/\(line.unit.id.addingPercentEncodingForQuery)"
      return """
        <tr class="\(line.status)" data-unit="\(line.unit.id)"><td><a href="\(link)">\(line.unit.id)</a></td><td>\(line.unit.name)</td>\
        <td>\(line.unit.region)</td><td>\(line.unit.level)</td><td class="state">\(label)</td>\
        <td class="num">\(line.accepted.map { String($0.version) } ?? "")</td><td>\(line.accepted?.received ?? "")</td>\
        <td class="num">\(line.uploads)</td><td>\(reasons)</td></tr>
        """
    }
    let closeForm: SafeHTML =
      round.phase == .submitting
      ? """
      <form method="post" action="/office/rounds/\(round.id.addingPercentEncodingForQuery)/close" class="inline">\
      <input type="hidden" name="csrf" value="\(session.record.csrf)"><button type="submit" id="close">\(page.t(.webOfficeClose))</button></form>
      """ : .empty
    let body: SafeHTML = """
      \(OfficeRoundPages.nav(round, page, current: .webRoundDashboard))
      <p id="state">\(FindingsView.state(status.state, page))</p>
      \(UnitPages(web: web).deadline(round, page))
      <p id="counts">\(page.t(.webOfficeCounts, [String(status.units.count), String(count("accepted")), String(count("rejected")), String(count("missing"))]))</p>
      <p><a href="/office/rounds/\(round.id.addingPercentEncodingForQuery)/export" id="export">\(page.t(.webOfficeExport))</a> \(closeForm)</p>
      <form method="get" action="/office" class="filters">
      <input type="hidden" name="round" value="\(round.id)">
      \(select("region", page.t(.webColRegion), Set(status.units.map(\.unit.region)).sorted(), region, page))
      \(select("level", page.t(.webColLevel), Set(status.units.map(\.unit.level)).sorted(), level, page))
      \(select("status", page.t(.webColStatus), ["accepted", "rejected", "missing"], wanted, page))
      <button type="submit">\(page.t(.webOfficeFilter))</button></form>
      <div class="wide"><table class="units" id="units"><thead><tr><th>\(page.t(.webColUnit))</th><th>\(page.t(.webColName))</th>\
      <th>\(page.t(.webColRegion))</th><th>\(page.t(.webColLevel))</th><th>\(page.t(.webColStatus))</th>\
      <th>\(page.t(.webColVersion))</th><th>\(page.t(.webColReceived))</th><th>\(page.t(.webColUploads))</th>\
      <th>\(page.t(.webColReasons))</th></tr></thead><tbody>\(rows)</tbody></table></div>
      """
    return page.html(PageLayout.page(page, title: page.t(.webOfficeHeading, [round.id]), session: session, body: body))
  }

  /// The first errors of a rejected upload, as one line.
  private func reasons(_ upload: UploadRecord?, _ page: WebExchange) -> String {
    let errors = (upload?.diagnostics ?? []).filter { $0.severity == "error" }.prefix(3)
    return errors.map { "\($0.line): \(DiagnosticText.render($0, in: page.language))" }.joined(separator: "；")
  }

  private func select(
    _ name: String, _ label: String, _ values: [String], _ chosen: String, _ page: WebExchange
  )
    -> SafeHTML
  {
    let options = values.map { value -> SafeHTML in
      let shown =
        switch (name, value) {
        case ("status", "accepted"): page.t(.webAccepted)
        case ("status", "rejected"): page.t(.webRejected)
        case ("status", "missing"): page.t(.webMissing)
        default: value
        }
      return "<option value=\"\(value)\"\(value == chosen ? " selected" : "")>\(shown)</option>"
    }
    return """
      <label>\(label) <select name="\(name)"><option value="">\(page.t(.webOfficeAll))</option>\(options)</select></label>
      """
  }

  private func unit(
    _ roundID: String, _ unitID: String, _ page: WebExchange, _ session: WebSession
  ) async throws
    -> Response
  {
    let (round, unit) = try await service.access(
      session.principal, round: roundID, unit: unitID, audience: .unitOrOffice)
    let uploads = try await service.store.uploads(round: round.id, unit: unitID)
    let base = "/office/rounds/\(round.id.addingPercentEncodingForQuery)/units/\(unitID.addingPercentEncodingForQuery)"
    var findings: [SafeHTML] = []
    for upload in uploads.reversed() {
      findings.append(
        "<h3 id=\"v\(upload.version)\">\(page.t(.webReceiptHeading, [String(upload.version)]))</h3>\(FindingsView.table(upload.diagnostics, page))"
      )
    }
    let body: SafeHTML = """
      <p>\(unit?.name ?? "") · \(unit?.region ?? "") · \(unit?.level ?? "")</p>
      <h2>\(page.t(.webOfficeVersions))</h2>
      \(FindingsView.receipts(uploads, page, link: { "\(base)#v\($0)" }, download: { "\(base)/versions/\($0)" }))
      \(findings)
      <p><a href="/office?round=\(round.id.addingPercentEncodingForQuery)">\(page.t(.webBack))</a></p>
      """
    return page.html(PageLayout.page(page, title: "\(unitID) · \(round.id)", session: session, body: body))
  }
}
