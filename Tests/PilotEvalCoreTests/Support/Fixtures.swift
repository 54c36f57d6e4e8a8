import PilotEvalCore

// Small builders so each test states only what its rule is about.
// Every rubric is id "r", version "1"; every submission and review names it.

enum Fixture {
  static let rubricID = "r"
  static let rubricVersion = "1"
}

// MARK: - Criteria

extension Criterion {
  /// A `levels` criterion: `levels` are (code, points) in document order.
  static func levels(_ id: String, points: Double, _ levels: [(String, Double)]) -> Criterion {
    Criterion(id: id, title: id, points: points, method: .levels(levels.map { Level(code: $0.0, points: $0.1) }))
  }

  /// The common A/B/C levels criterion: A = full points, B = half, C = 0.
  static func abc(_ id: String, points: Double) -> Criterion {
    levels(id, points: points, [("A", points), ("B", points / 2), ("C", 0)])
  }

  /// A `scale` criterion.
  static func scale(_ id: String, points: Double, from: Double, to: Double) -> Criterion {
    Criterion(id: id, title: id, points: points, method: .scale(from: from, to: to))
  }

  /// A `bands` criterion.
  static func bands(_ id: String, points: Double, _ bands: [Band]) -> Criterion {
    Criterion(id: id, title: id, points: points, method: .bands(bands))
  }

  /// A `checklist` criterion.
  static func checklist(_ id: String, points: Double, _ items: [ChecklistItem]) -> Criterion {
    Criterion(id: id, title: id, points: points, method: .checklist(items))
  }

  /// A `judgement` criterion.
  static func judgement(_ id: String, points: Double, step: Double? = nil) -> Criterion {
    Criterion(id: id, title: id, points: points, method: .judgement(step: step))
  }

  /// A 4-point criterion `C1` of the method named `method` (`levels` is the A/B/C kind).
  static func example(_ method: String) -> Criterion {
    switch method {
    case "levels": abc("C1", points: 4)
    case "scale": scale("C1", points: 4, from: 0, to: 1)
    case "bands": bands("C1", points: 4, [.from(0, points: 4)])
    case "checklist": checklist("C1", points: 4, [.item("a", 4)])
    case "judgement": judgement("C1", points: 4)
    default: preconditionFailure("no method \(method)")
    }
  }

  /// The same criterion, `applicable="optional"`.
  func optional() -> Criterion {
    var copy = self
    copy.isOptional = true
    return copy
  }

  /// The same criterion, a ★ key item.
  func key() -> Criterion {
    var copy = self
    copy.isKey = true
    return copy
  }

  /// The same criterion, with `<evidence min="n"/>`.
  func needingEvidence(_ n: Int) -> Criterion {
    var copy = self
    copy.minimumEvidence = n
    return copy
  }

  /// The same criterion, with a `<measure>` (the value then comes from `DerivedData.measured`).
  func measured() -> Criterion {
    var copy = self
    copy.measure = "number(//s:rate)"
    return copy
  }
}

extension Band {
  /// `min ≤ v`, no upper bound.
  static func from(_ min: Double, points: Double) -> Band { Band(min: min, max: nil, points: points) }
  /// `v < max`, no lower bound.
  static func below(_ max: Double, points: Double) -> Band { Band(min: nil, max: max, points: points) }
  /// `min ≤ v < max`.
  static func range(_ min: Double, _ max: Double, points: Double) -> Band { Band(min: min, max: max, points: points) }
}

extension ChecklistItem {
  /// An item decided by `<check>`.
  static func item(_ id: String, _ points: Double) -> ChecklistItem { ChecklistItem(id: id, points: points) }
  /// An item decided by its `select` XPath (the result comes from `DerivedData.selectedItems`).
  static func selected(_ id: String, _ points: Double) -> ChecklistItem {
    ChecklistItem(id: id, points: points, select: "boolean(//s:\(id))")
  }
}

// MARK: - Rubrics

/// A section as a test writes it: its id, its parent's id, and the criteria directly inside it.
struct SectionSpec {
  var id: String
  var parent: String?
  var criteria: [String]

  static func section(_ id: String, in parent: String? = nil, _ criteria: [String]) -> SectionSpec {
    SectionSpec(id: id, parent: parent, criteria: criteria)
  }
}

/// The tiers of the sample rubric: 90 / 80 / 60 / 0, no floors.
let standardTiers = [
  Tier(id: "exemplary", name: "示范", min: 90),
  Tier(id: "good", name: "良好", min: 80),
  Tier(id: "pass", name: "合格", min: 60),
  Tier(id: "fail", name: "不合格", min: 0),
]

