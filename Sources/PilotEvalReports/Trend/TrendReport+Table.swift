public import PilotEvalCore

extension TrendReport {
  /// The comparison of rounds for a terminal: rubric changes, dispersion per round with the σ verdict, the
  /// β slope per pair with its interval, tier migration, the most improved, stalled laggards, and the partner
  /// effect. Headings and column titles are in Chinese and English, sentences in English, as in the analysis.
  public func table() -> String {
    let words = ReportStrings(language: .en)
    var out = "== 多轮趋势 trends: \(rounds.map(sanitized).joined(separator: " → "))\n"
    let basisText =
      basis == .points
      ? "points (every round's rubric has the same total)"
      : "percent of the rubric total (totals differ between rounds)"
    out += "basis: \(basisText)\n"
    out += "units: \(units.count) seen, \(unitsInEveryRound) in every round\n\n"

    out += "== 评分细则变化 rubric changes\n"
    if rubricChanges.isEmpty { out += "  (one round: nothing to compare)\n" }
    for change in rubricChanges {
      out += "  \(sanitized(change.from)) → \(sanitized(change.to)) "
      out += "(\(sanitized(change.fromRubric)) → \(sanitized(change.toRubric))): "
      out += changeDescription(change, words: words).map(sanitized).joined(separator: "; ") + "\n"
    }
    out += "\n"

    out += "== 离散程度 dispersion (\(basis == .points ? "points" : "percent"))\n"
    var spread = TextTable(columns: [
      ("轮次 round", .left), ("n", .right), ("平均 mean", .right), ("标准差 SD", .right), ("CV", .right),
      ("Gini", .right), ("Theil", .right), ("= between", .right), ("+ within", .right),
    ])
    for entry in dispersion {
      spread.append([
        sanitized(entry.round), String(entry.count), fixed2(entry.mean), fixed2(entry.standardDeviation),
        fixed(entry.coefficientOfVariation, places: 4), fixed(entry.gini, places: 4), fixed(entry.theil, places: 4),
        fixed(entry.theilBetween, places: 4), fixed(entry.theilWithin, places: 4),
      ])
    }
    out += spread.render()
    out += "σ-convergence: \(sigma.verdict.rawValue). \(sigmaSentence(words: words))\n\n"

    out += "== β 收敛 β-convergence (growth per round regressed on the earlier score)\n"
    out += betaTable()
    out += sanitized(overallBeta.map { betaSentence($0, words: words) } ?? words["noBeta"]) + "\n"
    for entry in beta {
      guard let caveat = entry.caveat(words, resamples: options.resamples) else { continue }
      out += "  \(sanitized(entry.from)) → \(sanitized(entry.to)): \(sanitized(caveat))\n"
    }
    out += "\n"

    for migration in migrations {
      out +=
        "== 等级变化 tier migration \(sanitized(migration.from)) → \(sanitized(migration.to)) (rows: from, columns: to)\n"
      var matrix = TextTable(
        columns: [("from \\ to", .left)] + migration.tiers.map { (sanitized($0), TextTable.Alignment.right) })
      for (row, tier) in migration.tiers.enumerated() {
        let counts = migration.tiers.indices.map { column in
          migration.counts.indices.contains(row) && migration.counts[row].indices.contains(column)
            ? String(migration.counts[row][column]) : "–"
        }
        matrix.append([sanitized(tier)] + counts)
      }
      out += matrix.render()
      out += "moved up \(migration.movedUp) · moved down \(migration.movedDown) · "
      out += "left (scored in \(sanitized(migration.from)) only) \(migration.left) · "
      out += "entered (in \(sanitized(migration.to)) only) \(migration.entered)\n\n"
    }

    out += "== 进步最大 most improved (first round a unit appears in to the last)\n"
    out += unitTable(mostImproved, showRankChange: true)
    out += "\n== 停滞的后进单位 stalled laggards (lowest two tiers or vetoed at first; "
    out += "improved by less than \(formatted(options.stallThreshold)))\n"
    out += unitTable(stalledLaggards, showRankChange: false)

    out += "\n== 以先带后成效 partner effect\n"
    if partnerEffects.isEmpty { out += "  (one round: nothing to compare)\n" }
    for effect in partnerEffects {
      out += "  \(sanitized(effect.from)) → \(sanitized(effect.to)) (\(effect.source.rawValue) partners): "
      out += "with partners n = \(effect.paired.count)\(Self.mean(effect.paired)); "
      out += "without n = \(effect.unpaired.count)\(Self.mean(effect.unpaired)); "
      out += "difference within strata \(effect.difference.map { signed($0) } ?? "— (no stratum holds both kinds)")"
      out += " over \(effect.strata.count) strata, \(effect.unmatched) unmatched\n"
      if let interval = effect.intervalText(words, resamples: options.resamples) { out += "    \(interval)\n" }
      if !effect.strata.isEmpty {
        var strata = TextTable(columns: [
          ("等级 tier", .left), ("可比 cohort", .left), ("with n", .right), ("mean", .right), ("without n", .right),
          ("mean", .right), ("差异 difference", .right),
        ])
        for stratum in effect.strata {
          strata.append([
            sanitized(stratum.tier), "\(sanitized(stratum.cohort)) \(sanitized(stratum.value))",
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

  /// The β slopes: rounds, n, periods, β with its interval and R², the verdict, then r and the corrected slope
  /// with its bootstrap interval; a slope that is not defined shows `—`.
  private func betaTable() -> String {
    var slopes = TextTable(columns: [
      ("轮次 rounds", .left), ("n", .right), ("periods", .right), ("β", .right), ("CI", .right), ("R²", .right),
      ("结论 verdict", .left), ("r", .right), ("corrected β", .right), ("CI", .right),
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
        defined ? fixed(entry.rSquared, places: 3) : "—", entry.verdict.rawValue,
        entry.r.number.map { fixed($0, places: 3) } ?? "—", entry.corrected.number.map { fixed($0, places: 4) } ?? "—",
        interval ?? "—",
      ])
    }
    return slopes.render()
  }

  /// A table of units named by index: id, name, region, first and last score, change (and rank change).
  private func unitTable(_ indexes: [Int], showRankChange: Bool) -> String {
    guard !indexes.isEmpty else { return "  (none)\n" }
    var columns: [(String, TextTable.Alignment)] = [
      ("#", .right), ("单位 unit", .left), ("名称 name", .left), ("地区 region", .left), ("起点 first", .right),
      ("最近 last", .right), ("变化 change", .right),
    ]
    if showRankChange { columns.append(("名次变化 rank", .right)) } else { columns.append(("起点等级 tier", .left)) }
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
  private static func mean(_ group: PartnerEffect.Group) -> String {
    group.count == 0 ? "" : ", mean \(signed(group.meanImprovement))"
  }

  /// A confidence level as a percentage without noise: `0.95` → `95`, `0.975` → `97.5`.
  func confidenceLabel(_ level: Double) -> String {
    let tenths = (level * 1000).rounded()
    return tenths.truncatingRemainder(dividingBy: 10) == 0
      ? fixed(tenths / 10, places: 0) : fixed(tenths / 10, places: 1)
  }
}
