import PilotEvalCore

extension ReportSite {
  /// The trends page: whether the gap is closing and laggards are catching up, then the charts (scores per
  /// round, dispersion, tier migration, improvement against the starting score), then the rubric changes, the
  /// most improved, stalled laggards, and whether learning partners went with faster improvement.
  func trendsPage(_ trend: TrendReport) -> String {
    let style = Self.chartStyle
    var body = "<p><a href=\"index.html\">← \(HTML.text(strings["backToIndex"]))</a></p>"
    body += "<header><h1>\(HTML.text(title)) · \(HTML.text(strings["trends"]))</h1>"
    body += "<p class=\"meta\">\(HTML.text(trend.rounds.joined(separator: " → ")))</p></header>"

    body += "<section class=\"figures\">"
    body += trendFigure(strings["roundsCompared"], String(trend.rounds.count))
    body += trendFigure(strings["basis"], strings[trend.basis == .points ? "basis.points" : "basis.percent"])
    body += trendFigure(
      strings["unitsFollowed"],
      "\(trend.units.count) (\(strings.format("inEveryRound", String(trend.unitsInEveryRound))))")
    body += "</section>"

    body += "<section class=\"verdicts\">"
    body += "<p><b>\(HTML.text(strings["sigmaTitle"]))</b> \(HTML.text(trend.sigmaSentence(words: strings)))</p>"
    let beta = trend.overallBeta.map { trend.betaSentence($0, words: strings) } ?? strings["noBeta"]
    body += "<p><b>\(HTML.text(strings["betaTitle"]))</b> \(HTML.text(beta))</p>"
    body += betaCaveatParagraph(trend)
    if trend.basis == .percent { body += "<p class=\"note\">\(HTML.text(strings["percentNote"]))</p>" }
    body += "</section>"

    body += "<section class=\"charts\">"
    body += trendChart(strings["boxTitle"], distributionChart(trend, style: style))
    body += trendChart(strings["dispersionTitle"], dispersionChart(trend, style: style))
    body += trendChart(strings["theilTitle"], theilChart(trend, style: style) + dispersionTable(trend))
    if let migration = trend.overallMigration {
      let caption = strings.format("migrationTitle", migration.from, migration.to)
      let summary = strings.format(
        "migrationSummary", String(migration.movedUp), String(migration.movedDown), migration.from,
        String(migration.left), migration.to, String(migration.entered))
      let chart = Chart.heatmap(
        rows: migration.tiers.map(tierName), columns: migration.tiers.map(tierName), counts: migration.counts,
        rowTitle: migration.from, columnTitle: migration.to, title: caption,
        description: strings.format("migrationDesc", migration.from, migration.to), style: style)
      body += trendChart(caption, chart + "<p>\(HTML.text(summary))</p>")
    }
    if let beta = trend.overallBeta {
      body += trendChart(strings.format("scatterTitle", beta.from, beta.to), scatterChart(trend, beta, style: style))
    }
    body += "</section>"

    body += "<h2>\(HTML.text(strings["betaTitle"]))</h2>" + betaTable(trend)
    body += "<h2>\(HTML.text(strings["rubricChanges"]))</h2>" + rubricTable(trend)
    body += "<h2>\(HTML.text(strings["mostImproved"]))</h2>"
    body += unitsTable(trend, trend.mostImproved, rankChange: true)
    body += "<h2>\(HTML.text(strings["stalled"]))</h2>"
    body += "<p>\(HTML.text(strings.format("stalledDesc", formatted(trend.options.stallThreshold))))</p>"
    body += unitsTable(trend, trend.stalledLaggards, rankChange: false)
    body += "<h2>\(HTML.text(strings["partnerEffect"]))</h2>"
    body += "<p class=\"note observational\">\(HTML.text(strings["observational"]))</p>"
    body += partnerSummary(trend.partnerEffects)
    for effect in trend.partnerEffects { body += partnerSection(effect) }
    return document(title: "\(title) · \(strings["trends"])", body: body)
  }

  // MARK: - Charts

  /// Every unit's score in each round, as a box per round.
  private func distributionChart(_ trend: TrendReport, style: ChartStyle) -> String {
    let groups = trend.rounds.indices.map { round in
      (
        label: trend.rounds[round],
        values: trend.units.compactMap { $0.scores.indices.contains(round) ? $0.scores[round] : nil }
      )
    }
    return Chart.boxPlot(
      groups: groups, yTitle: strings[trend.basis == .points ? "scoreAxis.points" : "scoreAxis.percent"],
      title: strings["boxTitle"], description: strings["boxDesc"], style: style)
  }

