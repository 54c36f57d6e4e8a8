/// How many learning partners each unit gets.
public struct PartnerPolicy: Sendable, Hashable {
  /// The most partners one unit gets; 0 gives none.
  public var count = 3

  /// Creates a policy giving each unit up to `count` partners.
  public init(count: Int = 3) {
    self.count = count
  }
}

/// An exemplar a unit is paired with to learn from (结对帮扶), and what it can learn there.
public struct Partnership: Sendable, Hashable {
  /// Why this exemplar was preferred: the closest shared cohort.
  public enum Preference: String, Sendable, Hashable, CaseIterable {
    /// The same region (whatever the level).
    case sameRegion = "same-region"
    /// The same level, another region.
    case sameLevel = "same-level"
    /// Neither.
    case anywhere
  }

  /// One criterion where the partner earned more than the unit.
  public struct Lesson: Sendable, Hashable {
    /// The criterion id.
    public var criterion: String
    /// The unit's verified points.
    public var unitPoints: Double
    /// The partner's verified points.
    public var partnerPoints: Double
    /// `partnerPoints − unitPoints` (> 0).
    public var gain: Double
  }

  /// The id of the unit that learns.
  public var unit: String
  /// The id of the exemplar it learns from.
  public var partner: String
  /// The exemplar's position in the scorecards given.
  public var partnerIndex: Int
  /// The cohort the two share.
  public var preference: Preference
  /// The match score: how much the partner is ahead where the unit is weak (`LearningPartners`), 0 < score ≤ 2.
  public var score: Double
  /// Criteria applicable to both where the partner earned more points: largest gain first, then rubric order.
  public var lessons: [Lesson]
}

/// Pairs each unit that is not an exemplar with exemplars to learn from (结对帮扶, 以先带后), the way DEA
/// names peers for each laggard.
///
/// Method. Shares are verified earned ÷ max over the points that apply to a unit. For the unit, each
/// top-level section s with max > 0 has share `pct_s` and shortfall `u_s = 1 − pct_s`; each applicable
/// criterion c has share `pct_c = points ÷ full points` and shortfall `1 − pct_c`. A candidate exemplar's
/// match score is
///
///     Σ_s u_s × max(0, pct_s(partner) − pct_s(unit)) × full_s ÷ total
///     + Σ_c (1 − pct_c(unit)) × max(0, pct_c(partner) − pct_c(unit)) × points_c ÷ total
///
/// where `full_s` is the section's full points in the rubric (Σ of its criteria's points), `points_c` the
/// criterion's full points and `total` the rubric total. A section counts only when its max is above 0 for
/// both units, a criterion only when it applies to both. Each part lies in 0…1, so the score in 0…2: it is
/// large when the partner is well ahead where the unit is weak, and where much is at stake. A partner better
/// only where the unit is already full scores 0 and is never proposed.
///
/// Candidates are taken in preference groups: the same region first (an exemplar in the same region and
/// level counts as same region), then the same level, then anywhere; a unit lacking a region (or level) has
/// no same-region (same-level) group. Within a group: match score descending (equal to 9 decimals is a tie),
/// then unit id in UTF-8 byte order. The first `policy.count` with a score above ε = 1e-9 are the partners,
/// so a nearby exemplar is preferred to a better-matching one far away.
///
/// Who takes part. Every scorecard whose position is not in `exemplars` gets an entry, possibly empty (a
/// unit at 100% wherever it is scored has nothing to learn). Vetoed units get partners too: they need help
/// most. Vetoed units are never partners (SPEC §2: a vetoed unit is never an exemplar), so a vetoed position
/// in `exemplars` is treated as a unit that learns; positions out of range are ignored.
///
/// See docs/LEARNING-PARTNERS.md for a worked example.
///
///     let exemplars = scorecards.indices.filter { scorecards[$0].tier == "exemplary" }
///     let pairs = LearningPartners.partners(for: scorecards, exemplars: exemplars, rubric: rubric)
///     pairs[4]?.map(\.partner)  // ["GX-NN-01", "GX-LZ-03", "HN-CS-01"]
///     pairs[4]?.first?.lessons.first?.criterion  // "C7"
public enum LearningPartners {
  /// Up to `policy.count` partners for each unit of `scorecards` (scored against `rubric`) that is not an
  /// exemplar, keyed by the unit's position in `scorecards`.
  ///
  /// - Parameters:
  ///   - scorecards: one round's scorecards.
  ///   - exemplars: positions in `scorecards` of the units others may learn from.
  ///   - rubric: the rubric the scorecards were scored against.
  ///   - policy: how many partners each unit gets.
  public static func partners(
    for scorecards: [Scorecard], exemplars: [Int], rubric: Rubric, policy: PartnerPolicy = .init()
  ) -> [Int: [Partnership]] {
    let models = Set(exemplars.filter { scorecards.indices.contains($0) && !scorecards[$0].vetoed }).sorted()
    let isModel = Set(models)
    let shape = Shape(rubric)
    let profiles = scorecards.map { Profile($0, shape: shape) }
    var byRegion: [String: [Int]] = [:]
    var byLevel: [String: [Int]] = [:]
    for index in models {
      if let region = scorecards[index].unit.region { byRegion[region, default: []].append(index) }
      if let level = scorecards[index].unit.level { byLevel[level, default: []].append(index) }
    }

    var result: [Int: [Partnership]] = [:]
    for learner in scorecards.indices where !isModel.contains(learner) {
      let unit = scorecards[learner].unit
      let weights = Weights(profiles[learner], shape: shape)
      let sameRegion = { (index: Int) in unit.region != nil && scorecards[index].unit.region == unit.region }
      let sameLevel = { (index: Int) in unit.level != nil && scorecards[index].unit.level == unit.level }
      let groups: [(Partnership.Preference, () -> [Int])] = [
        (.sameRegion, { unit.region.flatMap { byRegion[$0] } ?? [] }),
        (.sameLevel, { (unit.level.flatMap { byLevel[$0] } ?? []).filter { !sameRegion($0) } }),
        (.anywhere, { models.filter { !sameRegion($0) && !sameLevel($0) } }),
      ]
      var chosen: [Partnership] = []
      for (preference, members) in groups where chosen.count < policy.count && !weights.isEmpty {
        let ranked = members()
          .map { (index: $0, score: weights.match(profiles[learner], profiles[$0])) }
          .filter { !isZero($0.score) }
          .sorted { a, b in
            let (x, y) = (tieKey(a.score), tieKey(b.score))
            if x != y { return x > y }
            let (p, q) = (scorecards[a.index].unit.id.utf8, scorecards[b.index].unit.id.utf8)
            if !p.elementsEqual(q) { return p.lexicographicallyPrecedes(q) }
            return a.index < b.index
          }
        for candidate in ranked.prefix(policy.count - chosen.count) {
          chosen.append(
            Partnership(
              unit: unit.id, partner: scorecards[candidate.index].unit.id, partnerIndex: candidate.index,
              preference: preference, score: candidate.score,
              lessons: lessons(scorecards[learner], from: scorecards[candidate.index])))
        }
      }
      result[learner] = chosen
    }
    return result
  }

