import PilotEvalCore

extension ReportSite {
  /// The round at a glance.
  func index() -> String {
    let rubric = result.rubric
    let cards = result.scorecards
    var body = cover(heading: "\(title) · \(strings["report"])")
    body += answers()
    body += charts()

    body += "<section id=\"ranking\"><h2>\(HTML.text(strings["ranking"]))</h2>"
    body +=
      "<p class=\"meta\">\(HTML.text(strings.format("ranking.note", fixed(analysis.options.robustShare * 100, places: 0))))</p>"
    let exemplarIndexes = Set(analysis.exemplars.exemplars.map(\.index))
    var rows: [[String]] = []
    for place in analysis.placements {
      let card = cards[place.index]
      let robustness =
        analysis.robustness.units.indices.contains(place.index)
        ? analysis.robustness.units[place.index] : nil
      let mark =
        exemplarIndexes.contains(place.index)
        ? (analysis.exemplars.exemplars.first { $0.index == place.index }.map(analysis.isRobust) == true
          ? "<span class=\"robust\">★ \(HTML.text(strings["robust"]))</span>" : "★") : ""
      rows.append([
        String(place.rank), robustness.map { "\($0.rank5)–\($0.rank95)" } ?? "—",
        "<a href=\"units/\(HTML.attribute(unitPageName(card.unit.id)))\">\(HTML.text(card.unit.id))</a>",
        HTML.text(card.unit.name), HTML.text(card.unit.region ?? "—"), HTML.text(card.unit.level ?? "—"),
        fixed2(card.score), fixed2(card.selfScore), HTML.text(tierName(card.tier)), mark,
      ])
    }
    body += table(
      [
        strings["rank"], strings["interval"], strings["unit"], strings["name"], strings["region"], strings["level"],
        strings["score"], strings["selfScore"], strings["tier"], strings["exemplars"],
      ], rows, numeric: [0, 1, 6, 7], nowrap: Set(0...9), classes: "ranking")
    body += "</section>"

    body += "<section id=\"exemplars\"><h2>\(HTML.text(strings["exemplars"]))</h2>"
    body += "<p>\(HTML.text(exemplarRule() + strings["sentenceGap"] + robustnessSentence()))</p>"
    body += table(
      [strings["rank"], strings["unit"], strings["name"], strings["score"], strings["whyChosen"]],
      analysis.exemplars.exemplars.map { exemplar in
        let card = cards[exemplar.index]
        return [
          String(exemplar.rank), HTML.text(card.unit.id), HTML.text(card.unit.name), fixed2(exemplar.score),
          HTML.text(whyChosen(exemplar)),
        ]
      }, numeric: [0, 3], nowrap: [0, 1, 3], cards: true)
    body += deaParagraph()
    body += "</section>"

    if !analysis.exemplars.nearMisses.isEmpty {
      body += "<section id=\"near-misses\"><h2>\(HTML.text(strings["nearMisses"]))</h2>"
      body += table(
        [strings["rank"], strings["unit"], strings["name"], strings["score"], strings["keptOut"]],
        analysis.exemplars.nearMisses.map { miss in
          let card = cards[miss.index]
          let reasons = miss.reasons.map {
            $0.text(rubric: rubric, topTier: analysis.exemplars.topTier, language: language)
          }
          return [
            String(miss.rank), HTML.text(card.unit.id), HTML.text(card.unit.name), fixed2(miss.score),
            HTML.text(reasons.joined(separator: strings["separator"])),
          ]
        }, numeric: [0, 3], nowrap: [0, 1, 3], cards: true)
      body += "</section>"
    }

    body += "<section id=\"panel\"><h2>\(HTML.text(strings["panel"]))</h2>" + panelSection() + "</section>"
    body += "<section id=\"self-gap\"><h2>\(HTML.text(strings["selfGap"]))</h2>" + selfAssessmentSummary()
    body += "</section>"
    return document(title: "\(title) · \(strings["report"])", body: body)
  }

  /// The cover block: the report's title, the round, the rubric and its version, and the link to the trends.
  func cover(heading: String) -> String {
    let rubric = result.rubric
    var html = "<header class=\"cover\"><h1>\(HTML.text(heading))</h1>"
    html += "<p class=\"meta\">\(HTML.text(strings["round"])) <b>\(HTML.text(result.round ?? "—"))</b> · "
    html += HTML.text(strings.format("rubricVersion", rubric.id, rubric.version)) + "</p>"
    if trend != nil { html += "<nav><a href=\"trends.html\">\(HTML.text(strings["trends"]))</a></nav>" }
    return html + "</header>"
  }