  /// The coefficient of variation and the Gini coefficient, one line each over the rounds.
  private func dispersionChart(_ trend: TrendReport, style: ChartStyle) -> String {
    let spread = trend.dispersion
    return Chart.lineChart(
      categories: spread.map(\.round),
      series: [
        (label: strings["cv"], values: spread.map(\.coefficientOfVariation)),
        (label: strings["gini"], values: spread.map(\.gini)),
      ], decimals: 3, valueLabels: true, title: strings["dispersionTitle"], description: strings["dispersionDesc"],
      style: style)
  }

  /// The Theil index and its between- and within-region parts over the rounds, on their own (smaller) scale.
  private func theilChart(_ trend: TrendReport, style: ChartStyle) -> String {
    let spread = trend.dispersion
    return Chart.lineChart(
      categories: spread.map(\.round),
      series: [
        (label: strings["theil"], values: spread.map(\.theil)),
        (label: strings["theilBetween"], values: spread.map(\.theilBetween)),
        (label: strings["theilWithin"], values: spread.map(\.theilWithin)),
      ], decimals: 4, valueLabels: true, title: strings["theilTitle"], description: strings["theilDesc"],
      style: style)
  }

  /// Improvement from the pair's earlier round to its later one against the earlier score, with the β line
  /// scaled from growth per round to the whole span.
  private func scatterChart(_ trend: TrendReport, _ beta: BetaConvergence, style: ChartStyle) -> String {
    guard let from = trend.rounds.firstIndex(of: beta.from), let to = trend.rounds.lastIndex(of: beta.to) else {
      return ""
    }
    let points = trend.units.compactMap { unit -> (label: String, x: Double, y: Double)? in
      guard unit.scores.indices.contains(to), let start = unit.scores[from], let end = unit.scores[to] else {
        return nil
      }
      return (label: unit.name.isEmpty ? unit.id : unit.name, x: start, y: end - start)
    }
    let periods = Double(max(beta.periods, 1))
    let fit =
      beta.verdict == .notDefined ? nil : (intercept: beta.intercept * periods, slope: beta.slope * periods)
    let axis = strings[trend.basis == .points ? "scoreAxis.points" : "scoreAxis.percent"]
    return Chart.scatter(
      points: points, fit: fit, fitLabel: fit.map { _ in strings.format("fitLabel", fixed(beta.slope, places: 3)) },
      xTitle: "\(strings["startScore"]) · \(beta.from) · \(axis)",
      yTitle: strings.format("improvementAxis", beta.from, beta.to),
      title: strings.format("scatterTitle", beta.from, beta.to), description: strings["scatterDesc"], style: style)
  }

  // MARK: - Tables

  private func dispersionTable(_ trend: TrendReport) -> String {
    table(
      [
        strings["round"], "n", strings["mean"], strings["sd"], strings["cv"], strings["gini"], strings["theil"],
        strings["theilBetween"], strings["theilWithin"],
      ],
      trend.dispersion.map { entry in
        [
          HTML.text(entry.round), String(entry.count), fixed2(entry.mean), fixed2(entry.standardDeviation),
          fixed(entry.coefficientOfVariation, places: 3), fixed(entry.gini, places: 3), fixed(entry.theil, places: 4),
          fixed(entry.theilBetween, places: 4), fixed(entry.theilWithin, places: 4),
        ]
      }, numeric: Set(1...8))
  }

  private func betaTable(_ trend: TrendReport) -> String {
    var html = ""
    if let overall = trend.overallBeta {
      html += "<p>\(HTML.text(trend.betaSentence(overall, words: strings)))</p>"
    }
    guard !trend.beta.isEmpty else { return html + "<p>\(HTML.text(strings["noBeta"]))</p>" }
    return html + betaRows(trend) + betaCaveatParagraph(trend, all: true)
  }

  private func rubricTable(_ trend: TrendReport) -> String {
    guard !trend.rubricChanges.isEmpty else { return "<p>\(HTML.text(strings["noneListed"]))</p>" }
    return table(
      [strings["pair"], strings["rubric"], strings["whatChanged"]],
      trend.rubricChanges.map { change in
        [
          HTML.text(pairLabel(change.from, change.to)), HTML.text(pairLabel(change.fromRubric, change.toRubric)),
          HTML.text(trend.changeDescription(change, words: strings).joined(separator: strings["separator"])),
        ]
      })
  }

