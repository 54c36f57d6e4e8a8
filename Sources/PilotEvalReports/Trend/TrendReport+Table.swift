public import PilotEvalCore

extension TrendReport {
  /// The comparison of rounds for a terminal, in `language`: rubric changes, dispersion per round with the σ
  /// verdict, the β slope per pair with its interval, tier migration, the most improved, stalled laggards, and
  /// the partner effect.
  public func table(in language: Language = .zh) -> String {
    let words = ReportStrings(language: language == .en ? .en : .zh)
    let zh = words.language == .zh
    var out = words.format("t.trendTitle", rounds.map(sanitized).joined(separator: " → ")) + "\n"
    out += words.format("t.basis", words[basis == .points ? "t.basis.points" : "t.basis.percent"]) + "\n"
    out += words.format("t.unitsSeen", String(units.count), String(unitsInEveryRound)) + "\n\n"

    out += "== \(words["rubricChanges"])\n"
    if rubricChanges.isEmpty { out += "  \(words["t.oneRound"])\n" }
    for change in rubricChanges {
      out += "  \(sanitized(change.from)) → \(sanitized(change.to))" + (zh ? "" : " ")
      out +=
        zh
        ? "（\(sanitized(change.fromRubric)) → \(sanitized(change.toRubric))）："
        : "(\(sanitized(change.fromRubric)) → \(sanitized(change.toRubric))): "
      out += changeDescription(change, words: words).map(sanitized).joined(separator: words["separator"]) + "\n"
    }
    out += "\n"

    out += words.format("t.dispersion", words[basis == .points ? "basis.points" : "basis.percent"]) + "\n"
    var spread = TextTable(columns: [
      (words["round"], .left), ("n", .right), (words["mean"], .right), (words["sd"], .right),
      (zh ? words["cv"] : "CV", .right),
      (words["gini"], .right), (words["theil"], .right), (words["t.between"], .right), (words["t.within"], .right),
    ])
    for entry in dispersion {
      spread.append([
        sanitized(entry.round), String(entry.count), fixed2(entry.mean), fixed2(entry.standardDeviation),
        fixed(entry.coefficientOfVariation, places: 4), fixed(entry.gini, places: 4), fixed(entry.theil, places: 4),
        fixed(entry.theilBetween, places: 4), fixed(entry.theilWithin, places: 4),
      ])
    }
    out += spread.render()
    out += words.format("t.sigma", words[Self.verdictKey(sigma.verdict.rawValue)], sigmaSentence(words: words)) + "\n\n"

    out += words["t.beta"] + "\n"
    out += betaTable(words)
    out += sanitized(overallBeta.map { betaSentence($0, words: words) } ?? words["noBeta"]) + "\n"
    for entry in beta {
      guard let caveat = entry.caveat(words, resamples: options.resamples) else { continue }
      out += "  \(sanitized(entry.from)) → \(sanitized(entry.to))\(zh ? "：" : ": ")\(sanitized(caveat))\n"
    }
    out += "\n"

    for migration in migrations {
      out += words.format("t.migration", sanitized(migration.from), sanitized(migration.to)) + "\n"
      var matrix = TextTable(
        columns: [(words["t.fromTo"], .left)] + migration.tiers.map { (sanitized($0), TextTable.Alignment.right) })
      for (row, tier) in migration.tiers.enumerated() {
        let counts = migration.tiers.indices.map { column in
          migration.counts.indices.contains(row) && migration.counts[row].indices.contains(column)
            ? String(migration.counts[row][column]) : "–"
        }
        matrix.append([sanitized(tier)] + counts)
      }
      out += matrix.render()
      out +=
        words.format(
          "migrationSummary", String(migration.movedUp), String(migration.movedDown), sanitized(migration.from),
          String(migration.left), sanitized(migration.to), String(migration.entered)) + "\n\n"
    }

    out += words["t.mostImproved"] + "\n"
    out += unitTable(mostImproved, showRankChange: true, words: words)
    out += "\n" + words.format("t.stalled", formatted(options.stallThreshold)) + "\n"
    out += unitTable(stalledLaggards, showRankChange: false, words: words)

    out += "\n\(words["t.partnerEffect"])\n"
    if partnerEffects.isEmpty { out += "  \(words["t.oneRound"])\n" }
    for effect in partnerEffects {
      let difference = effect.difference.map { signed($0) } ?? words["t.noStratum"]
      out +=
        "  "
        + words.format(
          "t.effectLine", sanitized(effect.from), sanitized(effect.to), words["source.\(effect.source.rawValue)"],
          String(effect.paired.count), Self.mean(effect.paired, words), String(effect.unpaired.count),
          Self.mean(effect.unpaired, words), difference, String(effect.strata.count), String(effect.unmatched)) + "\n"
      if let interval = effect.intervalText(words, resamples: options.resamples) { out += "    \(interval)\n" }
      if !effect.strata.isEmpty {
        var strata = TextTable(columns: [
          (words["tier"], .left), (words["t.cohort"], .left), (words["t.withN"], .right),
          (words["meanImprovement"], .right), (words["t.withoutN"], .right), (words["meanImprovement"], .right),
          (words["difference"], .right),
        ])
        for stratum in effect.strata {
          let cohort =
            ["region", "level"].contains(stratum.cohort) ? words["cohort.\(stratum.cohort)"] : stratum.cohort
          strata.append([
            sanitized(stratum.tier), "\(sanitized(cohort)) \(sanitized(stratum.value))",
            String(stratum.paired.count), signed(stratum.paired.meanImprovement), String(stratum.unpaired.count),
            signed(stratum.unpaired.meanImprovement),
            signed(stratum.paired.meanImprovement - stratum.unpaired.meanImprovement),
          ])
        }
        out += strata.render().split(separator: "\n", omittingEmptySubsequences: false).map {
          $0.isEmpty ? "" : "    " + $0
        }.joined(separator: "\n")
      }
    }
    out += "  \(words["observational"])\n"
    return out
  }

