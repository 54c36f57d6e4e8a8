import PilotEvalCore

// The words that carry each figure's uncertainty, shared by the terminal tables and the report pages.

extension ReliabilityValue {
  /// The number with `places` decimals, or "not defined (reason)" in `words`' language.
  func text(_ words: ReportStrings, places: Int = 2) -> String {
    switch self {
    case .value(let number): fixed(number, places: places)
    case .notDefined(let reason): words.format("notDefined", words.reason(reason))
    }
  }
}

extension ICCEstimate {
  /// `ICC(1,1)`, `ICC(2,k)` …
  func label(average: Bool) -> String {
    "ICC(\(form == .twoWay ? "2" : "1"),\(average ? "k" : "1"))"
  }

  /// What the estimate rests on: units × experts (two-way, with the block search unless `search` is false), or
  /// units, experts and k₀.
  func basis(_ words: ReportStrings, search: Bool = true) -> String {
    switch form {
    case .twoWay:
      let block = words.format("uq.block", String(subjects), String(raters.count))
      guard search, let blockSearch else { return block }
      return block + (words.language == .zh ? "，" : ", ") + words["uq.search.\(blockSearch.rawValue)"]
    case .oneWay:
      return words.format("uq.oneWayBasis", String(subjects), String(raters.count), fixed(ratersPerSubject, places: 2))
    }
  }

  /// The interval of the single or average figure as `lower–upper`, or `—`.
  func intervalText(average: Bool) -> String {
    guard let interval = average ? averageInterval : singleInterval else { return "—" }
    return "\(fixed2(interval.lower))–\(fixed2(interval.upper))"
  }
}

/// Koo & Li's (2016) grades of a reliability coefficient, as a `ReportStrings` key.
func agreementGrade(_ value: Double) -> String {
  value >= 0.9
    ? "uq.grade.excellent" : value >= 0.75 ? "uq.grade.good" : value >= 0.5 ? "uq.grade.moderate" : "uq.grade.poor"
}

extension PanelReport {
  /// The leader's sentence on the headline model's ICC(·,k): grade, value, interval, and what it rests on,
  /// e.g. "专家评分一致性：良好（ICC(2,k) 0.80，95% 区间 0.62–0.91，17 个单位 × 2 位专家）".
  func agreementSentence(_ words: ReportStrings) -> String {
    let icc = headlineICC
    guard let value = icc.average.number else {
      return words.format("uq.panelNotDefined", words.reason(icc.average.reason ?? ""))
    }
    let grade = words[agreementGrade(value)]
    guard let interval = icc.averageInterval else {
      return words.format(
        "uq.panelLineNoInterval", grade, icc.label(average: true), fixed2(value), icc.basis(words, search: false))
    }
    var sentence = words.format(
      "uq.panelLine", grade, icc.label(average: true), fixed2(value), confidencePercent(interval.level),
      fixed2(interval.lower), fixed2(interval.upper), icc.basis(words, search: false))
    if agreementGrade(interval.lower) != agreementGrade(value) {
      let wide = words.format("uq.wide", fixed2(interval.lower), words[agreementGrade(interval.lower)])
      sentence =
        words.language == .zh ? String(sentence.dropLast()) + wide + "）" : String(sentence.dropLast()) + wide + ")"
    }
    return sentence
  }

  /// Why the headline model was chosen, in `words`' language (the core's `headlineReason` stays in JSON).
  func designSentence(_ words: ReportStrings) -> String {
    if subjects == 0 { return words["design.noSubjects"] }
    if raters < 2 { return words["design.oneRater"] }
    if panelCount == 1 {
      return twoWay.subjects >= 3
        ? words.format("design.samePanel", String(raters), String(subjects)) : words["design.samePanelFew"]
    }
    let design = words.format("design.differ", String(panelCount))
    guard twoWay.subjects >= 3 else { return design + words["design.noBlock"] }
    let search = twoWay.blockSearch.map { words["uq.search.\($0.rawValue)"] } ?? ""
    let block = twoWay.raters.joined(separator: words.language == .zh ? "、" : ", ")
    return design + words.format("design.block", block, String(twoWay.subjects), search)
  }