  /// Units named by index into `trend.units`, each linked to its page when it has one in this report.
  private func unitsTable(_ trend: TrendReport, _ indexes: [Int], rankChange: Bool) -> String {
    let units = indexes.compactMap { trend.unit(at: $0) }
    guard !units.isEmpty else { return "<p>\(HTML.text(strings["noneListed"]))</p>" }
    let pages = Set(analysis.placements.map { result.scorecards[$0.index].unit.id })
    let last = strings[rankChange ? "rankChange" : "firstTier"]
    return table(
      [
        strings["unit"], strings["name"], strings["region"], strings["firstScore"], strings["lastScore"],
        strings["change"], last,
      ],
      units.map { unit in
        let ends = trend.span(unit)
        let id =
          pages.contains(unit.id)
          ? "<a href=\"units/\(HTML.attribute(unitPageName(unit.id)))\">\(HTML.text(unit.id))</a>" : HTML.text(unit.id)
        let lastCell =
          rankChange
          ? unit.rankChange.map { signed($0) } ?? "—"
          : HTML.text((unit.tiers.first { $0 != nil } ?? nil).map(tierName) ?? "—")
        return [
          id, HTML.text(unit.name), HTML.text(unit.region.isEmpty ? "—" : unit.region),
          ends.map { fixed2($0.first) } ?? "—", ends.map { fixed2($0.last) } ?? "—",
          unit.change.map { signed($0) } ?? "—", lastCell,
        ]
      }, numeric: rankChange ? [3, 4, 5, 6] : [3, 4, 5])
  }

  /// One row per pair: where partners came from, both groups' sizes and mean improvement, the difference
  /// within strata, how many strata and how many units with partners had no comparable unit.
  private func partnerSummary(_ effects: [PartnerEffect]) -> String {
    guard !effects.isEmpty else { return "<p>\(HTML.text(strings["noneListed"]))</p>" }
    return table(
      [
        strings["pair"], strings["pairingSource"], strings["withPartners"] + " n", strings["meanImprovement"],
        strings["withoutPartners"] + " n", strings["meanImprovement"], strings["difference"], strings["strataCount"],
        strings["unmatchedCount"],
      ],
      effects.map { effect in
        [
          HTML.text(pairLabel(effect.from, effect.to)), HTML.text(strings["source.\(effect.source.rawValue)"]),
          String(effect.paired.count), groupMean(effect.paired), String(effect.unpaired.count),
          groupMean(effect.unpaired),
          effect.difference.map { signed($0) + intervalSuffix(effect.differenceInterval) } ?? "—",
          String(effect.strata.count), String(effect.unmatched),
        ]
      }, numeric: [2, 3, 4, 5, 6, 7, 8])
  }

  /// One pair's difference in words, then every stratum of comparable units.
  private func partnerSection(_ effect: PartnerEffect) -> String {
    let trendResamples = trend?.options.resamples ?? TrendOptions().resamples
    var html = "<h3>\(HTML.text(pairLabel(effect.from, effect.to)))</h3>"
    if let difference = effect.difference {
      html += "<p>\(HTML.text(strings.format("partnerDifference", signed(difference))))"
      if let interval = effect.intervalText(strings, resamples: trendResamples) { html += " " + HTML.text(interval) }
      html += "</p>"
    } else {
      html += "<p>\(HTML.text(strings["noStratum"]))</p>"
    }
    if effect.unmatched > 0 { html += "<p>\(HTML.text(strings.format("unmatched", String(effect.unmatched))))</p>" }
    guard !effect.strata.isEmpty else { return html }
    return html
      + table(
        [
          strings["firstTier"], strings["strata"], strings["withPartners"] + " n", strings["meanImprovement"],
          strings["withoutPartners"] + " n", strings["meanImprovement"], strings["difference"],
        ],
        effect.strata.map { stratum in
          let cohort =
            ["region", "level"].contains(stratum.cohort) ? strings["cohort.\(stratum.cohort)"] : stratum.cohort
          return [
            HTML.text(tierName(stratum.tier)), HTML.text("\(cohort) \(stratum.value)"), String(stratum.paired.count),
            signed(stratum.paired.meanImprovement), String(stratum.unpaired.count),
            signed(stratum.unpaired.meanImprovement),
            signed(stratum.paired.meanImprovement - stratum.unpaired.meanImprovement),
          ]
        }, numeric: [2, 3, 4, 5, 6])
  }

  // MARK: - Pieces

  /// `from → to`, the arrow held to both sides by no-break spaces so a narrow column does not split it.
  private func pairLabel(_ from: String, _ to: String) -> String {
    "\(from)\u{00A0}→\u{00A0}\(to)"
  }

  private func verdictWord(_ verdict: BetaConvergence.Verdict) -> String {
    switch verdict {
    case .converging: strings["verdict.converging"]
    case .diverging: strings["verdict.diverging"]
    case .inconclusive: strings["verdict.inconclusive"]
    case .notDefined: strings["verdict.notDefined"]
    }
  }

  private func trendFigure(_ label: String, _ value: String) -> String {
    "<div class=\"figure\"><b>\(HTML.text(value))</b>\(HTML.text(label))</div>"
  }

  private func trendChart(_ caption: String, _ content: String) -> String {
    "<figure><figcaption>\(HTML.text(caption))</figcaption>\(content)</figure>"
  }
}
