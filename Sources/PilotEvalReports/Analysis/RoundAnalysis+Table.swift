public import PilotEvalCore

extension RoundAnalysis {
  /// The analysis for a terminal, in `language`: headline, exemplars, near misses, learning partners, expert
  /// panels and self-assessment, each as a short table.
  public func table(_ result: RoundResult, in language: Language = .zh) -> String {
    let cards = result.scorecards
    let rubric = result.rubric
    let words = ReportStrings(language: language == .en ? .en : .zh)
    var out = ""
    let tiers = overall.tiers.map { entry -> String in
      let label =
        entry.tier == Scorecard.vetoedTier
        ? words["vetoed"]
        : rubric.tier(entry.tier).map { words.language == .zh ? $0.name : "\($0.name) \($0.id)" } ?? entry.tier
      return "\(sanitized(label)) \(entry.count)"
    }.joined(separator: " · ")
    let robust = exemplars.exemplars.filter(isRobust).count
    let share = formatted(options.robustShare * 100)
    out += words.format("t.analysisTitle", rubric.title.isEmpty ? rubric.id : rubric.title, result.round ?? "") + "\n"
    out += words.format("t.overview", String(overall.units), overall.medianScore.map(fixed2) ?? "—", tiers) + "\n"
    out += words.format("t.exemplarCount", String(exemplars.exemplars.count), String(robust), share) + "\n"
    let draws = options.robustness
    if !robustness.units.isEmpty {
      out +=
        words.format(
          "trust.robust", String(draws.draws), fixed(draws.weightNoise * 100, places: 0),
          draws.resampleReviewers ? words["resampled"] : "", String(draws.seed)) + "\n"
    }
    out += "\n"

    out += "== \(words["exemplars"])\n"
    var table = TextTable(columns: [
      (words["rank"], .right), (words["unit"], .left), (words["name"], .left), (words["region"], .left),
      (words["score"], .right), (words["interval"], .right), (words["t.pTop"], .right), (words["t.se"], .right),
      (words["robust"], .left),
    ])
    for exemplar in exemplars.exemplars {
      let card = cards[exemplar.index]
      let unit = robustness.units.indices.contains(exemplar.index) ? robustness.units[exemplar.index] : nil
      table.append([
        String(exemplar.rank), sanitized(card.unit.id), sanitized(card.unit.name), sanitized(card.unit.region ?? "—"),
        fixed2(card.score), unit.map { "\($0.rank5)–\($0.rank95)" } ?? "—",
        unit.map { fixed2($0.topTierProbability * 100) + "%" } ?? "—",
        unit.map { fixed2($0.topTierStandardError * 100) } ?? "—", verdictWord(robustness(of: exemplar), words),
      ])
    }
    out += table.render() + "\n"

    if !exemplars.nearMisses.isEmpty {
      out += words["t.nearMisses"] + "\n"
      for miss in exemplars.nearMisses {
        let card = cards[miss.index]
        let reasons = miss.reasons.map { $0.text(rubric: rubric, topTier: exemplars.topTier, language: words.language) }
          .joined(separator: words["separator"])
        let colon = words.language == .zh ? "：" : ": "
        out +=
          "  \(miss.rank). \(sanitized(card.unit.id)) \(sanitized(card.unit.name)) \(fixed2(miss.score))\(colon)\(reasons)\n"
      }
      out += "\n"
    }

    out += words.format("t.partners", String(options.partners.count)) + "\n"
    for place in placements {
      guard let chosen = partners[place.index], !chosen.isEmpty else { continue }
      let card = cards[place.index]
      let names = chosen.map { partnership -> String in
        let lessons = partnership.lessons.prefix(3).map { "\($0.criterion) +\(fixed2($0.gain))" }.joined(
          separator: words.language == .zh ? "，" : ", ")
        let preference = words["preference.\(partnership.preference.rawValue)"]
        return words.language == .zh
          ? "\(sanitized(partnership.partner))［\(preference)］（\(lessons)）"
          : "\(sanitized(partnership.partner)) [\(preference)] (\(lessons))"
      }
      let disagree = methodsDisagree(at: place.index) ? "  " + words["t.deaDiffer"] : ""
      out += "  \(sanitized(card.unit.id)) → \(names.joined(separator: words["separator"]))\(disagree)\n"
    }
    out += "  \(deaSentence(words))\n\n"

    out += "== \(words["panel"])\n"
    out += "  \(panel.agreementSentence(words))\n"
    out += "  \(panel.designSentence(words))\n"
    var figures = TextTable(columns: [
      (words["uq.statistic"], .left), (words["uq.value"], .right), (words.format("uq.intervalHeader", "95"), .right),
      (words["uq.basis"], .left),
    ])
    for row in panel.statisticRows(words) { figures.append(row.map(sanitized)) }
    out += indented(figures.render())
    let flagged = panel.criteria.filter { !$0.needingConsensus.isEmpty }
    if !flagged.isEmpty {
      let list = flagged.map {
        words.language == .zh
          ? "\($0.criterion)（\($0.needingConsensus.count)）" : "\($0.criterion) (\($0.needingConsensus.count))"
      }
      let joined = list.joined(separator: words.language == .zh ? "、" : ", ")
      out += "  " + words.format("t.consensus", formatted(options.disagreement * 100), joined) + "\n"
    }
    if !panel.raterDeviations.isEmpty {
      out += "  \(words["uq.leniencyDesc"])\n"
      var leniency = TextTable(columns: [
        (words["uq.expert"], .left), (words["uq.meanDeviation"], .right), ("n", .right),
      ])
      for row in panel.leniencyRows(words) { leniency.append(row.map(sanitized)) }
      out += indented(leniency.render())
    }
    out += "\n\(words["t.self"])\n"
    let gap = selfAssessment.meanGap.map(fixed2) ?? words["t.noReviewed"]
    out +=
      "  "
      + words.format(
        "t.meanGap", gap, String(selfAssessment.reviewed), String(selfAssessment.unreviewed)) + "\n"
    if !selfAssessment.overstating.isEmpty {
      let list = selfAssessment.overstating.map(sanitized).joined(separator: words.language == .zh ? "、" : ", ")
      out += "  " + words.format("t.overstating", formatted(selfAssessment.threshold), list) + "\n"
    }
    return out
  }

  /// A robustness verdict as one short word or phrase for a table cell.
  private func verdictWord(_ verdict: RobustnessVerdict, _ words: ReportStrings) -> String {
    verdict == .borderline ? words["uq.borderline"] : words["uq.verdict.\(verdict.rawValue)"]
  }

  /// `text` with every line indented by two spaces.
  private func indented(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(
      separator: "\n")
  }
}

extension String {
  init(format2 number: Double) {
    self = fixed2(number)
  }
}