  // MARK: - Lessons

  /// Criteria applicable to both where `partner` earned more: largest gain first, then rubric order.
  private static func lessons(_ unit: Scorecard, from partner: Scorecard) -> [Partnership.Lesson] {
    let criteria = unit.criteria
    let other = partner.criteria
    return criteria.indices
      .filter { criteria.status(at: $0) != .notApplicable && other.status(at: $0) != .notApplicable }
      .map { index in
        Partnership.Lesson(
          criterion: criteria.id(at: index), unitPoints: criteria.points(at: index),
          partnerPoints: other.points(at: index), gain: other.points(at: index) - criteria.points(at: index))
      }
      .filter { !isZero($0.gain) }
      .enumerated()
      .sorted { a, b in
        let (x, y) = (tieKey(a.element.gain), tieKey(b.element.gain))
        return x != y ? x > y : a.offset < b.offset
      }
      .map(\.element)
  }

  /// `x` rounded to 9 decimals, so that values equal but for float noise tie.
  private static func tieKey(_ x: Double) -> Double { (x * 1e9).rounded() / 1e9 }
}

// MARK: - Shares and weights

/// What the match score needs from the rubric: top-level sections and every criterion, each with its full
/// points ÷ the rubric total.
private struct Shape {
  /// Positions in `Rubric.sections` of the top-level sections.
  var sections: [Int]
  /// `full_s ÷ total` for each top-level section.
  var sectionWeights: [Double]
  /// `points_c ÷ total` for each criterion, in rubric order.
  var criterionWeights: [Double]

  init(_ rubric: Rubric) {
    let total = rubric.total
    let scale = { (points: Double) in total > 0 ? points / total : 0 }
    sections = rubric.sections.indices.filter { rubric.sections[$0].parent == nil }
    sectionWeights = sections.map { position in
      scale(sum(rubric.sections[position].criteria.map { rubric.criteria[$0].points }))
    }
    criterionWeights = rubric.criteria.map { scale($0.points) }
  }
}

/// One unit's shares: earned ÷ max of each top-level section and each criterion; NaN where nothing applies.
private struct Profile {
  var sections: [Double]
  var criteria: [Double]

  init(_ card: Scorecard, shape: Shape) {
    sections = shape.sections.map { CohortSummary.share(of: card.sections[$0]) ?? .nan }
    criteria = card.criteria.indices.map { index in
      let max = card.criteria.max(at: index)
      guard card.criteria.status(at: index) != .notApplicable, max > 0 else { return .nan }
      return card.criteria.points(at: index) / max
    }
  }
}

/// A learner's weights: shortfall × full points ÷ total, for each section and criterion it is short in.
private struct Weights {
  /// (position in `Profile.sections`, weight), only where the weight is above 0.
  var sections: [(Int, Double)]
  /// (position in `Profile.criteria`, weight), only where the weight is above 0.
  var criteria: [(Int, Double)]

  init(_ learner: Profile, shape: Shape) {
    func weigh(_ shares: [Double], _ weights: [Double]) -> [(Int, Double)] {
      shares.indices.compactMap { index in
        let share = shares[index]
        guard !share.isNaN else { return nil }
        let weight = Swift.max(0, 1 - share) * weights[index]
        return weight > 0 ? (index, weight) : nil
      }
    }
    sections = weigh(learner.sections, shape.sectionWeights)
    criteria = weigh(learner.criteria, shape.criterionWeights)
  }

  /// Whether the learner is short nowhere.
  var isEmpty: Bool { sections.isEmpty && criteria.isEmpty }

  /// The match score of `partner` for `learner`: sections first, then criteria, each in rubric order.
  func match(_ learner: Profile, _ partner: Profile) -> Double {
    var score = 0.0
    for (index, weight) in sections where !partner.sections[index].isNaN {
      score += weight * Swift.max(0, partner.sections[index] - learner.sections[index])
    }
    for (index, weight) in criteria where !partner.criteria[index].isNaN {
      score += weight * Swift.max(0, partner.criteria[index] - learner.criteria[index])
    }
    return score
  }
}