  /// The key of a σ or β verdict's short name (`verdict.converging` …).
  static func verdictKey(_ rawValue: String) -> String {
    rawValue == "not-defined" ? "verdict.notDefined" : "verdict.\(rawValue)"
  }

  /// The β slopes: rounds, n, periods, β with its interval and R², the verdict, then r and the corrected slope
  /// with its bootstrap interval; a slope that is not defined shows `—`.
  private func betaTable(_ words: ReportStrings) -> String {
    var slopes = TextTable(columns: [
      (words["pair"], .left), ("n", .right), (words["periods"], .right), ("β", .right), (words["t.ci"], .right),
      ("R²", .right), (words["verdict"], .left), ("r", .right), (words["uq.corrected"] + " β", .right),
      (words["t.correctedCI"], .right),
    ])
    for entry in beta {
      let defined = entry.verdict != .notDefined
      let interval = entry.correctedInterval.map {
        "[\(fixed($0.lower, places: 4)), \(fixed($0.upper, places: 4))]"
      }
      slopes.append([
        "\(sanitized(entry.from)) → \(sanitized(entry.to))", String(entry.count), String(entry.periods),
        defined ? fixed(entry.slope, places: 4) : "—",
        defined
          ? "\(confidenceLabel(entry.confidence))% [\(fixed(entry.lower, places: 4)), \(fixed(entry.upper, places: 4))]"
          : "—",
        defined ? fixed(entry.rSquared, places: 3) : "—", words[Self.verdictKey(entry.verdict.rawValue)],
        entry.r.number.map { fixed($0, places: 3) } ?? "—", entry.corrected.number.map { fixed($0, places: 4) } ?? "—",
        interval ?? "—",
      ])
    }
    return slopes.render()
  }

