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

  func table(_ headers: [String], _ rows: [[String]], numeric: Set<Int> = [], caption: String? = nil) -> String {
    var html = "<table>"
    if let caption { html += "<caption>\(HTML.text(caption))</caption>" }
    html += "<thead><tr>"
    for (column, header) in headers.enumerated() {
      html += "<th scope=\"col\"\(numeric.contains(column) ? " class=\"num\"" : "")>\(HTML.text(header))</th>"
    }
    html += "</tr></thead><tbody>"
    for row in rows {
      html += "<tr>"
      for (column, cell) in row.enumerated() {
        html += "<td\(numeric.contains(column) ? " class=\"num\"" : "")>\(cell)</td>"
      }
      html += "</tr>"
    }
    return html + "</tbody></table>"
  }

  static let styleSheet = """
    body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;\
    margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1a1a1a;line-height:1.5}
    h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;border-bottom:2px solid #333;padding-bottom:.2rem;\
    margin-top:2rem}
    .meta{color:#555}.figures{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}
    .figure{border:1px solid #999;border-radius:6px;padding:.6rem 1rem;min-width:8rem}
    .figure b{display:block;font-size:1.5rem}
    table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.9rem}
    th,td{border-bottom:1px solid #ccc;padding:.25rem .4rem;text-align:left;vertical-align:top}
    th{background:#eee}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
    caption{text-align:left;font-weight:bold;padding:.3rem 0}
    .robust{font-weight:bold}.charts{display:grid;grid-template-columns:1fr;gap:1rem}
    svg{max-width:100%;height:auto}a{color:#0645ad}figure{margin:0}figcaption{font-weight:bold;margin:.5rem 0}
    nav{margin:.4rem 0}nav a{margin-right:1rem;font-weight:bold}.verdicts p{margin:.4rem 0}
    .note{border-left:4px solid #333;background:#f2f2f2;padding:.4rem .8rem;margin:.6rem 0}
    @media print{@page{size:A4;margin:15mm}body{margin:0;max-width:none}
    h2{break-before:page}h2.first{break-before:avoid}tr,svg,figure,.figure,.note{break-inside:avoid}
    nav{display:none}
    thead{display:table-header-group}a{color:inherit;text-decoration:none}}
    """
}