extension Rubric {
  /// A rubric with `criteria`, in `sections` (default: one top-level section `S` holding them all).
  static func make(
    _ criteria: [Criterion], sections: [SectionSpec]? = nil, tiers: [Tier] = standardTiers,
    aggregation: Aggregation = .mean, tiebreak: [String] = [], vetoes: [Veto] = [],
    bonuses: [Adjustment] = [], bonusCap: Double? = nil,
    deductions: [Adjustment] = [], deductionCap: Double? = nil
  ) -> Rubric {
    let specs = sections ?? [.section("S", criteria.map(\.id))]
    let position = Dictionary(uniqueKeysWithValues: specs.enumerated().map { ($1.id, $0) })
    var home: [String: Int] = [:]
    for (index, spec) in specs.enumerated() {
      for id in spec.criteria { home[id] = index }
    }
    func ancestry(_ index: Int) -> [Int] {
      var chain = [index]
      while let parent = specs[chain.last!].parent.flatMap({ position[$0] }) { chain.append(parent) }
      return chain
    }
    func depth(_ index: Int) -> Int { ancestry(index).count - 1 }
    var placed = criteria
    for index in placed.indices { placed[index].section = home[placed[index].id] }
    let built = specs.enumerated().map { index, spec in
      Section(
        id: spec.id, title: spec.id, parent: spec.parent.flatMap { position[$0] }, depth: depth(index),
        criteria: placed.indices.filter { criterion in
          placed[criterion].section.map { ancestry($0).contains(index) } ?? false
        })
    }
    return Rubric(
      id: Fixture.rubricID, version: Fixture.rubricVersion, tiers: tiers, aggregation: aggregation, tiebreak: tiebreak,
      sections: built, criteria: placed, vetoes: vetoes, bonuses: bonuses, bonusCap: bonusCap,
      deductions: deductions, deductionCap: deductionCap)
  }
}

extension Adjustment {
  static func bonus(_ id: String, _ points: Double) -> Adjustment { Adjustment(id: id, title: id, points: points) }
  static func deduction(_ id: String, _ points: Double, select: String? = nil) -> Adjustment {
    Adjustment(id: id, title: id, points: points, select: select)
  }
}

// MARK: - Submissions and reviews

extension Submission {
  /// A submission for rubric `r` 1, unit `unit`, round `round`.
  static func make(
    unit: String = "U1", region: String? = nil, level: String? = nil, category: String? = nil,
    round: String = "R1", _ responses: [Response] = [], bonuses: [String] = [], deductions: [Claim] = [],
    derived: DerivedData = DerivedData()
  ) -> Submission {
    Submission(
      rubricID: Fixture.rubricID, rubricVersion: Fixture.rubricVersion,
      unit: Unit(id: unit, name: unit, region: region, level: level, category: category), round: round,
      responses: responses, bonusClaims: bonuses.map { Claim(id: $0) }, deductionClaims: deductions,
      derived: derived)
  }
}

extension Response {
  /// `applicable="false"`.
  static func notApplicable(_ criterion: String) -> Response {
    Response(criterion: criterion, applicable: false, reason: "本单位无此项")
  }
}

extension Review {
  /// A review of `unit` in round `round` by `reviewer`, for rubric `r`.
  static func by(
    _ reviewer: String, of unit: String = "U1", round: String = "R1", scores: [ScoreChange] = [],
    rejectingEvidence: [EvidenceRejection] = [], bonuses: [BonusVerdict] = [], deductions: [Claim] = [],
    vetoes: [VetoFinding] = []
  ) -> Review {
    Review(
      rubricID: Fixture.rubricID, unitID: unit, round: round, reviewer: reviewer, scores: scores,
      evidenceRejections: rejectingEvidence, bonusVerdicts: bonuses, deductions: deductions, vetoes: vetoes)
  }
}

// MARK: - Scoring

extension Rubric {
  /// Scores `submission` with `reviews`.
  func score(_ submission: Submission, reviews: [Review] = []) -> Scorecard {
    ScoringEngine(rubric: self).score(submission, file: "\(submission.unit.id).xml", reviews: reviews)
  }

  /// Scores a submission of unit `U1` holding only `responses`.
  func score(_ responses: [Response], derived: DerivedData = DerivedData(), reviews: [Review] = []) -> Scorecard {
    score(.make(responses, derived: derived), reviews: reviews)
  }
}

extension Scorecard {
  /// The result of criterion `id`.
  func criterion(_ id: String) -> CriterionResult { criteria.first { $0.id == id }! }
  /// The result of section `id`.
  func section(_ id: String) -> SectionResult { sections.first { $0.id == id }! }
}

// MARK: - Comparing numbers

extension Double {
  /// Equal within `tolerance` (the arithmetic is exact in intent, not always in binary).
  func isClose(to other: Double, tolerance: Double = 1e-9) -> Bool { abs(self - other) <= tolerance }
}

// MARK: - Diagnostics

extension Array where Element == Diagnostic {
  /// Exactly one error, whose message contains every fragment (the wording around them may change).
  func isSingleError(saying fragments: String...) -> Bool {
    count == 1 && self[0].severity == .error && fragments.allSatisfy { self[0].message.contains($0) }
  }
}
