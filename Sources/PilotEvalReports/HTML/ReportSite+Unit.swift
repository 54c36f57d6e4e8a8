import PilotEvalCore

extension ReportSite {
  /// One unit's page: sections against its region, every point lost and why, partners to learn from.
  func unitPage(_ place: Placement) -> String {
    let rubric = result.rubric
    let card = result.scorecards[place.index]
    var body = "<p><a href=\"../index.html\">← \(HTML.text(strings["back"]))</a></p>"
    body += "<header><h1>\(HTML.text(card.unit.name.isEmpty ? card.unit.id : card.unit.name))</h1>"
    let cohorts = [card.unit.id, card.unit.region, card.unit.level, card.unit.category].compactMap { $0 }
    body += "<p class=\"meta\">\(HTML.text(cohorts.joined(separator: " · ")))</p></header>"

    body += "<section class=\"figures\">"
    // A score no expert reviewed is the unit's own: never labelled verified.
    let scoreLabel = card.reviewers.isEmpty ? strings["scoreUnverified"] : strings["score"]
    body += "<div class=\"figure\"><b>\(fixed2(card.score))</b>\(HTML.text(scoreLabel))</div>"
    body += "<div class=\"figure\"><b>\(fixed2(card.selfScore))</b>\(HTML.text(strings["selfScore"]))</div>"
    body += "<div class=\"figure\"><b>\(HTML.text(tierName(card.tier)))</b>\(HTML.text(strings["tier"]))</div>"
    var rankText = "\(place.rank) / \(analysis.placements.count)"
    if analysis.robustness.units.indices.contains(place.index) {
      let unit = analysis.robustness.units[place.index]
      rankText += " (\(unit.rank5)–\(unit.rank95))"
    }
    body += "<div class=\"figure\"><b>\(HTML.text(rankText))</b>\(HTML.text(strings["rank"]))</div></section>"

    body += "<section class=\"explain\" id=\"why-tier\"><h2>\(HTML.text(strings["whyTier"]))</h2><ul>"
    body += tierExplanation(card).map { "<li>\(HTML.text($0))</li>" }.joined() + "</ul></section>"

    body += "<h2>\(HTML.text(strings["sections"]))</h2>"
    let medians = regionMedians(of: card)
    var sectionRows: [[String]] = []
    for (position, section) in rubric.sections.enumerated() where section.parent == nil {
      let result = card.sections[position]
      let share = result.max > 0 ? percentColumn(result.earned / result.max) : "—"
      let median = medians[section.id].map(percentColumn) ?? "—"
      sectionRows.append([
        HTML.text("\(section.id) \(section.title)"), fixed2(result.earned), fixed2(result.max), share, median,
      ])
    }
    body += table(
      [strings["sections"], strings["points"], strings["max"], "%", strings["cohortMedian"]], sectionRows,
      numeric: [1, 2, 3, 4], nowrap: [0])
    body += sectionChart(card, place: place, medians: medians)

    body += "<h2>\(HTML.text(strings["criteria"]))</h2>"
    var criterionRows: [[String]] = []
    for (index, criterion) in rubric.criteria.enumerated() {
      let outcome = card.criteria[index]
      let lost = outcome.status == .notApplicable ? 0 : criterion.points - outcome.points
      criterionRows.append([
        HTML.text("\(criterion.isKey ? "★" : "")\(criterion.id) \(criterion.title)"), fixed2(outcome.points),
        fixed2(criterion.points), fixed2(lost), HTML.text(reason(outcome, criterion: criterion)),
      ])
    }
    body += table(
      [strings["criterion"], strings["points"], strings["max"], strings["lost"], strings["reason"]], criterionRows,
      numeric: [1, 2, 3], cards: true)

    body += "<h2>\(HTML.text(strings["partners"]))</h2>"
    let partnerships = analysis.partners[place.index] ?? []
    if partnerships.isEmpty {
      body += "<p>\(HTML.text(strings["noPartners"]))</p>"
    }
    for partnership in partnerships {
      let partner = result.scorecards[partnership.partnerIndex]
      body +=
        "<h3><a href=\"\(HTML.attribute(unitPageName(partner.unit.id)))\">\(HTML.text(partner.unit.name))</a>"
        + " (\(HTML.text(partner.unit.id)) · \(HTML.text(strings["preference.\(partnership.preference.rawValue)"])))</h3>"
      let shown = partnership.lessons.prefix(Self.lessonsShown)
      body += table(
        [strings["lessons"], strings["points"], strings["partnerPoints"], strings["gain"]],
        shown.map { lesson in
          [
            HTML.text(criterionLabel(lesson.criterion)), fixed2(lesson.unitPoints), fixed2(lesson.partnerPoints),
            "+" + fixed2(lesson.gain),
          ]
        }, numeric: [1, 2, 3])
      if partnership.lessons.count > shown.count {
        body +=
          "<p class=\"meta\">\(HTML.text(strings.format("moreLessons", String(partnership.lessons.count - shown.count))))</p>"
      }
    }
    return document(title: "\(card.unit.name) · \(title)", body: body)
  }

