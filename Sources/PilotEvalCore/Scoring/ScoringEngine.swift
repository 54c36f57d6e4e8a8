/// Scores submissions against one rubric (SPEC §2 and §3).
///
/// The engine is a pure function of its inputs: the rubric, one accepted
/// submission and the accepted reviews of it. It never fails; checking that
/// the inputs are acceptable is `SubmissionChecker`'s and `ReviewChecker`'s job.
///
///     let engine = ScoringEngine(rubric: rubric)
///     let card = engine.score(submission, file: "sub-001.xml", reviews: reviews)
///     print(card.score, card.tier)
public struct ScoringEngine: Sendable {
  /// The rubric every submission is scored against.
  public let rubric: Rubric
  private let total: Double
  private let layout: CriterionLayout
  private let tierRule: TierRule

  /// Creates an engine for `rubric`.
  public init(rubric: Rubric) {
    self.rubric = rubric
    self.total = rubric.total
    self.layout = CriterionLayout(rubric: rubric)
    self.tierRule = TierRule(rubric: rubric)
  }

  /// Scores `submission`, with `reviews` (accepted reviews of it, in reading order).
  public func score(_ submission: Submission, file: String = "", reviews: [Review] = []) -> Scorecard {
    let reviewerIDs = reviews.map(\.reviewer)
    let lookup = AnswerLookup(rubric: rubric, submission: submission, reviews: reviews)
    var criteria = CriterionResults(layout: layout, reviewerIDs: reviewerIDs)
    var scratch = CriterionScratch(reviewers: reviews.count)
    rubric.criteria.withUnsafeBufferPointer { all in
      for index in all.indices {
        scoreCriterion(index, all[index], lookup: lookup, reviews: reviews, scratch: &scratch, into: &criteria)
      }
    }

    var applicableMax = 0.0
    var verifiedSum = 0.0
    var selfSum = 0.0
    for index in criteria.indices where criteria.status(at: index) != .notApplicable {
      applicableMax += rubric.criteria[index].points
      verifiedSum += criteria.points(at: index)
      selfSum += criteria.selfPoints(at: index)
    }
    let base = rescale(verifiedSum, applicableMax: applicableMax)
    let selfBase = rescale(selfSum, applicableMax: applicableMax)

    let bonuses = bonusResults(submission, reviews: reviews)
    let bonus = capped(sum(bonuses.filter(\.counted).map(\.points)), by: rubric.bonusCap)
    let selfBonus = capped(
      sum(zip(rubric.bonuses, bonuses).filter { $0.1.claimed }.map { $0.0.points }), by: rubric.bonusCap)

    let deductions = deductionResults(submission, reviews: reviews)
    let deduction = capped(sum(deductions.map(\.points)), by: rubric.deductionCap)
    let selfDeduction = capped(
      sum(zip(rubric.deductions, deductions).map { $0.0.points * $0.1.selfCount }), by: rubric.deductionCap)

    let ceiling = total + rubric.effectiveBonusCap
    let score = clamp(base + bonus - deduction, 0, ceiling)
    let selfScore = clamp(selfBase + selfBonus - selfDeduction, 0, ceiling)

    let sections = rubric.sections.map { section in
      var result = SectionResult(id: section.id, earned: 0, selfEarned: 0, max: 0)
      for index in section.criteria where criteria.status(at: index) != .notApplicable {
        result.earned += criteria.points(at: index)
        result.selfEarned += criteria.selfPoints(at: index)
        result.max += rubric.criteria[index].points
      }
      return result
    }

    let vetoes = vetoOutcomes(submission, reviews: reviews)
    let verified = tierRule.place(
      shown: round2(score), vetoes: vetoes.map(\.id),
      UnitPoints(sections: sections, topLevel: tierRule.topLevelSections, criteria: criteria, selfAssessed: false),
      rubric: rubric)
    let dataVetoes = vetoes.filter(\.fromData).map(\.id)
    let selfPlaced = tierRule.place(
      shown: round2(selfScore), vetoes: dataVetoes,
      UnitPoints(sections: sections, topLevel: tierRule.topLevelSections, criteria: criteria, selfAssessed: true),
      rubric: rubric)

    return Scorecard(
      unit: submission.unit, round: submission.round, file: file,
      score: score, selfScore: selfScore, base: base, selfBase: selfBase,
      bonus: bonus, selfBonus: selfBonus, deduction: deduction, selfDeduction: selfDeduction,
      applicableMax: applicableMax, tier: verified.tier, selfTier: selfPlaced.tier,
      blockedTiers: verified.blocks, vetoed: !vetoes.isEmpty, vetoes: vetoes,
      reviewers: reviewerIDs, sections: sections, criteria: criteria,
      bonuses: bonuses.filter(\.claimed), deductions: deductions.filter { $0.claimed || $0.counted })
  }

