import PilotEvalCore

extension ReportSite {
  /// Why a unit has its tier and not the next: how the score is made up (bonus and deduction lines), the veto
  /// and who found it, the rule that held it below the tier its score reaches (a ★ key item at zero, a section
  /// below the floor), how far it is from the next tier and what would close the distance.
  func tierExplanation(_ card: Scorecard) -> [String] {
    let rubric = result.rubric
    var lines = [
      card.bonus > scoringEpsilon || card.deduction > scoringEpsilon
        ? strings.format(
          "scoreParts", fixed2(card.score), fixed2(card.base), fixed2(card.bonus), fixed2(card.deduction))
        : strings.format("scoreBaseOnly", fixed2(card.score))
    ]
    for bonus in card.bonuses where bonus.counted && bonus.points > scoringEpsilon {
      let title = rubric.bonuses.first { $0.id == bonus.id }?.title ?? ""
      lines.append(strings.format("bonusLine", bonus.id, title, fixed2(bonus.points)))
    }
    for deduction in card.deductions where deduction.counted && deduction.points > scoringEpsilon {
      let title = rubric.deductions.first { $0.id == deduction.id }?.title ?? ""
      lines.append(strings.format("deductionLine", deduction.id, title, fixed2(deduction.points)))
    }
    for veto in card.vetoes {
      let title = rubric.vetoes.first { $0.id == veto.id }?.title ?? ""
      let by =
        veto.fromData || veto.reviewers.isEmpty
        ? strings["vetoFromData"]
        : strings.format("vetoByExperts", veto.reviewers.joined(separator: strings["listSeparator"]))
      lines.append(strings.format("vetoLine", veto.id, title, by))
    }
    let shown = round2(card.score)
    if !card.vetoed, let reached = rubric.tiers.first(where: { TierRule.reaches($0, shown: shown) }),
      reached.id != card.tier
    {
      let reasons = card.blockedTiers.filter { $0.tier == reached.id }.map { blockText($0.reason, tier: reached, card) }
      if !reasons.isEmpty {
        lines.append(
          strings.format(
            "wouldReach", reached.name, reasons.joined(separator: strings["listSeparator"]), tierName(card.tier)))
      }
    }
    if card.vetoed { return lines }
    guard let position = rubric.tiers.firstIndex(where: { $0.id == card.tier }), position > 0 else {
      lines.append(strings.format("topReached", tierName(card.tier)))
      let strengths = strongestSections(card).map { strings.format("strength", $0.title, $0.points) }
      if !strengths.isEmpty {
        lines.append(strings.format("strengthsLine", strengths.joined(separator: strings["listSeparator"])))
      }
      return lines
    }
    let next = rubric.tiers[position - 1]
    let gap = next.min - shown
    if gap > scoringEpsilon {
      lines.append(strings.format("nextGap", next.name, formatted(next.min), fixed2(gap)))
      let losses = biggestLosses(card, covering: gap).map {
        strings.format("lostPoints", $0.title, fixed2($0.lost))
      }
      if !losses.isEmpty {
        lines.append(strings.format("closeWith", losses.joined(separator: strings["listSeparator"])))
      }
    }
    let needs = conditions(of: next, card)
    if !needs.isEmpty {
      lines.append(strings.format("alsoNeeds", next.name, needs.joined(separator: strings["listSeparator"])))
    }
    return lines
  }

  /// A rule that kept the unit out of `tier`, in words, naming the sections with their shares.
  private func blockText(_ reason: TierBlock.Reason, tier: Tier, _ card: Scorecard) -> String {
    switch reason {
    case .keyItemAtZero(let ids):
      return strings.format("reason.keyZero", ids.map(criterionLabel).joined(separator: strings["listSeparator"]))
    case .sectionFloor(let ids):
      let shares = ids.map { id in
        let position = result.rubric.sections.firstIndex { $0.id == id }
        let title = position.map { result.rubric.sections[$0].title } ?? id
        guard let position, card.sections[position].max > 0 else { return title }
        let section = card.sections[position]
        return strings.format("sectionShare", title, percent(section.earned / section.max))
      }
      return strings.format(
        "reason.floor", shares.joined(separator: strings["listSeparator"]), tier.name,
        percent(tier.sectionFloor ?? 0))
    case .veto: return strings["reason.veto"]
    }
  }