  /// The lessons shown for each partner: those with the most to gain.
  static let lessonsShown = 3

  /// The unit's share of each top-level section beside its region's median and its first learning partner.
  private func sectionChart(_ card: Scorecard, place: Placement, medians: [String: Double]) -> String {
    let tops = result.rubric.sections.enumerated().filter { $0.element.parent == nil }
    func shares(_ other: Scorecard) -> [Double] {
      tops.map { position, _ in
        let section = other.sections[position]
        return section.max > 0 ? section.earned / section.max : .nan
      }
    }
    var series = [(label: card.unit.name.isEmpty ? card.unit.id : card.unit.name, values: shares(card))]
    series.append((label: strings["cohortMedian"], values: tops.map { medians[$0.element.id] ?? .nan }))
    if let partner = analysis.partners[place.index]?.first {
      let other = result.scorecards[partner.partnerIndex]
      series.append((label: other.unit.name.isEmpty ? other.unit.id : other.unit.name, values: shares(other)))
    }
    return "<figure><figcaption>\(HTML.text(strings["sectionChart"]))</figcaption>"
      + Chart.groupedBars(
        categories: tops.map(\.element.title), series: series, title: strings["sectionChart"],
        description: strings["sectionChartDesc"], style: Self.chartStyle) + "</figure>"
  }

  /// Why a criterion lost points: its status, the level chosen, experts lowering it or disagreeing.
  private func reason(_ outcome: CriterionResult, criterion: Criterion) -> String {
    switch outcome.status {
    case .notApplicable: return strings["notApplicable"]
    case .missing: return strings["missing"]
    case .insufficientEvidence: return strings["insufficientEvidence"]
    case .scored: break
    }
    var parts: [String] = []
    if outcome.points < criterion.points - scoringEpsilon, let level = outcome.selfAnswer.level {
      parts.append("\(strings["levelChosen"]) \(level)")
    }
    let reviewed = outcome.reviews.map(\.points)
    if let low = reviewed.min(), let high = reviewed.max(),
      high - low > analysis.options.disagreement * criterion.points + scoringEpsilon
    {
      parts.append(strings["disagreement"] + strings.format("range", fixed2(low), fixed2(high)))
    }
    if parts.isEmpty && outcome.points < criterion.points - scoringEpsilon {
      let answer = outcome.selfAnswer
      if let value = answer.value {
        parts.append("\(strings["valueGiven"]) \(submittedValue(value, criterion: criterion))")
      } else if let checks = answer.checks {
        parts.append("\(strings["itemsDone"]) \(checks.count)")
      } else if answer.points != nil {
        parts.append(strings["judged"])
      }
    }
    if outcome.points < outcome.selfPoints - scoringEpsilon {
      parts.append("\(strings["reviewedDown"]) \(fixed2(outcome.selfPoints)) → \(fixed2(outcome.points))")
    }
    return parts.joined(separator: strings["separator"])
  }

  /// The median share of each top-level section among the units of `card`'s region.
  private func regionMedians(of card: Scorecard) -> [String: Double] {
    guard
      let cohort = analysis.cohorts.first(where: { $0.cohort == .region && $0.value == card.unit.region })
    else { return [:] }
    var medians: [String: Double] = [:]
    for share in cohort.sections {
      if let median = share.median { medians[share.section] = median }
    }
    return medians
  }
}
