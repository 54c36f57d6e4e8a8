public import PilotEvalCore

extension TrendReport {
  /// The comparison of rounds as JSON, keys in camelCase like the analysis file, one unit per line.
  ///
  /// ```
  /// { "rounds": [round], "basis": "points" | "percent",
  ///   "options": {mostImproved, stallThreshold, confidence, seed, resamples},
  ///   "rubricChanges": [ {from, to, fromRubric, toRubric, unchanged, added: [id], removed: [id],
  ///                       repointed: [{id, from, to}], fromTotal, toTotal, tiersChanged} ],
  ///   "units": [ {unit, name, region, level, scores: [number|null], ranks: [int|null], tiers: [id|null],
  ///               hadPartners: [bool|null], exemplar: [bool|null], change, rankChange} ],
  ///   "mostImproved": [unit], "stalledLaggards": [unit],
  ///   "migrations": [ {from, to, tiers, counts: [[int]], left, entered, movedUp, movedDown} ],
  ///   "dispersion": [ {round, count, mean, standardDeviation, coefficientOfVariation, gini, theil,
  ///                    theilBetween, theilWithin, groups: [{region, count, mean, theil}]} ],
  ///   "sigma": {coefficientsOfVariation, change, verdict, notDefined?},
  ///   "beta": [ {from, to, periods, count, verdict, notDefined? | slope, intercept, standardError, lower, upper,
  ///              confidence, rSquared; regressionToMean: {r, subjects, raterCount, ratersPerSubject, noiseSlope,
  ///              corrected, correctedInterval}} ],
  ///   "partnerEffects": [ {from, to, source, paired: {count, meanImprovement}, unpaired: {…},
  ///                        strata: [{tier, cohort, value, paired, unpaired}], unmatched, difference,
  ///                        singletonStrata, differenceInterval} ] }
  /// ```
  ///
  /// `mostImproved` and `stalledLaggards` name units by id, in the report's order. A missing value (a round a
  /// unit has no scorecard in, a change of a unit seen once) is `null`; a figure that cannot be computed (the
  /// mean of an empty group, a difference with no stratum, an interval) is `{"notDefined": reason}`.
  /// Numbers are written as `JSONWriter` writes them, in their shortest exact form; the same report always
  /// gives the same bytes.
  public func jsonText() -> String {
    var json = JSONWriter(capacity: 1 << 14)
    json.raw("{\n  \"rounds\": ")
    json.value(rounds)
    json.raw(",\n  \"basis\": ")
    json.value(basis.rawValue)
    json.raw(",\n  \"options\": ")
    json.beginObject()
    json.field("mostImproved", options.mostImproved)
    json.field("stallThreshold", options.stallThreshold)
    json.field("confidence", options.confidence)
    json.field("seed", Int(truncatingIfNeeded: options.seed))
    json.field("resamples", options.resamples)
    json.endObject()
    json.raw(",\n  \"rubricChanges\": ")
    lines(rubricChanges, &json) { $1.write(to: &$0) }
    json.raw(",\n  \"units\": ")
    lines(units, &json) { $1.write(to: &$0) }
    json.raw(",\n  \"mostImproved\": ")
    json.value(mostImproved.compactMap { unit(at: $0)?.id })
    json.raw(",\n  \"stalledLaggards\": ")
    json.value(stalledLaggards.compactMap { unit(at: $0)?.id })
    json.raw(",\n  \"migrations\": ")
    lines(migrations, &json) { $1.write(to: &$0) }
    json.raw(",\n  \"dispersion\": ")
    lines(dispersion, &json) { $1.write(to: &$0) }
    json.raw(",\n  \"sigma\": ")
    json.beginObject()
    json.field("coefficientsOfVariation", sigma.coefficientsOfVariation)
    json.field("change", sigma.change)
    json.field("verdict", sigma.verdict.rawValue)
    if let reason = sigma.reason { json.field("notDefined", reason) }
    json.endObject()
    json.raw(",\n  \"beta\": ")
    lines(beta, &json) { $1.write(to: &$0) }
    json.raw(",\n  \"partnerEffects\": ")
    lines(partnerEffects, &json) { $1.write(to: &$0) }
    json.raw("\n}\n")
    return String(decoding: json.bytes, as: UTF8.self)
  }

  /// An array with one element per line, or `[]`.
  private func lines<T>(_ items: [T], _ json: inout JSONWriter, _ body: (inout JSONWriter, T) -> Void) {
    guard !items.isEmpty else { return json.raw("[]") }
    for (index, item) in items.enumerated() {
      json.raw(index == 0 ? "[\n    " : ",\n    ")
      body(&json, item)
    }
    json.raw("\n  ]")
  }
}

extension RubricChange {
  func write(to json: inout JSONWriter) {
    json.beginObject()
    json.field("from", from)
    json.field("to", to)
    json.field("fromRubric", fromRubric)
    json.field("toRubric", toRubric)
    json.field("unchanged", isUnchanged)
    json.field("added", added)
    json.field("removed", removed)
    json.key("repointed")
    json.beginArray()
    for entry in repointed {
      json.beginObject()
      json.field("id", entry.id)
      json.field("from", entry.from)
      json.field("to", entry.to)
      json.endObject()
    }
    json.endArray()
    json.field("fromTotal", fromTotal)
    json.field("toTotal", toTotal)
    json.field("tiersChanged", tiersChanged)
    json.endObject()
  }
}

