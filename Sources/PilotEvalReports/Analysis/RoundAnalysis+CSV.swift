public import PilotEvalCore

extension RoundAnalysis {
  /// One row per unit in rank order, for Excel: rank, unit, cohorts, scores, tier, exemplar and
  /// robustness figures (the top-tier probability with its Monte Carlo standard error), DEA efficiency, learning partners, and the self-assessment gap.
  public func csv(_ result: RoundResult) -> String {
    let cards = result.scorecards
    var writer = CSVWriter(header: [
      "rank", "unit", "name", "region", "level", "category", "score", "selfScore", "selfGap", "tier", "exemplar",
      "robust", "medianRank", "rank5", "rank95", "topTierProbability", "topTierStandardError",
      "robustness", "deaEfficiency", "partners",
    ])
    let exemplarByIndex = Dictionary(exemplars.exemplars.map { ($0.index, $0) }, uniquingKeysWith: { a, _ in a })
    for place in placements {
      let card = cards[place.index]
      let robustnessRow = robustness.units.indices.contains(place.index) ? robustness.units[place.index] : nil
      let exemplar = exemplarByIndex[place.index]
      let partnerList = (partners[place.index] ?? []).map { "\($0.partner) (\($0.preference.rawValue))" }
      writer.append([
        .integer(place.rank), .text(card.unit.id), .text(card.unit.name), .text(card.unit.region ?? ""),
        .text(card.unit.level ?? ""), .text(card.unit.category ?? ""), .number(card.score), .number(card.selfScore),
        .number(card.selfScore - card.score), .text(card.tier), .text(exemplar != nil ? "yes" : "no"),
        .text(exemplar.map { isRobust($0) ? "yes" : "no" } ?? ""),
        robustnessRow.map { .number($0.medianRank) } ?? .empty, robustnessRow.map { .integer($0.rank5) } ?? .empty,
        robustnessRow.map { .integer($0.rank95) } ?? .empty,
        robustnessRow.map { .number($0.topTierProbability) } ?? .empty,
        // Four decimals: a standard error of 0.0139 would read 0.01 with the two of `.number`.
        robustnessRow.map { .text(fixed($0.topTierStandardError, places: 4)) } ?? .empty,
        .text(exemplar.map { robustness(of: $0).rawValue } ?? ""),
        peers.indices.contains(place.index) ? .number(peers[place.index].efficiency) : .empty,
        .text(partnerList.joined(separator: "; ")),
      ])
    }
    return writer.render()
  }
}
