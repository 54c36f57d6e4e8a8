public import PilotEvalCore

/// The leadership report: a folder of HTML pages that works offline, opened
/// straight from disk (no server, no CDN, no script needed to read it).
///
/// `index.html` gives the round at a glance; `units/<id>.html` gives each unit
/// its scores against its cohort, every point lost and why, and whom to learn
/// from. Given a comparison with earlier rounds, `trends.html` shows the trends
/// and the index links to it. Every text from an input file is escaped wherever
/// it lands.
///
///     let site = ReportSite(result: result, analysis: RoundAnalysis(result), language: .zh)
///     for page in site.pages() { try AtomicFile.write(page.text, to: out + "/" + page.path) }
public struct ReportSite: Sendable {
  /// The scored round.
  public let result: RoundResult
  /// Its 以先带后 analysis.
  public let analysis: RoundAnalysis
  /// The language of every label.
  public let language: ReportLanguage
  /// The report's title.
  public let title: String
  /// The comparison of this round with earlier ones, shown on `trends.html`; nil for a report of one round.
  public let trend: TrendReport?
  let strings: ReportStrings

  /// Creates a report; `title` defaults to the rubric's title. With `trend`, the report also has `trends.html`.
  public init(
    result: RoundResult, analysis: RoundAnalysis, language: ReportLanguage = .zh, title: String? = nil,
    trend: TrendReport? = nil
  ) {
    self.result = result
    self.analysis = analysis
    self.language = language
    self.strings = ReportStrings(language: language)
    self.title = title ?? (result.rubric.title.isEmpty ? result.rubric.id : result.rubric.title)
    self.trend = trend
  }

  /// Every page of the report, as paths relative to the report folder and their HTML.
  public func pages() -> [(path: String, text: String)] {
    var pages = [(path: "index.html", text: index())]
    if let trend { pages.append((path: "trends.html", text: trendsPage(trend))) }
    for place in analysis.placements {
      let card = result.scorecards[place.index]
      pages.append((path: "units/" + unitPageName(card.unit.id), text: unitPage(place)))
    }
    return pages
  }

  // MARK: - Shared pieces

  func document(title pageTitle: String, body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="\(strings["htmlLang"])">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(HTML.text(pageTitle))</title>
    <style>\(Self.styleSheet)</style>
    </head>
    <body>
    \(body)
    </body>
    </html>

    """
  }

  func tierName(_ id: String) -> String {
    if id == Scorecard.vetoedTier { return strings["vetoed"] }
    return result.rubric.tier(id)?.name ?? id
  }

  /// A table in a box that scrolls sideways on a narrow screen. Columns in `numeric` are right-aligned, those in
  /// `nowrap` never break inside (ids, regions, numbers), the others keep a readable minimum width. With `cards`,
  /// a narrow screen shows each row as a card of labelled lines instead (for rows with long text).
  func table(
    _ headers: [String], _ rows: [[String]], numeric: Set<Int> = [], nowrap: Set<Int> = [], caption: String? = nil,
    classes: String? = nil, cards: Bool = false
  ) -> String {
    func cellClass(_ column: Int) -> String {
      var names: [String] = []
      if numeric.contains(column) { names.append("num") }
      if nowrap.contains(column) || numeric.contains(column) { names.append("nowrap") } else { names.append("text") }
      return " class=\"\(names.joined(separator: " "))\""
    }
    let names = ([classes, cards ? "cards" : nil] as [String?]).compactMap { $0 }.joined(separator: " ")
    var html = "<div class=\"scroll\"><table\(names.isEmpty ? "" : " class=\"\(HTML.attribute(names))\"")>"
    if let caption { html += "<caption>\(HTML.text(caption))</caption>" }
    html += "<thead><tr>"
    for (column, header) in headers.enumerated() {
      html += "<th scope=\"col\"\(cellClass(column))>\(HTML.text(header))</th>"
    }
    html += "</tr></thead><tbody>"
    for row in rows {
      html += "<tr>"
      for (column, cell) in row.enumerated() {
        let label =
          cards && headers.indices.contains(column) ? " data-label=\"\(HTML.attribute(headers[column]))\"" : ""
        html += "<td\(cellClass(column))\(label)>\(cell)</td>"
      }
      html += "</tr>"
    }
    return html + "</tbody></table></div>"
  }
}