extension UnitTrend {
  func write(to json: inout JSONWriter) {
    json.beginObject()
    json.field("unit", id)
    json.field("name", name)
    json.field("region", region)
    json.field("level", level)
    json.key("scores")
    json.beginArray()
    for score in scores { json.value(score ?? .nan) }
    json.endArray()
    json.key("ranks")
    json.beginArray()
    for rank in ranks {
      if let rank { json.value(rank) } else { json.value(nil as String?) }
    }
    json.endArray()
    json.key("tiers")
    json.beginArray()
    for tier in tiers { json.value(tier) }
    json.endArray()
    json.key("hadPartners")
    flags(hadPartners, to: &json)
    json.key("exemplar")
    flags(exemplar, to: &json)
    json.key("change")
    json.value(change ?? .nan)
    json.key("rankChange")
    if let rankChange { json.value(rankChange) } else { json.value(nil as String?) }
    json.endObject()
  }

  private func flags(_ values: [Bool?], to json: inout JSONWriter) {
    json.beginArray()
    for value in values {
      if let value { json.value(value) } else { json.value(nil as String?) }
    }
    json.endArray()
  }
}

extension TierMigration {
  func write(to json: inout JSONWriter) {
    json.beginObject()
    json.field("from", from)
    json.field("to", to)
    json.field("tiers", tiers)
    json.key("counts")
    json.beginArray()
    for row in counts {
      json.beginArray()
      for count in row { json.value(count) }
      json.endArray()
    }
    json.endArray()
    json.field("left", left)
    json.field("entered", entered)
    json.field("movedUp", movedUp)
    json.field("movedDown", movedDown)
    json.endObject()
  }
}

extension Dispersion {
  func write(to json: inout JSONWriter) {
    json.beginObject()
    json.field("round", round)
    json.field("count", count)
    json.field("mean", mean)
    json.field("standardDeviation", standardDeviation)
    json.field("coefficientOfVariation", coefficientOfVariation)
    json.field("gini", gini)
    json.field("theil", theil)
    json.field("theilBetween", theilBetween)
    json.field("theilWithin", theilWithin)
    json.key("groups")
    json.beginArray()
    for group in groups {
      json.beginObject()
      json.field("region", group.region)
      json.field("count", group.count)
      json.field("mean", group.mean)
      json.field("theil", group.theil)
      json.endObject()
    }
    json.endArray()
    json.endObject()
  }
}

extension BetaConvergence {
  func write(to json: inout JSONWriter) {
    json.beginObject()
    json.field("from", from)
    json.field("to", to)
    json.field("periods", periods)
    json.field("count", count)
    json.field("verdict", verdict.rawValue)
    if let reason {
      json.field("notDefined", reason)
    } else {
      json.field("slope", slope)
      json.field("intercept", intercept)
      json.field("standardError", standardError)
      json.field("lower", lower)
      json.field("upper", upper)
      json.field("confidence", confidence)
      json.field("rSquared", rSquared)
    }
    json.key("regressionToMean")
    json.beginObject()
    r.write("r", to: &json)
    json.field("subjects", reliability?.subjects ?? 0)
    json.field("raterCount", reliability?.raters.count ?? 0)
    json.field("ratersPerSubject", reliability?.ratersPerSubject ?? 0)
    noiseSlope.write("noiseSlope", to: &json)
    corrected.write("corrected", to: &json)
    writeInterval(
      "correctedInterval", correctedInterval, reason: corrected.reason ?? "fewer than half the resamples had a slope",
      to: &json)
    json.endObject()
    json.endObject()
  }
}

extension PartnerEffect {
  func write(to json: inout JSONWriter) {
    json.beginObject()
    json.field("from", from)
    json.field("to", to)
    json.field("source", source.rawValue)
    json.key("paired")
    paired.write(to: &json)
    json.key("unpaired")
    unpaired.write(to: &json)
    json.key("strata")
    json.beginArray()
    for stratum in strata {
      json.beginObject()
      json.field("tier", stratum.tier)
      json.field("cohort", stratum.cohort)
      json.field("value", stratum.value)
      json.key("paired")
      stratum.paired.write(to: &json)
      json.key("unpaired")
      stratum.unpaired.write(to: &json)
      json.endObject()
    }
    json.endArray()
    json.field("unmatched", unmatched)
    differenceValue.write("difference", to: &json)
    json.field("singletonStrata", singletonStrata)
    writeInterval(
      "differenceInterval", differenceInterval, reason: differenceValue.reason ?? "no resample gave a difference",
      to: &json)
    json.endObject()
  }
}

extension PartnerEffect.Group {
  func write(to json: inout JSONWriter) {
    json.beginObject()
    json.field("count", count)
    mean.write("meanImprovement", to: &json)
    json.endObject()
  }
}