  // MARK: - Criteria

  private func scoreCriterion(
    _ index: Int, _ criterion: Criterion, lookup: AnswerLookup, reviews: [Review],
    scratch: inout CriterionScratch, into results: inout CriterionResults
  ) {
    scratch.views.removeAll(keepingCapacity: true)
    if criterion.isOptional, lookup.isNotApplicable(index) {
      for _ in reviews { scratch.views.append((0, .notApplicable, false)) }
      results.append(
        points: 0, selfPoints: 0, status: .notApplicable, selfStatus: .notApplicable, selfAnswer: Answer(),
        views: scratch.views)
      return
    }

    let own = unitAnswer(criterion, index: index, lookup: lookup)
    let (selfPoints, selfStatus) = evaluate(criterion, own)
    for review in reviews.indices {
      let (answer, changed) = apply(
        lookup.change(review: review, criterion: index),
        rejected: lookup.rejectedEvidence(review: review, criterion: index), to: own, criterion: criterion)
      let (points, status) = evaluate(criterion, answer)
      scratch.views.append((points, status, changed))
    }

    var points = selfPoints
    var status = selfStatus
    if !scratch.views.isEmpty {
      scratch.points.removeAll(keepingCapacity: true)
      var anyScored = false
      var anyInsufficient = false
      for view in scratch.views {
        scratch.points.append(view.points)
        anyScored = anyScored || view.status == .scored
        anyInsufficient = anyInsufficient || view.status == .insufficientEvidence
      }
      points = rubric.aggregation.combine(sortingInPlace: &scratch.points)
      status = anyScored ? .scored : anyInsufficient ? .insufficientEvidence : .missing
    }
    results.append(
      points: points, selfPoints: selfPoints, status: status, selfStatus: selfStatus, selfAnswer: own,
      views: scratch.views)
  }

  /// The unit's own answer: its response, with data-derived values in place.
  private func unitAnswer(_ criterion: Criterion, index: Int, lookup: AnswerLookup) -> Answer {
    var answer = Answer(evidence: Double(lookup.evidenceCount(index)))
    switch criterion.method {
    case .levels:
      answer.level = lookup.level(index)
    case .scale, .bands:
      if criterion.measure != nil {
        let measured = lookup.derived.measured[criterion.id] ?? .nan
        answer.value = measured.isNaN ? nil : measured
      } else {
        answer.value = lookup.value(index)
      }
    case .judgement:
      answer.points = lookup.points(index)
    case .checklist(let items):
      if items.contains(where: { $0.select != nil }) {
        let selected = lookup.derived.selectedItems[criterion.id] ?? []
        let written = lookup.checks(index) ?? []
        answer.checks = checkedIDs(items) { $0.select != nil ? selected.contains($0.id) : written.contains($0.id) }
      } else if let written = lookup.checks(index) {
        answer.checks = checkedIDs(items) { written.contains($0.id) }
      }
    }
    return answer
  }

  /// The ids of `items` that are checked, in rubric order.
  private func checkedIDs(_ items: [ChecklistItem], where isChecked: (ChecklistItem) -> Bool) -> [String] {
    var ids: [String] = []
    for item in items where isChecked(item) { ids.append(item.id) }
    return ids
  }

  /// A reviewer's view: the unit's answer with the review's changes applied.
  private func apply(_ change: ScoreChange?, rejected: Double, to own: Answer, criterion: Criterion) -> (Answer, Bool) {
    var answer = own
    var changed = false
    if let change, change.changesAnswer {
      switch criterion.method {
      case .levels:
        if let level = change.level {
          answer.level = level
          changed = true
        }
      case .scale, .bands:
        if let value = change.value {
          answer.value = value
          changed = true
        }
      case .judgement:
        if let points = change.points {
          answer.points = points
          changed = true
        }
      case .checklist(let items):
        if let checks = change.checks {
          answer.checks = checkedIDs(items) { checks.contains($0.id) }
          changed = true
        }
      }
    }
    if rejected > 0 {
      answer.evidence -= rejected
      changed = true
    }
    return (answer, changed)
  }

