/// Everything the draws need, laid out flat once: unit-major arrays of points, and each resampled unit's
/// reviewer points per criterion, sorted ascending.
struct RobustnessModel: Sendable {
  let seed: UInt64
  let noise: Double
  let aggregation: Aggregation

  let criterionCount: Int
  /// Top-level sections.
  let sectionCount: Int
  /// Per criterion: its top-level section, or `sectionCount` when it is outside all of them.
  let criterionSection: [Int]
  let criterionPoints: [Double]
  /// Per top-level section: Σ points of the criteria inside it.
  let sectionFull: [Double]
  /// Per tiebreak section: the criteria inside it, in rubric order.
  let tiebreakCriteria: [[Int]]
  let ceiling: Double
  /// The top tier, when the rubric has tiers.
  let top: Tier?
  let tierRule: TierRule

  let unitCount: Int
  /// Units × criteria: verified points.
  let points: [Double]
  /// Units × criteria: whether the criterion applies.
  let applicable: [Bool]
  /// Units × criteria: the criterion's points where it applies, else 0.
  let applicablePoints: [Double]
  let bonus: [Double]
  let deduction: [Double]
  /// Units × top-level sections: Σ points of the applicable criteria.
  let sectionMax: [Double]
  /// Per unit: whether the top tier's floor and key rule hold on the verified points.
  let scoredEligible: [Bool]
  /// Units × tiebreak sections: round2 of the verified earned points.
  let scoredTiebreaks: [Double]
  /// Per unit: the number of reviewers resampled (0 when the unit keeps its verified points).
  let panelSize: [Int]
  /// Per unit: where its reviewer points start in `panelValues` and `panelReviewers`.
  let panelOffset: [Int]
  /// For each resampled unit and criterion, the reviewers' points ascending.
  let panelValues: [Double]
  /// The reviewer each of `panelValues` belongs to.
  let panelReviewers: [Int32]
  let largestPanel: Int
  /// Per unit: whether a veto applies.
  let isVetoed: [Bool]
  /// The units not vetoed, then the vetoed ones, each in input order: where the first draw's sort starts.
  let startOrder: [Int]
  /// Per unit: its position when units are ordered by id (UTF-8 bytes), then by input position.
  let idOrder: [Int32]

  init(_ scorecards: [Scorecard], rubric: Rubric, options: RobustnessOptions) {
    seed = options.seed
    noise = options.weightNoise
    aggregation = rubric.aggregation
    let criteria = rubric.criteria.count
    criterionCount = criteria
    criterionPoints = rubric.criteria.map(\.points)
    let tierRule = TierRule(rubric: rubric)
    self.tierRule = tierRule
    let topLevel = tierRule.topLevelSections
    sectionCount = topLevel.count
    var home = [Int](repeating: topLevel.count, count: criteria)
    for (slot, position) in topLevel.enumerated() {
      for criterion in rubric.sections[position].criteria { home[criterion] = slot }
    }
    criterionSection = home
    sectionFull = topLevel.map { position in
      rubric.sections[position].criteria.reduce(0) { $0 + rubric.criteria[$1].points }
    }
    let tiebreaks = rubric.tiebreak.compactMap { rubric.sectionPosition($0) }
    tiebreakCriteria = tiebreaks.map { rubric.sections[$0].criteria }
    ceiling = rubric.total + rubric.effectiveBonusCap
    let top = rubric.tiers.first
    self.top = top

    unitCount = scorecards.count
    var points: [Double] = []
    var applicable: [Bool] = []
    var applicablePoints: [Double] = []
    var sectionMax: [Double] = []
    var scoredTiebreaks: [Double] = []
    var panelSize: [Int] = []
    var panelOffset: [Int] = []
    var panelValues: [Double] = []
    var panelReviewers: [Int32] = []
    points.reserveCapacity(scorecards.count * criteria)
    applicable.reserveCapacity(scorecards.count * criteria)
    applicablePoints.reserveCapacity(scorecards.count * criteria)
    for card in scorecards {
      precondition(card.criteria.count == criteria, "unit '\(card.unit.id)' was not scored against this rubric")
      for index in 0..<criteria {
        let applies = card.criteria.status(at: index) != .notApplicable
        points.append(card.criteria.points(at: index))
        applicable.append(applies)
        applicablePoints.append(applies ? rubric.criteria[index].points : 0)
      }
      sectionMax.append(contentsOf: topLevel.map { card.sections[$0].max })
      scoredTiebreaks.append(contentsOf: tiebreaks.map { round2(card.sections[$0].earned) })
      let reviewers = card.criteria.reviewerIDs.count
      let resampled = options.resampleReviewers && reviewers >= 2
      panelSize.append(resampled ? reviewers : 0)
      panelOffset.append(panelValues.count)
      guard resampled else { continue }
      for index in 0..<criteria {
        let ascending = (0..<reviewers).map { ($0, card.criteria.reviewerPoints(criterion: index, reviewer: $0)) }
          .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        panelReviewers.append(contentsOf: ascending.map { Int32($0.0) })
        panelValues.append(contentsOf: ascending.map(\.1))
      }
    }
    self.points = points
    self.applicable = applicable
    self.applicablePoints = applicablePoints
    self.sectionMax = sectionMax
    self.scoredTiebreaks = scoredTiebreaks
    self.panelSize = panelSize
    self.panelOffset = panelOffset
    self.panelValues = panelValues
    self.panelReviewers = panelReviewers
    largestPanel = panelSize.max() ?? 0
    bonus = scorecards.map(\.bonus)
    deduction = scorecards.map(\.deduction)
    startOrder =
      scorecards.indices.filter { !scorecards[$0].vetoed } + scorecards.indices.filter { scorecards[$0].vetoed }
    let ids = scorecards.map { Array($0.unit.id.utf8) }
    let byID = scorecards.indices.sorted { ids[$0] != ids[$1] ? ids[$0].lexicographicallyPrecedes(ids[$1]) : $0 < $1 }
    var idOrder = [Int32](repeating: 0, count: scorecards.count)
    for (position, unit) in byID.enumerated() { idOrder[unit] = Int32(position) }
    self.idOrder = idOrder
    isVetoed = scorecards.map(\.vetoed)
    scoredEligible = scorecards.map { card in
      top.map {
        tierRule.admits(
          $0, UnitPoints(sections: card.sections, topLevel: topLevel, criteria: card.criteria, selfAssessed: false))
      } ?? false
    }
  }
}