  /// What the unit must fix besides points to reach `tier`: ★ items at zero and sections below its floor, as
  /// the scoring engine's tier rule judges them.
  private func conditions(of tier: Tier, _ card: Scorecard) -> [String] {
    let rubric = result.rubric
    let rule = TierRule(rubric: rubric)
    let points = UnitPoints(
      sections: card.sections, topLevel: rule.topLevelSections, criteria: card.criteria, selfAssessed: false)
    var needs: [String] = []
    var zero: [String] = []
    rule.keyCriteriaAtZero(closing: tier, in: points) { criterion in
      zero.append(criterionLabel(rubric.criteria[criterion].id))
      return true
    }
    if !zero.isEmpty {
      needs.append(strings.format("fixKey", zero.joined(separator: strings["listSeparator"])))
    }
    rule.sectionsBelowFloor(of: tier, in: points) { slot in
      let section = rubric.sections[rule.topLevelSections[slot]]
      needs.append(
        strings.format("fixFloor", section.title.isEmpty ? section.id : section.title, percent(tier.sectionFloor ?? 0)))
      return true
    }
    return needs
  }

  /// The criteria where most points were lost, largest first, until they cover `gap` (at most three).
  func biggestLosses(_ card: Scorecard, covering gap: Double) -> [(title: String, lost: Double)] {
    let losses = result.rubric.criteria.indices.compactMap { index -> (Int, Double)? in
      let outcome = card.criteria[index]
      guard outcome.status != .notApplicable else { return nil }
      let lost = result.rubric.criteria[index].points - outcome.points
      return lost > scoringEpsilon ? (index, lost) : nil
    }.sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }
    var chosen: [(title: String, lost: Double)] = []
    var covered = 0.0
    for (index, lost) in losses where covered < gap - scoringEpsilon && chosen.count < 3 {
      chosen.append((criterionLabel(result.rubric.criteria[index].id), lost))
      covered += lost
    }
    return chosen
  }

  /// `C2.1 标准体系建设`, with ★ for a key item.
  func criterionLabel(_ id: String) -> String {
    guard let criterion = result.rubric.criterion(id) else { return id }
    return "\(criterion.isKey ? "★" : "")\(id) \(criterion.title)"
  }

  /// A share as a percentage for people: `0.7321428` → `73.21%`, `0.6` → `60%`.
  func percent(_ share: Double) -> String {
    plain(share * 100) + "%"
  }

  /// A share as a percentage with one decimal, for columns where figures sit one under another: `90.0%`.
  func percentColumn(_ share: Double) -> String {
    fixed(share * 100, places: 1) + "%"
  }

  /// A number for people: at most two decimals, no trailing zeros (`0.73`, `12.5`, `3`).
  func plain(_ value: Double) -> String {
    var text = fixed(value, places: 2)
    guard text.contains(".") else { return text }
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }

  /// A submitted value as people read it: a percentage when the criterion's scale or bands lie within 0…1
  /// (a ratio), else the number with at most two decimals.
  func submittedValue(_ value: Double, criterion: Criterion) -> String {
    let bounds: [Double]
    switch criterion.method {
    case .scale(let from, let to): bounds = [from, to]
    case .bands(let bands): bounds = bands.flatMap { [$0.min, $0.max].compactMap { $0 } }
    default: bounds = []
    }
    let ratio = !bounds.isEmpty && bounds.allSatisfy { $0 >= 0 && $0 <= 1 } && (0...1).contains(value)
    return ratio ? percent(value) : plain(value)
  }
}
