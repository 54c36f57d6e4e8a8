public import PilotEvalCore

extension RoundAnalysis {
  /// The analysis as JSON (keys documented in docs/ANALYTICS.md), one unit per line.
  public func jsonText(_ result: RoundResult) -> String {
    var json = JSONWriter(capacity: 1 << 16)
    let cards = result.scorecards
    let rubric = result.rubric
    json.raw("{\n  \"rubric\": ")
    json.beginObject()
    json.field("id", rubric.id)
    json.field("version", rubric.version)
    json.field("total", rubric.total)
    json.endObject()
    json.raw(",\n  \"round\": ")
    json.value(result.round)
    json.raw(",\n  \"options\": ")
    writeOptions(&json)
    json.raw(",\n  \"overall\": ")
    overall.write(to: &json)
    json.raw(",\n  \"cohorts\": [")
    for (index, cohort) in cohorts.enumerated() {
      json.raw(index == 0 ? "\n    " : ",\n    ")
      cohort.write(to: &json)
    }
    json.raw("\n  ],\n  \"exemplars\": [")
    for (index, exemplar) in exemplars.exemplars.enumerated() {
      json.raw(index == 0 ? "\n    " : ",\n    ")
      json.beginObject()
      json.field("unit", exemplar.unit)
      json.field("rank", exemplar.rank)
      json.field("score", exemplar.score)
      json.field("reviewers", exemplar.reviewers)
      if let cohortRank = exemplar.cohortRank { json.field("cohortRank", cohortRank) }
      if robustness.units.indices.contains(exemplar.index) {
        json.field("topTierProbability", robustness.units[exemplar.index].topTierProbability)
        json.field("topTierStandardError", robustness.units[exemplar.index].topTierStandardError)
      }
      json.field("robust", isRobust(exemplar))
      json.field("robustness", robustness(of: exemplar).rawValue)
      json.endObject()
    }
    json.raw("\n  ],\n  \"nearMisses\": [")
    for (index, miss) in exemplars.nearMisses.enumerated() {
      json.raw(index == 0 ? "\n    " : ",\n    ")
      json.beginObject()
      json.field("unit", miss.unit)
      json.field("rank", miss.rank)
      json.field("score", miss.score)
      json.key("reasons")
      json.beginArray()
      for reason in miss.reasons { reason.write(to: &json, rubric: rubric, topTier: exemplars.topTier) }
      json.endArray()
      json.endObject()
    }
    json.raw("\n  ],\n  \"units\": [")
    let exemplarIndexes = Set(exemplars.exemplars.map(\.index))
    for (position, place) in placements.enumerated() {
      json.raw(position == 0 ? "\n    " : ",\n    ")
      writeUnit(
        place, card: cards[place.index], isExemplar: exemplarIndexes.contains(place.index), cards: cards, to: &json)
    }
    json.raw("\n  ],\n  \"dea\": ")
    let dea = deaEfficientShare
    json.beginObject()
    json.field("efficient", dea.efficient)
    json.field("units", dea.units)
    dea.share.write("efficientShare", to: &json)
    json.endObject()
    json.raw(",\n  \"panel\": ")
    panel.write(to: &json)
    json.raw(",\n  \"selfAssessment\": ")
    selfAssessment.write(to: &json)
    json.raw("\n}\n")
    return String(decoding: json.bytes, as: UTF8.self)
  }

  private func writeOptions(_ json: inout JSONWriter) {
    json.beginObject()
    json.key("exemplars")
    json.beginObject()
    json.field("quota", options.exemplars.quota.map(\.text))
    json.field("minimumReviewers", options.exemplars.minimumReviewers)
    json.field("nearMargin", options.exemplars.nearMargin)
    json.endObject()
    json.key("robustness")
    json.beginObject()
    json.field("draws", options.robustness.draws)
    json.field("seed", Int(truncatingIfNeeded: options.robustness.seed))
    json.field("weightNoise", options.robustness.weightNoise)
    json.field("resampleReviewers", options.robustness.resampleReviewers)
    json.field("robustShare", options.robustShare)
    json.field("description", robustness.description)
    json.endObject()
    json.field("partners", options.partners.count)
    json.field("overstatement", options.overstatement)
    json.field("disagreement", options.disagreement)
    json.endObject()
  }

