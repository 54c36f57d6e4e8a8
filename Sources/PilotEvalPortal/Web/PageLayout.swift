import Foundation

/// The frame of every page: head (stylesheet and script as files, so the CSP allows no
/// inline script), title bar, language switch and, when logged in, the log-out form.
enum PageLayout {
  static func page(
    _ web: WebExchange, title: String, session: WebSession? = nil, body: SafeHTML
  ) -> SafeHTML {
    let other: PortalLanguage = web.language == .zh ? .en : .zh
    let switchLink = "/lang?to=\(other.rawValue)&back=\(web.path.addingPercentEncodingForQuery)"
    var account = SafeHTML.empty
    if let session {
      account = """
        <form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" value="\(session.record.csrf)">\
        <span class="who">\(session.record.principal.subject)</span> <button type="submit">\(web.t(.webLogout))</button></form>
        """
    }
    let lang = web.language == .zh ? "zh-CN" : "en"
    return """
      <!DOCTYPE html>
      <html lang="\(lang)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(title) · \(web.t(.webTitle))</title>
      <link rel="stylesheet" href="/static/portal.css">
      <script src="/static/portal.js" defer></script>
      </head>
      <body>
      <header><a class="brand" href="/">\(web.t(.webTitle))</a>
      <nav><a href="\(switchLink)" hreflang="\(other.rawValue)">\(web.t(.webLanguageSwitch))</a> \(account)</nav></header>
      <main>
      <h1>\(title)</h1>
      \(body)
      </main>
      </body>
      </html>
      """
  }

  /// A refusal as a page.
  static func failure(_ web: WebExchange, _ failure: PortalFailure, session: WebSession?) -> SafeHTML {
    page(
      web, title: web.t(.webErrorHeading), session: session,
      body: """
        <p class="error" id="error">\(failure.text.render(web.language, failure.arguments))</p>
        <p><a href="/">\(web.t(.webBack))</a></p>
        """)
  }
}

extension String {
  /// Percent-encoded for a query value.
  var addingPercentEncodingForQuery: String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~/")
    return addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
  }
}