  /// A table of units named by index: id, name, region, first and last score, change (and rank change).
  private func unitTable(_ indexes: [Int], showRankChange: Bool, words: ReportStrings) -> String {
    guard !indexes.isEmpty else { return "  \(words["t.none"])\n" }
    var columns: [(String, TextTable.Alignment)] = [
      ("#", .right), (words["unit"], .left), (words["name"], .left), (words["region"], .left),
      (words["firstScore"], .right), (words["lastScore"], .right), (words["change"], .right),
    ]
    columns.append(showRankChange ? (words["rankChange"], .right) : (words["firstTier"], .left))
    var table = TextTable(columns: columns)
    for (position, index) in indexes.enumerated() {
      guard let unit = unit(at: index) else { continue }
      let ends = span(unit)
      var row = [
        String(position + 1), sanitized(unit.id), sanitized(unit.name),
        sanitized(unit.region.isEmpty ? "—" : unit.region),
        ends.map { fixed2($0.first) } ?? "—", ends.map { fixed2($0.last) } ?? "—",
        unit.change.map { signed($0) } ?? "—",
      ]
      if showRankChange {
        row.append(unit.rankChange.map { signed($0) } ?? "—")
      } else {
        row.append(sanitized(unit.tiers.first { $0 != nil }.flatMap { $0 } ?? "—"))
      }
      table.append(row)
    }
    return table.render()
  }
}

extension TrendReport {
  /// What changed between two rounds' rubrics, one phrase per kind of change, in `words`' language.
  func changeDescription(_ change: RubricChange, words: ReportStrings) -> [String] {
    guard !change.isUnchanged else { return [words["unchanged"]] }
    var parts: [String] = []
    let comma = words.language == .zh ? "、" : ", "
    if !change.added.isEmpty { parts.append(words.format("added", change.added.joined(separator: comma))) }
    if !change.removed.isEmpty { parts.append(words.format("removed", change.removed.joined(separator: comma))) }
    if !change.repointed.isEmpty {
      let list = change.repointed.map { "\($0.id) \(formatted($0.from)) → \(formatted($0.to))" }
      parts.append(words.format("repointed", list.joined(separator: comma)))
    }
    if change.fromTotal != change.toTotal {
      parts.append(words.format("totalChanged", formatted(change.fromTotal), formatted(change.toTotal)))
    }
    if change.tiersChanged { parts.append(words["tiersChanged"]) }
    return parts
  }

  /// The σ verdict as a sentence, with the first and last coefficient of variation.
  func sigmaSentence(words: ReportStrings) -> String {
    let values = sigma.coefficientsOfVariation
    let first = values.first.map { fixed($0, places: 3) } ?? "—"
    let last = values.last.map { fixed($0, places: 3) } ?? "—"
    switch sigma.verdict {
    case .converging: return words.format("sigma.converging", first, last)
    case .diverging: return words.format("sigma.diverging", first, last)
    case .mixed: return words.format("sigma.mixed", first, last)
    case .notDefined:
      return sigma.reason.map { words.format("uq.sigmaNotDefined", words.reason($0)) } ?? words["sigma.notDefined"]
    }
  }

  /// The β verdict of one pair as a sentence, with the slope, its interval and the number of units.
  func betaSentence(_ entry: BetaConvergence, words: ReportStrings) -> String {
    let key: String
    switch entry.verdict {
    case .converging: key = "beta.converging"
    case .diverging: key = "beta.diverging"
    case .inconclusive: key = "beta.inconclusive"
    case .notDefined:
      guard let reason = entry.reason else {
        key = "beta.notDefined"
        break
      }
      return words.format("uq.betaNotDefined", entry.from, entry.to, words.reason(reason), String(entry.count))
    }
    return words.format(
      key, entry.from, entry.to, fixed(entry.slope, places: 3), confidenceLabel(entry.confidence),
      fixed(entry.lower, places: 3), fixed(entry.upper, places: 3), String(entry.count))
  }

  /// ", mean +1.23" for a group with units; nothing for an empty one (its mean means nothing).
  private static func mean(_ group: PartnerEffect.Group, _ words: ReportStrings) -> String {
    group.count == 0 ? "" : words.format("t.effectMean", signed(group.meanImprovement))
  }

  /// A confidence level as a percentage without noise: `0.95` → `95`, `0.975` → `97.5`.
  func confidenceLabel(_ level: Double) -> String {
    let tenths = (level * 1000).rounded()
    return tenths.truncatingRemainder(dividingBy: 10) == 0
      ? fixed(tenths / 10, places: 0) : fixed(tenths / 10, places: 1)
  }
}
