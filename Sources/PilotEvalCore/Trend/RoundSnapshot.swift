/// One scored round reduced to what the history store keeps and what comparing rounds needs:
/// the rubric's shape, every unit's numbers, the analysis' exemplars and partners, and every
/// rejected file.
///
///     let snapshot = RoundSnapshot(result, analysis: RoundAnalysis(result))
///     try store.record(snapshot, replace: false)
public struct RoundSnapshot: Sendable, Hashable {
  /// The round id (e.g. `2025H1`).
  public var round: String
  /// The rubric the round was scored with.
  public var rubric: RubricShape
  /// Every scored unit, in rank order.
  public var units: [UnitSnapshot]
  /// Every rejected submission and review, in path byte order.
  public var rejected: [RejectedInput]
  /// Reviews accepted and applied.
  public var reviewsApplied: Int
  /// Submission files considered (scored + rejected submissions).
  public var submissionsSeen: Int
  /// Where `UnitSnapshot.partners` came from.
  public var pairings: PairingSource

  /// Creates a snapshot.
  public init(
    round: String, rubric: RubricShape, units: [UnitSnapshot], rejected: [RejectedInput] = [],
    reviewsApplied: Int = 0, submissionsSeen: Int? = nil, pairings: PairingSource = .recommended
  ) {
    self.round = round
    self.rubric = rubric
    self.units = units
    self.rejected = rejected
    self.reviewsApplied = reviewsApplied
    self.submissionsSeen = submissionsSeen ?? units.count
    self.pairings = pairings
  }

  /// A unit's score on a 0–100 scale of the rubric total (its percentage of the total).
  public func percent(_ unit: UnitSnapshot) -> Double {
    rubric.total > 0 ? unit.score / rubric.total * 100 : 0
  }
}

/// Where a round's learning partners came from.
public enum PairingSource: String, Sendable, Hashable, CaseIterable {
  /// The partners the analysis recommended.
  case recommended
  /// Pairings the programme office actually arranged (read from a pairings file).
  case arranged
}

/// The parts of a rubric that comparing rounds needs.
public struct RubricShape: Sendable, Hashable {
  /// A tier: id, display name and minimum score.
  public struct TierShape: Sendable, Hashable {
    /// The tier id.
    public var id: String
    /// The display name (e.g. 示范).
    public var name: String
    /// The minimum score.
    public var min: Double
    /// Creates a tier.
    public init(id: String, name: String, min: Double) {
      self.id = id
      self.name = name
      self.min = min
    }
  }
  /// A section: id, title, parent section id and full points.
  public struct SectionShape: Sendable, Hashable {
    /// The section id.
    public var id: String
    /// The title.
    public var title: String
    /// The parent section's id, `nil` for a top-level section.
    public var parent: String?
    /// Σ points of its criteria.
    public var max: Double
    /// Creates a section.
    public init(id: String, title: String, parent: String?, max: Double) {
      self.id = id
      self.title = title
      self.parent = parent
      self.max = max
    }
  }
  /// A criterion: id, title, section id and full points.
  public struct CriterionShape: Sendable, Hashable {
    /// The criterion id.
    public var id: String
    /// The title.
    public var title: String
    /// The id of the section it belongs to.
    public var section: String
    /// Full points.
    public var points: Double
    /// Creates a criterion.
    public init(id: String, title: String, section: String, points: Double) {
      self.id = id
      self.title = title
      self.section = section
      self.points = points
    }
  }

  /// The rubric id.
  public var id: String
  /// The rubric version.
  public var version: String
  /// The rubric title.
  public var title: String
  /// Σ criterion points.
  public var total: Double
  /// Tiers, highest first.
  public var tiers: [TierShape]
  /// Sections in document order.
  public var sections: [SectionShape]
  /// Criteria in document order.
  public var criteria: [CriterionShape]

  /// Creates a rubric shape.
  public init(
    id: String, version: String, title: String, total: Double, tiers: [TierShape], sections: [SectionShape],
    criteria: [CriterionShape]
  ) {
    self.id = id
    self.version = version
    self.title = title
    self.total = total
    self.tiers = tiers
    self.sections = sections
    self.criteria = criteria
  }
}

/// Earned and full points of one section or criterion for one unit.
public struct PointsEntry: Sendable, Hashable {
  /// The section or criterion id.
  public var id: String
  /// Verified points earned.
  public var earned: Double
  /// Full points that applied to the unit (0 when declared not applicable).
  public var max: Double
  /// Creates an entry.
  public init(id: String, earned: Double, max: Double) {
    self.id = id
    self.earned = earned
    self.max = max
  }
}

/// One unit's numbers in one round.
public struct UnitSnapshot: Sendable, Hashable {
  /// The unit id.
  public var id: String
  /// The unit's name.
  public var name: String
  /// Region, or "" when not given.
  public var region: String
  /// Administrative level, or "" when not given.
  public var level: String
  /// Category, or "" when not given.
  public var category: String
  /// The verified score.
  public var score: Double
  /// The self score.
  public var selfScore: Double
  /// The overall rank (1 = best; ties share a rank).
  public var rank: Int
  /// The tier id, or `vetoed`.
  public var tier: String
  /// Whether a veto applies.
  public var vetoed: Bool
  /// Reviewer ids of the accepted reviews, in reading order.
  public var reviewers: [String]
  /// Each reviewer's total (Σ of their points over the criteria that apply), parallel to `reviewers`; empty when
  /// not known (a round recorded before the history kept them).
  public var reviewerTotals: [Double]
  /// Every section, in rubric order.
  public var sections: [PointsEntry]
  /// Every criterion, in rubric order.
  public var criteria: [PointsEntry]
  /// Whether the analysis chose the unit as an exemplar.
  public var exemplar: Bool
  /// Unit ids the unit learns from this round (recommended or arranged, see `RoundSnapshot.pairings`).
  public var partners: [String]

  /// Creates a unit snapshot.
  public init(
    id: String, name: String = "", region: String = "", level: String = "", category: String = "", score: Double,
    selfScore: Double? = nil, rank: Int = 0, tier: String, vetoed: Bool = false, reviewers: [String] = [],
    reviewerTotals: [Double] = [], sections: [PointsEntry] = [], criteria: [PointsEntry] = [],
    exemplar: Bool = false, partners: [String] = []
  ) {
    self.id = id
    self.name = name
    self.region = region
    self.level = level
    self.category = category
    self.score = score
    self.selfScore = selfScore ?? score
    self.rank = rank
    self.tier = tier
    self.vetoed = vetoed
    self.reviewers = reviewers
    self.reviewerTotals = reviewerTotals
    self.sections = sections
    self.criteria = criteria
    self.exemplar = exemplar
    self.partners = partners
  }
}

/// A rejected input file and why.
public struct RejectedInput: Sendable, Hashable {
  /// `submission` or `review`.
  public var kind: String
  /// The file.
  public var file: String
  /// The line of the first error (0 when the file could not be read).
  public var line: Int
  /// The reasons, one per error.
  public var reason: String
  /// Creates a rejected input.
  public init(kind: String, file: String, line: Int, reason: String) {
    self.kind = kind
    self.file = file
    self.line = line
    self.reason = reason
  }
}
