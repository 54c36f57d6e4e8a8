/// A pilot unit's self-assessment (自评报告), as read from its file.
///
/// The XML layer fills in what the rubric's XPath expressions derive from the
/// submission's `<data>` (measured values, checklist selects, veto and
/// deduction selects), so scoring needs nothing but this value.
public struct Submission: Sendable {
  /// The rubric id the file names.
  public var rubricID: String
  /// The rubric version the file names.
  public var rubricVersion: String
  /// Who submitted.
  public var unit: Unit
  /// The round id (e.g. `2025H1`).
  public var round: String
  /// The submission date as written, if any.
  public var submitted: String?
  /// Responses, in document order.
  public var responses: [Response]
  /// Bonus claims, in document order.
  public var bonusClaims: [Claim]
  /// Deduction declarations, in document order.
  public var deductionClaims: [Claim]
  /// What the rubric's XPath expressions found in the submission.
  public var derived: DerivedData
  /// The line of the root element.
  public var line: Int

  /// Creates a submission.
  public init(
    rubricID: String, rubricVersion: String, unit: Unit, round: String, submitted: String? = nil,
    responses: [Response] = [], bonusClaims: [Claim] = [], deductionClaims: [Claim] = [],
    derived: DerivedData = DerivedData(), line: Int = 1
  ) {
    self.rubricID = rubricID
    self.rubricVersion = rubricVersion
    self.unit = unit
    self.round = round
    self.submitted = submitted
    self.responses = responses
    self.bonusClaims = bonusClaims
    self.deductionClaims = deductionClaims
    self.derived = derived
    self.line = line
  }

  /// The first response to a criterion.
  public func response(to criterion: String) -> Response? {
    responses.first { $0.criterion == criterion }
  }
}

/// A pilot unit: who is evaluated, and the cohorts it is ranked in.
public struct Unit: Sendable, Hashable {
  /// The unit id, e.g. `GX-NN-01`.
  public var id: String
  /// The unit's name, e.g. 南宁市机关事务管理局.
  public var name: String
  /// The region (province), if given.
  public var region: String?
  /// The administrative level (省级/市级/县级), if given.
  public var level: String?
  /// The kind of agency, if given.
  public var category: String?
  /// Creates a unit.
  public init(id: String, name: String = "", region: String? = nil, level: String? = nil, category: String? = nil) {
    self.id = id
    self.name = name
    self.region = region
    self.level = level
    self.category = category
  }
}

/// A unit's answer to one criterion.
public struct Response: Sendable, Hashable {
  /// The criterion id it answers.
  public var criterion: String
  /// `false` when the unit declares the criterion not applicable (合理缺项).
  public var applicable: Bool
  /// Why it is not applicable.
  public var reason: String?
  /// The chosen level code.
  public var level: String?
  /// The value, for scale and bands.
  public var value: Double?
  /// The points, for judgement.
  public var points: Double?
  /// Checked checklist items, in document order, each once.
  public var checks: [String]
  /// How many `<evidence>` children it has.
  public var evidenceCount: Int
  /// Free-text notes.
  public var notes: [String]
  /// The line of the `<response>` element.
  public var line: Int

  /// Creates a response.
  public init(
    criterion: String, applicable: Bool = true, reason: String? = nil, level: String? = nil,
    value: Double? = nil, points: Double? = nil, checks: [String] = [], evidenceCount: Int = 0,
    notes: [String] = [], line: Int = 0
  ) {
    self.criterion = criterion
    self.applicable = applicable
    self.reason = reason
    self.level = level
    self.value = value
    self.points = points
    self.checks = checks
    self.evidenceCount = evidenceCount
    self.notes = notes
    self.line = line
  }
}

/// A bonus claim or a deduction declaration.
public struct Claim: Sendable, Hashable {
  /// The bonus or deduction id.
  public var id: String
  /// For deductions: how many times (default 1).
  public var count: Double
  /// How many evidence items back it.
  public var evidenceCount: Int
  /// The line of the element.
  public var line: Int
  /// Creates a claim.
  public init(id: String, count: Double = 1, evidenceCount: Int = 0, line: Int = 0) {
    self.id = id
    self.count = count
    self.evidenceCount = evidenceCount
    self.line = line
  }
}

/// What the rubric's XPath expressions found in one submission.
public struct DerivedData: Sendable, Hashable {
  /// Measured values by criterion id; NaN means no usable value.
  public var measured: [String: Double]
  /// For checklists with `select` items: criterion id → item ids whose XPath is true.
  public var selectedItems: [String: Set<String>]
  /// Ids of vetoes whose `select` is true.
  public var triggeredVetoes: Set<String>
  /// Deduction counts from `select`, by deduction id.
  public var deductionCounts: [String: Double]
  /// Where a measure read a value that is not a number or outside what its criterion can
  /// score, by criterion id (other measures are not traced).
  public var measuredSources: [String: DataSource] = [:]
  /// Creates derived data.
  public init(
    measured: [String: Double] = [:], selectedItems: [String: Set<String>] = [:],
    triggeredVetoes: Set<String> = [], deductionCounts: [String: Double] = [:]
  ) {
    self.measured = measured
    self.selectedItems = selectedItems
    self.triggeredVetoes = triggeredVetoes
    self.deductionCounts = deductionCounts
  }
}
