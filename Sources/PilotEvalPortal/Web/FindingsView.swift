/// Findings as tables: every diagnostic with its line, severity and message (rendered by
/// `DiagnosticText`), and the lines of the file they point at, numbered.
enum FindingsView {
  static func table(_ diagnostics: [StoredDiagnostic], _ web: WebExchange) -> SafeHTML {
    guard !diagnostics.isEmpty else { return "<p class=\"ok\" id=\"clean\">\(web.t(.webReceiptClean))</p>" }
    let rows = diagnostics.map { diagnostic -> SafeHTML in
      let severity = diagnostic.severity == "error" ? web.t(.webSeverityError) : web.t(.webSeverityWarning)
      return """
        <tr class="\(diagnostic.severity)"><td class="num">\(diagnostic.line)</td><td>\(severity)</td>\
        <td>\(DiagnosticText.render(diagnostic, in: web.language))</td></tr>
        """
    }
    return """
      <table class="findings" id="findings"><thead><tr><th>\(web.t(.webColLine))</th><th>\(web.t(.webColSeverity))</th>\
      <th>\(web.t(.webColMessage))</th></tr></thead><tbody>\(rows)</tbody></table>
      """
  }

  /// The lines named by findings, with one line of context each side, numbered.
  static func source(_ bytes: [UInt8], _ diagnostics: [StoredDiagnostic], _ web: WebExchange) -> SafeHTML {
    let marked = Set(diagnostics.map(\.line).filter { $0 > 0 })
    guard !marked.isEmpty else { return .empty }
    let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    var shown: [Int] = []
    for line in marked.sorted() {
      for number in max(1, line - 1)...min(lines.count, line + 1) where shown.last.map({ $0 < number }) ?? true {
        shown.append(number)
      }
    }
    let rows = shown.prefix(600).map { number -> SafeHTML in
      let text = String(lines[number - 1].prefix(400))
      return
        "<tr class=\"\(marked.contains(number) ? "marked" : "")\"><td class=\"num\">\(number)</td><td><code>\(text)</code></td></tr>"
    }
    return """
      <h2>\(web.t(.webReceiptSource))</h2>
      <table class="source"><tbody>\(rows)</tbody></table>
      """
  }

  static func receipts(
    _ uploads: [UploadRecord], _ web: WebExchange, link: (Int) -> String, download: (Int) -> String
  )
    -> SafeHTML
  {
    let rows = uploads.reversed().map { upload -> SafeHTML in
      let status = upload.status == .accepted ? web.t(.webAccepted) : web.t(.webRejected)
      return """
        <tr class="\(upload.status.rawValue)"><td class="num">\(upload.version)</td><td>\(status)</td>\
        <td>\(upload.received)</td><td><code>\(String(upload.sha256.prefix(16)))…</code></td>\
        <td class="num">\(upload.size)</td><td class="num">\(upload.diagnostics.count)</td>\
        <td><a href="\(link(upload.version))">\(web.t(.webDetails))</a> <a href="\(download(upload.version))">\(web.t(.webDownload))</a></td></tr>
        """
    }
    return """
      <table class="receipts" id="receipts"><thead><tr><th>\(web.t(.webColVersion))</th><th>\(web.t(.webColStatus))</th>\
      <th>\(web.t(.webColReceived))</th><th>\(web.t(.webColSHA))</th><th>\(web.t(.webColBytes))</th>\
      <th>\(web.t(.webColFindings))</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
      """
  }

  static func state(_ state: String, _ web: WebExchange) -> String {
    switch state {
    case "submitting": web.t(.webStateSubmitting)
    case "past-deadline": web.t(.webStatePastDeadline)
    case "reviewing": web.t(.webStateReviewing)
    default: web.t(.webStatePublished)
    }
  }
}
