/// Everything known about one scored unit: the numbers every report and analysis
/// needs, each with its reason.
public struct Scorecard: Sendable {
  /// Who was scored.
  public var unit: Unit
  /// The round.
  public var round: String
  /// The submission file, as found from the path the user gave.
  public var file: String
  /// The verified score (with reviews).
  public var score: Double
  /// The self score (no reviews).
  public var selfScore: Double
  /// Σ verified points rescaled to the rubric total (合理缺项).
  public var base: Double
  /// The same, for the self score.
  public var selfBase: Double
  /// Bonus points counted (capped), after reviewers' rejections.
  public var bonus: Double
  /// Bonus points as the unit claimed them (capped).
  public var selfBonus: Double
  /// Deduction points (capped), with reviewers' counts.
  public var deduction: Double
  /// Deduction points from the submission alone (capped).
  public var selfDeduction: Double
  /// Σ points of the criteria that apply to this unit.
  public var applicableMax: Double
  /// The tier id, or `vetoed`.
  public var tier: String
  /// The tier the self score would reach (no reviews), or `vetoed` when data triggers a veto.
  public var selfTier: String
  /// Tiers the score reached but a rule kept the unit out of, highest first.
  public var blockedTiers: [TierBlock]
  /// Whether a veto applies.
  public var vetoed: Bool
  /// The vetoes that apply, in rubric order, with who triggered them.
  public var vetoes: [VetoOutcome]
  /// Reviewer ids of the accepted reviews, in the order they were read.
  public var reviewers: [String]
  /// Every section, in rubric order.
  public var sections: [SectionResult]
  /// Every criterion, in rubric order.
  public var criteria: CriterionResults
  /// Bonus items the unit claimed, in rubric order, with whether each counted.
  public var bonuses: [AdjustmentResult]
  /// Deduction items that apply (a count above 0 on either side), in rubric order, with the counts used.
  public var deductions: [AdjustmentResult]

  /// The special tier id given to vetoed units.
  public static let vetoedTier = "vetoed"
}

/// A tier the unit's score reached but a rule kept it out of.
public struct TierBlock: Sendable, Hashable {
  /// Why a unit is kept out of a tier.
  public enum Reason: Sendable, Hashable {
    /// These top-level sections are below the tier's floor.
    case sectionFloor([String])
    /// These ★ key criteria have zero verified points.
    case keyItemAtZero([String])
    /// These vetoes apply.
    case veto([String])
  }
  /// The tier id.
  public var tier: String
  /// Why the unit is not in it.
  public var reason: Reason
}

/// A veto that applies to a unit, and where it came from.
public struct VetoOutcome: Sendable, Hashable {
  /// The veto id.
  public var id: String
  /// `true` when the rubric's XPath found it in the submission's data.
  public var fromData: Bool
  /// Reviewers who triggered it.
  public var reviewers: [String]
}

/// A section's verified and self points.
public struct SectionResult: Sendable, Hashable {
  /// The section id.
  public var id: String
  /// Σ verified points of its applicable criteria.
  public var earned: Double
  /// Σ self points of its applicable criteria.
  public var selfEarned: Double
  /// Σ points of its applicable criteria.
  public var max: Double
}

/// How one criterion was scored: the unit's own answer, each reviewer's view, and the result.
public struct CriterionResult: Sendable, Hashable {
  /// The criterion id.
  public var id: String
  /// The criterion's full points.
  public var max: Double
  /// Verified points: the aggregation of reviewers' points (self points without reviews).
  public var points: Double
  /// Points from the unit's own answer.
  public var selfPoints: Double
  /// The verified status.
  public var status: CriterionStatus
  /// The status of the unit's own answer.
  public var selfStatus: CriterionStatus
  /// The unit's own answer, as scored.
  public var selfAnswer: Answer
  /// Each accepted reviewer's view, in reading order.
  public var reviews: [ReviewerView]
}

/// The status of a criterion's answer (SPEC §2 step 1).
public enum CriterionStatus: String, Sendable, Hashable, CaseIterable {
  /// Scored normally.
  case scored
  /// The unit declared it not applicable (合理缺项).
  case notApplicable = "not-applicable"
  /// No answer.
  case missing
  /// Too little evidence (无佐证材料不得分).
  case insufficientEvidence = "insufficient-evidence"
}

/// One reviewer's view of one criterion.
public struct ReviewerView: Sendable, Hashable {
  /// The reviewer id.
  public var reviewer: String
  /// Points in this view.
  public var points: Double
  /// Status in this view.
  public var status: CriterionStatus
  /// Whether the reviewer changed the answer (score or evidence).
  public var changed: Bool
}

/// An answer to one criterion, after any changes, as the scorer sees it.
public struct Answer: Sendable, Hashable {
  /// The level code.
  public var level: String?
  /// The value (measured or written).
  public var value: Double?
  /// Judged points.
  public var points: Double?
  /// Checked items, in rubric order; `nil` when no checklist answer exists.
  public var checks: [String]?
  /// Evidence items that count.
  public var evidence: Double
  /// Creates an answer.
  public init(
    level: String? = nil, value: Double? = nil, points: Double? = nil, checks: [String]? = nil, evidence: Double = 0
  ) {
    self.level = level
    self.value = value
    self.points = points
    self.checks = checks
    self.evidence = evidence
  }
}

/// A bonus or deduction item as applied to one unit.
public struct AdjustmentResult: Sendable, Hashable {
  /// The item id.
  public var id: String
  /// Bonus: claimed by the unit. Deduction: self count > 0.
  public var claimed: Bool
  /// Bonus: claimed and no reviewer rejected it. Deduction: verified count > 0.
  public var counted: Bool
  /// The count used (1 for bonuses).
  public var count: Double
  /// The count from the submission alone.
  public var selfCount: Double
  /// Points before the cap.
  public var points: Double
}
