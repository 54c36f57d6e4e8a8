import PilotEvalCore

extension ReportSite {
  /// The first screen of `index.html`: the four questions a leader asks, answered in a few generated sentences
  /// — who leads and why, who lags and whom they should learn from, whether the gap is closing, how sure the
  /// numbers are.
  func answers() -> String {
    var html = "<section class=\"answers\" id=\"answers\">"
    html += "<p class=\"overview\">\(HTML.text(overviewSentence()))</p>"
    html += question("q.lead", leaders())
    html += question("q.lag", laggardGroups())
    html += question("q.gap", gapVerdict())
    html += question("q.trust", trust())
    return html + "</section>"
  }

  private func question(_ key: String, _ content: String) -> String {
    "<div class=\"answer\"><h2 class=\"question\">\(HTML.text(strings[key]))</h2>\(content)</div>"
  }

  // MARK: - Overview

  /// Units scored, per tier, and the files rejected.
  func overviewSentence() -> String {
    let tiers = analysis.overall.tiers.filter { $0.count > 0 }.map {
      strings.format("tierCount", tierName($0.tier), String($0.count))
    }
    var text = strings.format(
      "overview", String(analysis.overall.units), tiers.joined(separator: strings["listSeparator"]))
    text += strings["sentenceGap"]
    text +=
      result.rejected.isEmpty ? strings["rejectedNone"] : strings.format("rejectedSome", String(result.rejected.count))
    return text
  }

  // MARK: - Who leads

  private func leaders() -> String {
    let exemplars = analysis.exemplars.exemplars
    guard !exemplars.isEmpty else {
      return "<p>\(HTML.text(strings.format("noExemplar", analysis.exemplars.topTier?.name ?? "—")))</p>"
    }
    let robust = exemplars.filter(analysis.isRobust).count
    var html = "<p>\(HTML.text(strings.format("exemplarLead", String(exemplars.count), String(robust))))</p>"
    html += "<ol class=\"exemplars\">"
    for exemplar in exemplars {
      let card = result.scorecards[exemplar.index]
      let strengths = strongestSections(card).map { strings.format("strength", $0.title, $0.points) }
      let why = strengths.isEmpty ? strings["noStrength"] : strengths.joined(separator: strings["listSeparator"])
      html += "<li><a class=\"name\" href=\"units/\(HTML.attribute(unitPageName(card.unit.id)))\">"
      html += "\(HTML.text(displayName(card)))</a> <span class=\"score\">\(fixed2(card.score))</span>"
      if !analysis.isRobust(exemplar) { html += HTML.text(strings["notRobust"]) }
      html += " <span class=\"why\">\(HTML.text(why))</span></li>"
    }
    return html + "</ol>"
  }

  /// The top-level sections where `card`'s share is furthest above the median share of all units (at most
  /// two, only those above it), with the margin in whole percentage points.
  func strongestSections(_ card: Scorecard) -> [(title: String, points: String)] {
    let medians = Dictionary(
      analysis.overall.sections.compactMap { share in share.median.map { (share.section, $0) } }
    ) { first, _ in first }
    var margins: [(title: String, margin: Double, order: Int)] = []
    for (position, section) in result.rubric.sections.enumerated() where section.parent == nil {
      let earned = card.sections[position]
      guard earned.max > 0, let median = medians[section.id] else { continue }
      let margin = (earned.earned / earned.max - median) * 100
      if margin >= 0.5 { margins.append((section.title.isEmpty ? section.id : section.title, margin, position)) }
    }
    return margins.sorted { ($0.margin, -$0.order) > ($1.margin, -$1.order) }.prefix(2).map {
      ($0.title, fixed($0.margin, places: 0))
    }
  }

  // MARK: - Who lags

  /// Units in the lowest tier or vetoed, in rank order (with a single tier, only the vetoed ones).
  func laggards() -> [Placement] {
    let lowest = result.rubric.tiers.count > 1 ? result.rubric.lowestTier?.id : nil
    return analysis.placements.filter { place in
      let card = result.scorecards[place.index]
      return card.vetoed || (lowest != nil && card.tier == lowest)
    }
  }