  /// One row per figure: statistic, value, interval, and what it rests on.
  func statisticRows(_ words: ReportStrings) -> [[String]] {
    var rows: [[String]] = []
    for icc in [oneWay, twoWay] {
      for average in [false, true] {
        rows.append([
          icc.label(average: average), (average ? icc.average : icc.single).text(words),
          icc.intervalText(average: average), icc.basis(words),
        ])
      }
    }
    rows.append([
      "Krippendorff α", alpha.text(words), "—",
      words.format("uq.alphaBasis", String(subjects), String(raters), String(ratings)),
    ])
    return rows
  }

  /// One row per expert: id, mean deviation (signed), the units it rests on.
  func leniencyRows(_ words: ReportStrings) -> [[String]] {
    raterDeviations.map { deviation in
      let value = deviation.meanDeviation.number.map { (value: Double) -> String in
        let text = fixed2(value)
        return value > 0 && text != "0.00" ? "+" + text : text
      }
      return [deviation.rater, value ?? deviation.meanDeviation.text(words), String(deviation.ratings)]
    }
  }
}

/// A confidence level as a percentage: `0.95` → `95`, `0.975` → `97.5`.
func confidencePercent(_ level: Double) -> String {
  let tenths = (level * 1000).rounded()
  return tenths.truncatingRemainder(dividingBy: 10) == 0 ? fixed(tenths / 10, places: 0) : fixed(tenths / 10, places: 1)
}

extension UnitRobustness {
  /// "top tier in 96.00% of draws (SE ± 0.62, robust)" in `words`' language.
  func topTierText(_ words: ReportStrings, robustShare: Double) -> String {
    words.format(
      "uq.topTier", fixed2(topTierProbability * 100), fixed2(topTierStandardError * 100),
      words["uq.verdict.\(verdict(robustShare: robustShare).rawValue)"])
  }
}

extension RoundAnalysis {
  /// How discriminating DEA was, as a sentence.
  func deaSentence(_ words: ReportStrings) -> String {
    let dea = deaEfficientShare
    guard let share = dea.share.number else {
      return words.format("uq.deaNotDefined", words.reason(dea.share.reason ?? ""))
    }
    return words.format("uq.dea", String(dea.units), String(dea.efficient), fixed(share * 100, places: 0))
  }
}

extension BetaConvergence {
  /// The regression-to-the-mean caveat, with r, the noise slope and the corrected slope with its interval;
  /// `nil` when β itself is not defined.
  func caveat(_ words: ReportStrings, resamples: Int) -> String? {
    guard verdict != .notDefined else { return nil }
    guard let r = r.number, let noise = noiseSlope.number, let value = corrected.number, let reliability else {
      let reason = corrected.reason ?? r.reason ?? ""
      return words.format("uq.betaCaveatNoR", words.reason(reason))
    }
    let interval = correctedInterval
    return words.format(
      "uq.betaCaveat", from, fixed(r, places: 3), String(reliability.subjects),
      fixed(reliability.ratersPerSubject, places: 2), fixed(noise, places: 3), fixed(value, places: 3),
      confidencePercent(interval?.level ?? confidence), interval.map { fixed($0.lower, places: 3) } ?? "—",
      interval.map { fixed($0.upper, places: 3) } ?? "—", String(resamples))
  }
}

extension PartnerEffect {
  /// The difference's bootstrap interval as a sentence, or `nil` without one.
  func intervalText(_ words: ReportStrings, resamples: Int) -> String? {
    guard let interval = differenceInterval else { return nil }
    let text = words.format(
      "uq.partnerInterval", confidencePercent(interval.level), signed(interval.lower), signed(interval.upper),
      String(resamples))
    guard singletonStrata > 0 else { return text }
    return text + words.format("uq.singletonStrata", String(singletonStrata), String(strata.count))
  }
}
