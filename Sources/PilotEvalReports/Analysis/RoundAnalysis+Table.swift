public import PilotEvalCore

extension RoundAnalysis {
  /// The analysis for a terminal: headline, exemplars, near misses, learning partners,
  /// expert panels and self-assessment, each as a short table.
  public func table(_ result: RoundResult) -> String {
    let cards = result.scorecards
    let rubric = result.rubric
    let words = ReportStrings(language: .en)
    var out = ""
    let tiers = overall.tiers.map { "\(result.tierLabel($0.tier)) \($0.count)" }.joined(separator: " · ")
    let robust = exemplars.exemplars.filter(isRobust).count
    out += "== 以先带后 analysis: \(rubric.title.isEmpty ? rubric.id : rubric.title) \(result.round ?? "")\n"
    out += "units \(overall.units) · median \(overall.medianScore.map(fixed2) ?? "—") · \(tiers)\n"
    out +=
      "exemplars \(exemplars.exemplars.count), robust \(robust) (top tier in ≥ \(formatted(options.robustShare * 100))% of draws, "
      + "allowing for Monte Carlo error: P − 1.96 SE ≥ \(formatted(options.robustShare * 100))%)\n"
    out += "\(robustness.description)\n\n"

    out += "== 示范单位 exemplars\n"
    var table = TextTable(columns: [
      ("名次 rank", .right), ("单位 unit", .left), ("名称 name", .left), ("地区 region", .left),
      ("得分 score", .right), ("名次区间 5–95%", .right), ("示范概率 P(top)", .right), ("± SE", .right),
      ("稳健 robust", .left),
    ])
    for exemplar in exemplars.exemplars {
      let card = cards[exemplar.index]
      let unit = robustness.units.indices.contains(exemplar.index) ? robustness.units[exemplar.index] : nil
      table.append([
        String(exemplar.rank), sanitized(card.unit.id), sanitized(card.unit.name), sanitized(card.unit.region ?? "—"),
        fixed2(card.score), unit.map { "\($0.rank5)–\($0.rank95)" } ?? "—",
        unit.map { fixed2($0.topTierProbability * 100) + "%" } ?? "—",
        unit.map { fixed2($0.topTierStandardError * 100) } ?? "—", robustness(of: exemplar).rawValue,
      ])
    }
    out += table.render() + "\n"

    if !exemplars.nearMisses.isEmpty {
      out += "== 差一步 near misses: what kept them out\n"
      for miss in exemplars.nearMisses {
        let card = cards[miss.index]
        let reasons = miss.reasons.map { $0.text(rubric: rubric, topTier: exemplars.topTier) }.joined(separator: "; ")
        out +=
          "  \(miss.rank). \(sanitized(card.unit.id)) \(sanitized(card.unit.name)) \(fixed2(miss.score)): \(reasons)\n"
      }
      out += "\n"
    }

    out += "== 结对帮扶 learning partners (up to \(options.partners.count); same region, then same level, then anywhere)\n"
    for place in placements {
      guard let chosen = partners[place.index], !chosen.isEmpty else { continue }
      let card = cards[place.index]
      let names = chosen.map { partnership -> String in
        let lessons = partnership.lessons.prefix(3).map { "\($0.criterion) +\(fixed2($0.gain))" }.joined(
          separator: ", ")
        return "\(sanitized(partnership.partner)) [\(partnership.preference.rawValue)] (\(lessons))"
      }
      let disagree = methodsDisagree(at: place.index) ? "  ⚠ DEA peers differ" : ""
      out += "  \(sanitized(card.unit.id)) → \(names.joined(separator: "; "))\(disagree)\n"
    }
    out += "  \(deaSentence(words))\n\n"

    out += "== 专家评审质量 expert panels\n"
    out += "  \(panel.agreementSentence(words))\n"
    out += "  \(panel.headlineReason)\n"
    var figures = TextTable(columns: [
      ("指标 statistic", .left), ("数值 value", .right), ("95% interval", .right), ("依据 based on", .left),
    ])
    for row in panel.statisticRows(words) { figures.append(row.map(sanitized)) }
    out += indented(figures.render())
    let flagged = panel.criteria.filter { !$0.needingConsensus.isEmpty }
    if !flagged.isEmpty {
      let list = flagged.map { "\($0.criterion) (\($0.needingConsensus.count))" }.joined(separator: ", ")
      out += "  consensus needed (range > \(formatted(options.disagreement * 100))% of points): \(list)\n"
    }
    if !panel.raterDeviations.isEmpty {
      out += "  \(words["uq.leniencyDesc"])\n"
      var leniency = TextTable(columns: [("专家 expert", .left), ("偏差 deviation", .right), ("n", .right)])
      for row in panel.leniencyRows(words) { leniency.append(row.map(sanitized)) }
      out += indented(leniency.render())
    }
    out += "\n== 自评准确性 self-assessment\n"
    out +=
      "  mean self − verified: \(selfAssessment.meanGap.map(fixed2) ?? "not defined (no unit was reviewed)") over \(selfAssessment.reviewed) reviewed units"
    out += " (\(selfAssessment.unreviewed) unreviewed)\n"
    if !selfAssessment.overstating.isEmpty {
      out +=
        "  overstating by > \(formatted(selfAssessment.threshold)): \(selfAssessment.overstating.map(sanitized).joined(separator: ", "))\n"
    }
    return out
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
