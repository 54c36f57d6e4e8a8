/// One evaluator's review (专家评审) of one submission.
///
/// A review changes the unit's answers: it may replace a level, value, points
/// or the set of checked items, reject evidence or a bonus, raise a
/// deduction's count, and trigger a veto (SPEC §3).
public struct Review: Sendable {
  /// The rubric id the file names.
  public var rubricID: String
  /// The unit reviewed.
  public var unitID: String
  /// The round reviewed.
  public var round: String
  /// The reviewer id, e.g. `E03`.
  public var reviewer: String
  /// Score changes, in document order.
  public var scores: [ScoreChange]
  /// Evidence rejections, in document order.
  public var evidenceRejections: [EvidenceRejection]
  /// Bonus verdicts, in document order.
  public var bonusVerdicts: [BonusVerdict]
  /// Deduction counts the reviewer found, in document order.
  public var deductions: [Claim]
  /// Vetoes the reviewer triggered.
  public var vetoes: [VetoFinding]
  /// The line of the root element.
  public var line: Int

  /// Creates a review.
  public init(
    rubricID: String, unitID: String, round: String, reviewer: String,
    scores: [ScoreChange] = [], evidenceRejections: [EvidenceRejection] = [],
    bonusVerdicts: [BonusVerdict] = [], deductions: [Claim] = [], vetoes: [VetoFinding] = [],
    line: Int = 1
  ) {
    self.rubricID = rubricID
    self.unitID = unitID
    self.round = round
    self.reviewer = reviewer
    self.scores = scores
    self.evidenceRejections = evidenceRejections
    self.bonusVerdicts = bonusVerdicts
    self.deductions = deductions
    self.vetoes = vetoes
    self.line = line
  }
}

/// A reviewer's `<score>` of one criterion.
public struct ScoreChange: Sendable, Hashable {
  /// The criterion id.
  public var criterion: String
  /// A replacement level code.
  public var level: String?
  /// A replacement value (also over a measured value).
  public var value: Double?
  /// Replacement points (judgement).
  public var points: Double?
  /// A replacement set of checked items; `nil` when the score has no `<check>`.
  public var checks: [String]?
  /// The reviewer's comment.
  public var comment: String
  /// The line of the element.
  public var line: Int
  /// Creates a score change.
  public init(
    criterion: String, level: String? = nil, value: Double? = nil, points: Double? = nil,
    checks: [String]? = nil, comment: String = "", line: Int = 0
  ) {
    self.criterion = criterion
    self.level = level
    self.value = value
    self.points = points
    self.checks = checks
    self.comment = comment
    self.line = line
  }

  /// Whether it changes anything (a score with nothing to replace is a comment).
  public var changesAnswer: Bool { level != nil || value != nil || points != nil || checks != nil }
}

/// A reviewer rejecting some of a criterion's evidence.
public struct EvidenceRejection: Sendable, Hashable {
  /// The criterion id.
  public var criterion: String
  /// How many evidence items are rejected.
  public var count: Double
  /// The line of the element.
  public var line: Int
  /// Creates a rejection.
  public init(criterion: String, count: Double, line: Int = 0) {
    self.criterion = criterion
    self.count = count
    self.line = line
  }
}

/// A reviewer's verdict on a bonus claim.
public struct BonusVerdict: Sendable, Hashable {
  /// The bonus id.
  public var id: String
  /// Whether the reviewer rejects the claim.
  public var rejected: Bool
  /// The line of the element.
  public var line: Int
  /// Creates a verdict.
  public init(id: String, rejected: Bool, line: Int = 0) {
    self.id = id
    self.rejected = rejected
    self.line = line
  }
}

/// A reviewer's finding on a veto.
public struct VetoFinding: Sendable, Hashable {
  /// The veto id.
  public var id: String
  /// Whether the veto is triggered.
  public var triggered: Bool
  /// The reviewer's reason.
  public var reason: String
  /// The line of the element.
  public var line: Int
  /// Creates a finding.
  public init(id: String, triggered: Bool, reason: String = "", line: Int = 0) {
    self.id = id
    self.triggered = triggered
    self.reason = reason
    self.line = line
  }
}