  private func writeUnit(
    _ place: Placement, card: Scorecard, isExemplar: Bool, cards: [Scorecard], to json: inout JSONWriter
  ) {
    json.beginObject()
    json.field("unit", card.unit.id)
    json.field("rank", place.rank)
    json.key("cohortRanks")
    place.cohortRanks.write(to: &json)
    json.field("score", card.score)
    json.field("selfScore", card.selfScore)
    json.field("tier", card.tier)
    json.field("exemplar", isExemplar)
    if robustness.units.indices.contains(place.index) {
      let unit = robustness.units[place.index]
      json.field("medianRank", unit.medianRank)
      json.field("rank5", unit.rank5)
      json.field("rank95", unit.rank95)
      json.field("topTierProbability", unit.topTierProbability)
      json.field("topTierStandardError", unit.topTierStandardError)
    }
    if peers.indices.contains(place.index) {
      json.field("deaEfficiency", peers[place.index].efficiency)
      json.field("deaPeers", peers[place.index].peers.map { cards[$0.unit].unit.id })
    }
    json.field("methodsDisagree", methodsDisagree(at: place.index))
    json.key("partners")
    json.beginArray()
    for partnership in partners[place.index] ?? [] {
      json.beginObject()
      json.field("unit", partnership.partner)
      json.field("preference", partnership.preference.rawValue)
      json.field("score", partnership.score)
      json.key("lessons")
      json.beginArray()
      for lesson in partnership.lessons {
        json.beginObject()
        json.field("criterion", lesson.criterion)
        json.field("unitPoints", lesson.unitPoints)
        json.field("partnerPoints", lesson.partnerPoints)
        json.field("gain", lesson.gain)
        json.endObject()
      }
      json.endArray()
      json.endObject()
    }
    json.endArray()
    json.endObject()
  }
}

extension ExemplarPolicy.CohortQuota {
  /// The quota as written on the command line: `region:2` or `level:10%`.
  public var text: String {
    switch limit {
    case .count(let count): "\(cohort.rawValue):\(count)"
    case .share(let share): "\(cohort.rawValue):\(formatted(share * 100))%"
    }
  }
}

extension KeptOutReason {
  func write(to json: inout JSONWriter, rubric: Rubric, topTier: Tier?) {
    json.beginObject()
    switch self {
    case .vetoed(let ids):
      json.field("rule", "veto")
      json.field("ids", ids)
    case .sectionFloor(let ids):
      json.field("rule", "section-floor")
      json.field("ids", ids)
    case .keyItemAtZero(let ids):
      json.field("rule", "key-item-at-zero")
      json.field("ids", ids)
    case .belowTopTier(let gap):
      json.field("rule", "below-top-tier")
      json.field("gap", gap)
    case .tooFewReviewers(let have, let need):
      json.field("rule", "too-few-reviewers")
      json.field("have", have)
      json.field("need", need)
    case .cohortQuota(let cohort, let value, let allowance):
      json.field("rule", "cohort-quota")
      json.field("cohort", cohort.rawValue)
      json.field("value", value)
      json.field("allowance", allowance)
    }
    json.field("text", text(rubric: rubric, topTier: topTier))
    json.endObject()
  }
}

extension CohortSummary {
  func write(to json: inout JSONWriter) {
    json.beginObject()
    json.field("cohort", cohort?.rawValue)
    json.field("value", value)
    json.field("units", units)
    json.key("tiers")
    json.beginObject()
    for count in tiers {
      json.key(dynamic: count.tier)
      json.value(count.count)
    }
    json.endObject()
    (medianScore.map(ReliabilityValue.value) ?? .notDefined("no unit in the cohort")).write("medianScore", to: &json)
    json.key("sections")
    json.beginArray()
    for share in sections {
      json.beginObject()
      json.field("section", share.section)
      (share.median.map(ReliabilityValue.value) ?? .notDefined("the section applies to no unit in the cohort"))
        .write("median", to: &json)
      json.field("units", share.units)
      json.endObject()
    }
    json.endArray()
    json.endObject()
  }
}

extension SelfAssessmentReport {
  func write(to json: inout JSONWriter) {
    json.beginObject()
    (meanGap.map(ReliabilityValue.value) ?? .notDefined("no unit was reviewed")).write("meanGap", to: &json)
    json.field("reviewed", reviewed)
    json.field("unreviewed", unreviewed)
    json.field("threshold", threshold)
    json.field("overstating", overstating)
    json.key("cohorts")
    json.beginArray()
    for cohort in cohorts {
      json.beginObject()
      json.field("cohort", cohort.cohort.rawValue)
      json.field("value", cohort.value)
      (cohort.meanGap.map(ReliabilityValue.value) ?? .notDefined("no unit of the cohort was reviewed"))
        .write("meanGap", to: &json)
      json.field("count", cohort.count)
      json.endObject()
    }
    json.endArray()
    json.endObject()
  }
}
