/// A scoring rubric (评估细则/计分表): the programme office's contract for one evaluation.
///
/// A rubric is a tree of sections whose leaves are criteria; it also names the
/// tiers, how reviewers' points are combined, tiebreak sections, vetoes,
/// bonuses and deductions (SPEC §1). Values are immutable once loaded; the XML
/// layer builds them (`Rubric+XML`) and the scoring engine reads them.
public struct Rubric: Sendable {
  /// The rubric id that submissions and reviews name.
  public var id: String
  /// The version that submissions name with `rubric-version`.
  public var version: String
  /// A human title, in the rubric's language.
  public var title: String
  /// Prefix bindings for the rubric's XPath expressions.
  public var namespaces: [NamespaceBinding]
  /// Tiers, highest first; the last has `min` 0 and no floor.
  public var tiers: [Tier]
  /// How several reviewers' points for one criterion combine.
  public var aggregation: Aggregation
  /// Section ids that break ties on score, in order.
  public var tiebreak: [String]
  /// Every section, in document order, parents before children.
  public var sections: [Section]
  /// Every criterion, in document order.
  public var criteria: [Criterion]
  /// Vetoes (一票否决).
  public var vetoes: [Veto]
  /// Bonus items (加分项).
  public var bonuses: [Adjustment]
  /// The cap on the bonus sum; `nil` means uncapped.
  public var bonusCap: Double?
  /// Deduction items (扣分项).
  public var deductions: [Adjustment]
  /// The cap on the deduction sum; `nil` means uncapped.
  public var deductionCap: Double?

  /// Creates a rubric; indexes are derived from the lists.
  public init(
    id: String, version: String, title: String = "", namespaces: [NamespaceBinding] = [],
    tiers: [Tier], aggregation: Aggregation = .mean, tiebreak: [String] = [],
    sections: [Section], criteria: [Criterion], vetoes: [Veto] = [],
    bonuses: [Adjustment] = [], bonusCap: Double? = nil,
    deductions: [Adjustment] = [], deductionCap: Double? = nil
  ) {
    self.id = id
    self.version = version
    self.title = title
    self.namespaces = namespaces
    self.tiers = tiers
    self.aggregation = aggregation
    self.tiebreak = tiebreak
    self.sections = sections
    self.criteria = criteria
    self.vetoes = vetoes
    self.bonuses = bonuses
    self.bonusCap = bonusCap
    self.deductions = deductions
    self.deductionCap = deductionCap
    criterionIndex = IdentifierTable(criteria.map(\.id))
    sectionIndex = IdentifierTable(sections.map(\.id))
  }

  private var criterionIndex: IdentifierTable
  private var sectionIndex: IdentifierTable

  /// Rubric total: Σ criterion points, a left fold in document order.
  public var total: Double { criteria.reduce(0) { $0 + $1.points } }

  /// The most bonus a unit can earn: the cap, or Σ bonus points when uncapped.
  public var effectiveBonusCap: Double {
    bonusCap ?? bonuses.reduce(0) { $0 + $1.points }
  }

  /// The position of a criterion in `criteria`.
  public func criterionPosition(_ id: String) -> Int? { criterionIndex.position(of: id) }
  /// The criterion with this id.
  public func criterion(_ id: String) -> Criterion? { criterionIndex.position(of: id).map { criteria[$0] } }
  /// The position of a section in `sections`.
  public func sectionPosition(_ id: String) -> Int? { sectionIndex.position(of: id) }
  /// The section with this id.
  public func section(_ id: String) -> Section? { sectionIndex.position(of: id).map { sections[$0] } }
  /// Top-level sections, in document order.
  public var topLevelSections: [Section] { sections.filter { $0.parent == nil } }
  /// The lowest tier (the last one).
  public var lowestTier: Tier? { tiers.last }
  /// The tier with this id.
  public func tier(_ id: String) -> Tier? { tiers.first { $0.id == id } }
}

/// A namespace prefix the rubric's XPath expressions may use.
public struct NamespaceBinding: Sendable, Hashable {
  /// The prefix, as written in expressions.
  public var prefix: String
  /// The namespace URI it stands for.
  public var uri: String
  /// Creates a binding.
  public init(prefix: String, uri: String) {
    self.prefix = prefix
    self.uri = uri
  }
}

/// A tier (示范/良好/合格/不合格): a score threshold and an optional balance floor.
public struct Tier: Sendable, Hashable {
  /// The tier id, e.g. `exemplary`.
  public var id: String
  /// The display name, e.g. 示范.
  public var name: String
  /// The lowest (rounded) score that reaches this tier.
  public var min: Double
  /// Every top-level section must have `earned ≥ floor × max` to reach the tier.
  public var sectionFloor: Double?
  /// Creates a tier.
  public init(id: String, name: String, min: Double, sectionFloor: Double? = nil) {
    self.id = id
    self.name = name
    self.min = min
    self.sectionFloor = sectionFloor
  }
}

/// How reviewers' points for one criterion combine into verified points.
public enum Aggregation: Sendable, Hashable {
  /// The arithmetic mean.
  case mean
  /// The median; of an even count, the mean of the two middle values.
  case median
  /// Drop the `k` highest and `k` lowest when n > 2k, then the mean (去掉最高分和最低分).
  case trimmedMean(Int)
}

/// A section of the rubric. Its earned and max points are sums over its criteria.
public struct Section: Sendable, Hashable {
  /// The section id, unique with the criterion ids.
  public var id: String
  /// The section title.
  public var title: String
  /// The enclosing section's position in `Rubric.sections`, `nil` at top level.
  public var parent: Int?
  /// Nesting depth: 0 for top-level sections.
  public var depth: Int
  /// Positions in `Rubric.criteria` of all criteria inside, at any depth, in document order.
  public var criteria: [Int]
  /// The line of the `<section>` element.
  public var line: Int
  /// Creates a section.
  public init(id: String, title: String, parent: Int?, depth: Int, criteria: [Int], line: Int = 0) {
    self.id = id
    self.title = title
    self.parent = parent
    self.depth = depth
    self.criteria = criteria
    self.line = line
  }
}

/// A veto (一票否决): a condition that takes a unit out of every tier.
public struct Veto: Sendable, Hashable {
  /// The veto id.
  public var id: String
  /// What the veto is about.
  public var title: String
  /// An XPath boolean over the submission, when the veto is data-driven.
  public var select: String?
  /// The line of the `<veto>` element in the rubric (0 when unknown).
  public var line: Int
  /// Creates a veto.
  public init(id: String, title: String, select: String? = nil, line: Int = 0) {
    self.id = id
    self.title = title
    self.select = select
    self.line = line
  }
}

/// A bonus or deduction item.
public struct Adjustment: Sendable, Hashable {
  /// The item id.
  public var id: String
  /// What the item is for.
  public var title: String
  /// Points per occurrence (for a deduction) or for the claim (for a bonus).
  public var points: Double
  /// For a deduction: an XPath whose number is the count.
  public var select: String?
  /// The line of the element in the rubric (0 when unknown).
  public var line: Int
  /// Creates an item.
  public init(id: String, title: String, points: Double, select: String? = nil, line: Int = 0) {
    self.id = id
    self.title = title
    self.points = points
    self.select = select
    self.line = line
  }
}