  /// What every exemplar has in common: the top tier's rules it met.
  private func exemplarRule() -> String {
    guard let top = analysis.exemplars.topTier else { return "" }
    let floor = top.sectionFloor.map { strings.format("floorClause", formatted($0 * 100)) } ?? ""
    return strings.format("everyExemplar", strings.format("reachedTier", top.name, formatted(top.min), floor))
  }

  /// What sets one exemplar apart: its strongest sections, its reviews, how often it stays in the top tier.
  private func whyChosen(_ exemplar: Exemplar) -> String {
    var parts: [String] = []
    let strengths = strongestSections(result.scorecards[exemplar.index]).map {
      strings.format("strength", $0.title, $0.points)
    }
    if !strengths.isEmpty { parts.append(strengths.joined(separator: strings["listSeparator"])) }
    parts.append(strings.format("reviewCount", String(exemplar.reviewers)))
    if analysis.robustness.units.indices.contains(exemplar.index) {
      let unit = analysis.robustness.units[exemplar.index]
      parts.append(unit.topTierText(strings, robustShare: analysis.options.robustShare))
    }
    return parts.joined(separator: strings["separator"])
  }

  private func selfAssessmentSummary() -> String {
    let report = analysis.selfAssessment
    var html = "<p>\(HTML.text(strings["meanGap"])): "
    html +=
      HTML.text(
        (report.meanGap.map(fixed2) ?? "—")
          + strings.format("ofUnits", String(report.reviewed), String(report.reviewed + report.unreviewed))) + "</p>"
    if !report.overstating.isEmpty {
      html += "<p>\(HTML.text(strings["overstating"])) (&gt; \(HTML.text(formatted(report.threshold)))): "
      html += HTML.text(report.overstating.joined(separator: strings["listSeparator"])) + "</p>"
    }
    return html
  }

  func show(_ value: ReliabilityValue) -> String {
    switch value {
    case .value(let number): fixed2(number)
    case .notDefined(let reason): strings.format("notDefined", reason)
    }
  }

  /// The charts of the index page: score distribution with tier thresholds, and scores by region.
  func charts() -> String {
    let cards = result.scorecards
    let scores = cards.map(\.score)
    let style = Self.chartStyle
    let ceiling = max(result.rubric.total + result.rubric.effectiveBonusCap, scores.max() ?? 0)
    let thresholds = result.rubric.tiers.filter { $0.min > 0 }.map {
      (label: "\($0.name) \(formatted($0.min))", value: $0.min)
    }
    var html = "<section class=\"charts\" id=\"charts\">"
    html += figure(strings["distribution"])
    html += Chart.histogram(
      values: scores, binWidth: 5, range: 0...(ceiling / 5).rounded(.up) * 5, thresholds: thresholds,
      xTitle: strings["axis.score"], yTitle: strings["axis.units"], title: strings["distribution"],
      description: strings["distributionDesc"], style: style)
    var byRegion: [String: [Double]] = [:]
    for card in cards { byRegion[card.unit.region ?? "—", default: []].append(card.score) }
    let groups = byRegion.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map {
      (label: $0, values: byRegion[$0]!)
    }
    html += "</figure>" + figure(strings["regions"])
    html += Chart.dotPlot(
      groups: groups, reference: analysis.exemplars.topTier?.min, referenceLabel: analysis.exemplars.topTier?.name,
      xTitle: strings["axis.score"], medianLabel: strings["medianColumn"], title: strings["regions"],
      description: strings["regionsDesc"], style: style)
    html += "</figure>" + figure(strings["profile"]) + sectionProfile(style: style) + "</figure>"
    return html + "</section>"
  }

  private func figure(_ caption: String) -> String {
    "<figure><figcaption>\(HTML.text(caption))</figcaption>"
  }

  /// Median share of each top-level section: exemplars against everyone else.
  private func sectionProfile(style: ChartStyle) -> String {
    let cards = result.scorecards
    let exemplarIndexes = Set(analysis.exemplars.exemplars.map(\.index))
    let tops = result.rubric.sections.enumerated().filter { $0.element.parent == nil }
    func medians(_ members: [Int]) -> [Double] {
      tops.map { position, _ in
        let shares = members.compactMap { index -> Double? in
          let section = cards[index].sections[position]
          return section.max > 0 ? section.earned / section.max : nil
        }
        return shares.isEmpty ? .nan : Aggregation.median.combine(shares)
      }
    }
    let others = cards.indices.filter { !exemplarIndexes.contains($0) }
    return Chart.groupedBars(
      categories: tops.map(\.element.title),
      series: [
        (label: strings["exemplars"], values: medians(exemplarIndexes.sorted())),
        (label: strings["everyoneElse"], values: medians(others)),
      ], title: strings["profile"], description: strings["profileDesc"], style: style)
  }
}