  /// Laggards grouped by their first learning partner, the groups in the partner's rank order, with the
  /// criteria where the group gains most from that partner.
  func laggardGroups() -> String {
    let lagging = laggards()
    let lowest = result.rubric.lowestTier?.name ?? "—"
    guard !lagging.isEmpty else { return "<p>\(HTML.text(strings.format("noLaggard", lowest)))</p>" }
    var html = "<p>\(HTML.text(strings.format("laggardLead", String(lagging.count), lowest)))</p><ul class=\"groups\">"
    var groups: [Int: [(learner: Int, pair: Partnership)]] = [:]
    var alone: [Scorecard] = []
    for place in lagging {
      if let first = analysis.partners[place.index]?.first {
        groups[first.partnerIndex, default: []].append((place.index, first))
      } else {
        alone.append(result.scorecards[place.index])
      }
    }
    let rankOf = Dictionary(uniqueKeysWithValues: analysis.placements.map { ($0.index, $0.rank) })
    for partner in groups.keys.sorted(by: { (rankOf[$0] ?? 0, $0) < (rankOf[$1] ?? 0, $1) }) {
      let members = groups[partner] ?? []
      let model = result.scorecards[partner]
      let names = members.map { member in
        let card = result.scorecards[member.learner]
        return "<a href=\"units/\(HTML.attribute(unitPageName(card.unit.id)))\">\(HTML.text(displayName(card)))</a>"
      }
      let modelLink =
        "<a class=\"name\" href=\"units/\(HTML.attribute(unitPageName(model.unit.id)))\">"
        + "\(HTML.text(displayName(model)))</a>"
      html += "<li>" + strings.format("learnFrom", modelLink, names.joined(separator: strings["listSeparator"]))
      let focus = groupFocus(members.map(\.pair)).map { item in
        item.units > 1
          ? strings.format("gainPointsGroup", item.title, fixed2(item.gain), String(item.units))
          : strings.format("gainPoints", item.title, fixed2(item.gain))
      }
      if !focus.isEmpty {
        html += "<br><span class=\"why\">"
        html += HTML.text(strings.format("focus", focus.joined(separator: strings["listSeparator"]))) + "</span>"
      }
      html += "</li>"
    }
    if !alone.isEmpty {
      let names = alone.map(displayName).joined(separator: strings["listSeparator"])
      html += "<li>\(HTML.text(strings.format("noPartnerFor", names)))</li>"
    }
    return html + "</ul>"
  }

  /// The three criteria with the largest total gain over a group's lessons (ties in rubric order), each with
  /// the number of the group's units that gain there.
  func groupFocus(_ members: [Partnership]) -> [(title: String, gain: Double, units: Int)] {
    var totals: [String: Double] = [:]
    var units: [String: Int] = [:]
    for member in members {
      for lesson in member.lessons {
        totals[lesson.criterion, default: 0] += lesson.gain
        units[lesson.criterion, default: 0] += 1
      }
    }
    let order = Dictionary(
      result.rubric.criteria.enumerated().map { ($0.element.id, $0.offset) }
    ) { first, _ in first }
    return totals.filter { $0.value > scoringEpsilon }
      .sorted { ($0.value, -(order[$0.key] ?? 0)) > ($1.value, -(order[$1.key] ?? 0)) }
      .prefix(3)
      .map { id, gain in
        (result.rubric.criterion(id).map { "\(id) \($0.title)" } ?? id, gain, units[id] ?? 0)
      }
  }

  // MARK: - Is the gap closing

  private func gapVerdict() -> String {
    guard let trend else { return "<p>\(HTML.text(strings["gapOneRound"]))</p>" }
    var html = "<p class=\"verdict sigma\">\(HTML.text(trend.sigmaSentence(words: strings)))</p>"
    let beta = trend.overallBeta.map { trend.betaSentence($0, words: strings) } ?? strings["noBeta"]
    html +=
      "<p class=\"verdict beta\">\(HTML.text(beta)) <a href=\"trends.html\">\(HTML.text(strings["seeTrends"]))</a></p>"
    return html
  }

  // MARK: - How sure

  /// The panel's reliability as one phrase with its figure: the reliability of the panel mean
  /// (ICC(·,k)) read on Koo & Li's bands (≥ 0.9 excellent, ≥ 0.75 good, ≥ 0.5 moderate).
  func panelPhrase() -> String {
    guard let icc = analysis.panel.headlineICC.average.number else { return strings["trust.none"] }
    let key = icc >= 0.9 ? "trust.high" : icc >= 0.75 ? "trust.good" : icc >= 0.5 ? "trust.moderate" : "trust.poor"
    return strings.format(key, fixed2(icc))
  }

  /// Raters whose mean deviation from the rest of their panel is at least this many points.
  static let clearDeviation = 3.0

  private func trust() -> String {
    var html = "<p class=\"panel-phrase\">\(HTML.text(panelPhrase()))</p>"
    let flagged = analysis.panel.raterDeviations.compactMap { deviation -> String? in
      guard let value = deviation.meanDeviation.number, abs(value) >= Self.clearDeviation else { return nil }
      return strings.format(value > 0 ? "lenient" : "harsh", deviation.rater, fixed2(abs(value)))
    }
    var details: [String] = []
    if !flagged.isEmpty {
      details.append(
        strings.format(
          "trust.raters", formatted(Self.clearDeviation), flagged.joined(separator: strings["listSeparator"])))
    }
    details.append(robustnessSentence())
    let overstating = analysis.selfAssessment.overstating.count
    if overstating > 0 {
      details.append(
        strings.format("trust.self", String(overstating), formatted(analysis.selfAssessment.threshold)))
    }
    html += "<p class=\"details\">\(HTML.text(details.joined(separator: strings["sentenceGap"])))</p>"
    return html
  }

  /// How the rank intervals were drawn, in the report's language.
  func robustnessSentence() -> String {
    let options = analysis.robustness.options
    return strings.format(
      "trust.robust", String(options.draws), fixed(options.weightNoise * 100, places: 0),
      options.resampleReviewers ? strings["resampled"] : "", String(options.seed))
  }

  /// A unit's name, or its id when it has none.
  func displayName(_ card: Scorecard) -> String {
    card.unit.name.isEmpty ? card.unit.id : card.unit.name
  }
}