  /// Points and status of one answer (SPEC §1 table, §2 step 1).
  private func evaluate(_ criterion: Criterion, _ answer: Answer) -> (Double, CriterionStatus) {
    let earned: Double?
    switch criterion.method {
    case .levels(let levels):
      earned = answer.level.flatMap { code in levels.first { $0.code == code }?.points }
    case .scale(let from, let to):
      earned = answer.value.map { criterion.points * clamp(($0 - from) / (to - from), 0, 1) }
    case .bands(let bands):
      earned = answer.value.map { value in bands.first { $0.contains(value) }?.points ?? 0 }
    case .checklist(let items):
      earned = answer.checks.map { checked in
        var total = 0.0  // a left fold in rubric order, as `sum`
        for item in items where checked.contains(item.id) { total += item.points }
        return min(criterion.points, total)
      }
    case .judgement:
      earned = answer.points
    }
    guard let earned else { return (0, .missing) }
    if answer.evidence < Double(criterion.minimumEvidence) { return (0, .insufficientEvidence) }
    return (earned, .scored)
  }

  // MARK: - Totals

  private func rescale(_ earned: Double, applicableMax: Double) -> Double {
    applicableMax > 0 ? earned * (total / applicableMax) : 0
  }

  private func capped(_ value: Double, by cap: Double?) -> Double {
    cap.map { min($0, value) } ?? value
  }

  private func bonusResults(_ submission: Submission, reviews: [Review]) -> [AdjustmentResult] {
    let claimed = Set(submission.bonusClaims.map(\.id))
    let rejected = Set(reviews.flatMap { $0.bonusVerdicts.filter(\.rejected).map(\.id) })
    return rubric.bonuses.map { bonus in
      let isClaimed = claimed.contains(bonus.id)
      let counted = isClaimed && !rejected.contains(bonus.id)
      return AdjustmentResult(
        id: bonus.id, claimed: isClaimed, counted: counted, count: counted ? 1 : 0,
        selfCount: isClaimed ? 1 : 0, points: counted ? bonus.points : 0)
    }
  }

  private func deductionResults(_ submission: Submission, reviews: [Review]) -> [AdjustmentResult] {
    rubric.deductions.map { deduction in
      let selfCount: Double
      let count: Double
      if deduction.select != nil {
        selfCount = submission.derived.deductionCounts[deduction.id] ?? 0
        count = selfCount
      } else {
        let own = submission.deductionClaims.filter { $0.id == deduction.id }.map(\.count)
        let reviewed = reviews.flatMap { $0.deductions.filter { $0.id == deduction.id }.map(\.count) }
        selfCount = own.max() ?? 0
        count = (own + reviewed).max() ?? 0
      }
      return AdjustmentResult(
        id: deduction.id, claimed: selfCount > 0, counted: count > 0, count: count,
        selfCount: selfCount, points: deduction.points * count)
    }
  }

  // MARK: - Vetoes and tiers

  private func vetoOutcomes(_ submission: Submission, reviews: [Review]) -> [VetoOutcome] {
    rubric.vetoes.compactMap { veto in
      let fromData = submission.derived.triggeredVetoes.contains(veto.id)
      let reviewers = reviews.filter { $0.vetoes.contains { $0.id == veto.id && $0.triggered } }.map(\.reviewer)
      guard fromData || !reviewers.isEmpty else { return nil }
      return VetoOutcome(id: veto.id, fromData: fromData, reviewers: reviewers)
    }
  }
}

/// Buffers one unit's criteria reuse: each reviewer's view of the criterion
/// being scored, and their points for combining.
private struct CriterionScratch {
  var views: [(points: Double, status: CriterionStatus, changed: Bool)] = []
  var points: [Double] = []

  init(reviewers: Int) {
    views.reserveCapacity(reviewers)
    points.reserveCapacity(reviewers)
  }
}

func clamp(_ value: Double, _ low: Double, _ high: Double) -> Double {
  Swift.min(Swift.max(value, low), high)
}
