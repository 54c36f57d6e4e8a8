/// Uncertainty analysis of a round's ranking, as composite-indicator analysts run it (JRC/OECD handbook,
/// COINr): rescore every unit many times under perturbed section weights and resampled reviewers, and report
/// each unit's median rank with a 5–95% interval and how often it reaches the top tier.
///
/// In each draw:
/// - every top-level section s gets a factor fₛ ~ Uniform[1 − noise, 1 + noise] and the multiplier
///   mₛ = fₛ · Σ fullₛ ÷ Σ (fullₛ · fₛ), so the rubric total is kept (fullₛ: Σ points of the criteria inside s);
///   a criterion outside every top-level section keeps multiplier 1;
/// - a unit with two or more accepted reviews and `resampleReviewers` draws n reviewers with replacement from
///   its n, and each criterion's verified points become the rubric's aggregation of the drawn reviewers' points
///   (the same rule as `Aggregation.combine`); other units keep their verified points;
/// - base′ = Σ earned · m × (Σ points · m ÷ Σ applicable points · m) (SPEC §2's 合理缺项 rescaling, weighted;
///   with every m = 1 it is the scorecard's base, computed in the same order), and
///   score′ = clamp(base′ + bonus − deduction, 0, total + bonus cap), with the scorecard's bonus and deduction;
/// - the unit reaches the top tier when it is not vetoed, round2(score′) ≥ min − ε, the top tier's section floor
///   holds on the drawn section points (plain sums, as in SPEC §1), and no applicable ★ key criterion has
///   drawn points ≤ ε (unless the top tier is also the lowest);
/// - units are ranked as SPEC §4 ranks them (not vetoed first, round2(score′), each tiebreak section's round2
///   of drawn earned points, unit id by UTF-8 bytes), with competition ranks.
///
/// Draw d (1 … draws) takes its random numbers from its own stream, `SeededRandom(seed: seed, stream: d)`:
/// first one factor per top-level section, in rubric order, then, for each resampled unit in input order, n
/// reviewer picks. The report therefore depends on the seed only, never on `jobs` or on thread timing.
///
///     let report = Robustness.analyse(scorecards, rubric: rubric, options: .init(draws: 2000, seed: 7), jobs: 4)
///     for unit in report.units {
///       print(unit.unit, unit.medianRank, "\(unit.rank5)–\(unit.rank95)", unit.topTierProbability)
///     }
public enum Robustness {
  /// Runs the analysis on `scorecards` (one round's, all scored against `rubric`).
  ///
  /// - Parameters:
  ///   - scorecards: the round's scorecards; the report lists them in this order.
  ///   - rubric: the rubric they were scored against.
  ///   - options: draws, seed, weight noise and reviewer resampling. `draws` must be at least 1 and
  ///     `weightNoise` in [0, 1).
  ///   - jobs: how many threads run the draws (values below 1 mean 1). The report does not depend on it.
  public static func analyse(
    _ scorecards: [Scorecard], rubric: Rubric, options: RobustnessOptions = .init(), jobs: Int = 1
  ) -> RobustnessReport {
    precondition(options.draws >= 1, "a robustness analysis needs at least one draw")
    precondition(
      options.weightNoise >= 0 && options.weightNoise < 1,
      "the weight noise must be in [0, 1), not \(options.weightNoise)")
    let model = RobustnessModel(scorecards, rubric: rubric, options: options)
    let units = model.unitCount
    let draws = options.draws
    let workers = Swift.max(1, jobs)

    // Ranks unit-major (each unit's draws side by side), top-tier counts per unit.
    var ranks = [Int32](repeating: 0, count: units * draws)
    var topCounts = [Int](repeating: 0, count: units)
    let chunk = 8
    OrderedParallel.forEach(
      count: (draws + chunk - 1) / chunk, jobs: workers, buffer: workers * 4,
      transform: { index in
        let first = index * chunk
        var worker = DrawWorker(model: model)
        return worker.run(draws: first..<Swift.min(draws, first + chunk))
      },
      consume: { index, result in
        let first = index * chunk
        for row in 0..<result.draws {
          for unit in 0..<units { ranks[unit * draws + first + row] = result.ranks[row * units + unit] }
        }
        for unit in 0..<units { topCounts[unit] += Int(result.topCounts[unit]) }
      })

    let finished = ranks
    let counts = topCounts
    let ids = scorecards.map(\.unit.id)
    var results: [UnitRobustness] = []
    results.reserveCapacity(units)
    let block = 256
    OrderedParallel.forEach(
      count: (units + block - 1) / block, jobs: workers,
      transform: { index in
        (index * block..<Swift.min(units, (index + 1) * block)).map { unit in
          summary(
            of: finished[unit * draws..<(unit + 1) * draws], unit: ids[unit],
            topProbability: Double(counts[unit]) / Double(draws), draws: draws)
        }
      },
      consume: { _, summaries in results.append(contentsOf: summaries) })

    return RobustnessReport(options: options, units: results, description: describe(options))
  }

  /// Median and nearest-rank percentiles of one unit's ranks.
  private static func summary(
    of ranks: ArraySlice<Int32>, unit: String, topProbability: Double, draws: Int
  ) -> UnitRobustness {
    let sorted = ranks.sorted()
    let count = sorted.count
    let middle = count / 2
    let median =
      count % 2 == 1 ? Double(sorted[middle]) : (Double(sorted[middle - 1]) + Double(sorted[middle])) / 2
    return UnitRobustness(
      unit: unit, medianRank: median, rank5: Int(sorted[nearestRank(5, of: count) - 1]),
      rank95: Int(sorted[nearestRank(95, of: count) - 1]), topTierProbability: topProbability, draws: draws)
  }

  /// ⌈percent · count ÷ 100⌉, at least 1, in integers so that no rounding can move it.
  private static func nearestRank(_ percent: Int, of count: Int) -> Int {
    Swift.max(1, (percent * count + 99) / 100)
  }

  /// The report's one-sentence description of `options`.
  private static func describe(_ options: RobustnessOptions) -> String {
    let reviewers =
      options.resampleReviewers
      ? "each unit's reviewers resampled with replacement (bootstrap) where it has two or more"
      : "reviewers not resampled"
    return "\(options.draws) draws with seed \(options.seed): each top-level section's weight multiplied by a factor "
      + "drawn uniformly from 1 ± \(options.weightNoise) and rescaled to keep the rubric total; \(reviewers)."
  }
}

// MARK: - Model

/// The top tier's rules, as a draw checks them.
struct TopTier: Sendable {
  var min: Double
  var floor: Double?
  /// Whether a ★ key criterion at zero keeps a unit out (not when the top tier is also the lowest).
  var keyRule: Bool
}

extension TopTier {
  /// Whether the floor and the key rule let a unit in (SPEC §2 step 7), given its points.
  ///
  /// A top-level section below `floor × max − ε` keeps it out (a section with max 0 passes); so does an
  /// applicable ★ key criterion at ≤ ε points, unless the top tier is also the lowest.
  func admits(
    sections: Int, sectionMax: (Int) -> Double, sectionEarned: (Int) -> Double, keyCriteria: [Int],
    applies: (Int) -> Bool, points: (Int) -> Double
  ) -> Bool {
    if let floor {
      for section in 0..<sections {
        let max = sectionMax(section)
        if max > 0 && sectionEarned(section) < floor * max - scoringEpsilon { return false }
      }
    }
    if keyRule {
      for criterion in keyCriteria where applies(criterion) && isZero(points(criterion)) { return false }
    }
    return true
  }
}

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
  let keyCriteria: [Int]
  let ceiling: Double
  let top: TopTier?

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
  /// The units that are not vetoed, in input order.
  let kept: [Int32]
  /// The vetoed units, in input order.
  let vetoed: [Int32]
  /// Per unit: its position when units are ordered by id (UTF-8 bytes), then by input position.
  let idOrder: [Int32]

  init(_ scorecards: [Scorecard], rubric: Rubric, options: RobustnessOptions) {
    seed = options.seed
    noise = options.weightNoise
    aggregation = rubric.aggregation
    let criteria = rubric.criteria.count
    criterionCount = criteria
    criterionPoints = rubric.criteria.map(\.points)
    let topLevel = rubric.sections.indices.filter { rubric.sections[$0].parent == nil }
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
    let keyCriteria = rubric.criteria.indices.filter { rubric.criteria[$0].isKey }
    self.keyCriteria = keyCriteria
    ceiling = rubric.total + rubric.effectiveBonusCap
    let top = rubric.tiers.first.map {
      TopTier(min: $0.min, floor: $0.sectionFloor, keyRule: $0.id != rubric.lowestTier?.id)
    }
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
    kept = scorecards.indices.filter { !scorecards[$0].vetoed }.map { Int32($0) }
    vetoed = scorecards.indices.filter { scorecards[$0].vetoed }.map { Int32($0) }
    let ids = scorecards.map { Array($0.unit.id.utf8) }
    let byID = scorecards.indices.sorted { ids[$0] != ids[$1] ? ids[$0].lexicographicallyPrecedes(ids[$1]) : $0 < $1 }
    var idOrder = [Int32](repeating: 0, count: scorecards.count)
    for (position, unit) in byID.enumerated() { idOrder[unit] = Int32(position) }
    self.idOrder = idOrder
    isVetoed = scorecards.map(\.vetoed)
    scoredEligible = scorecards.indices.map { unit in
      let card = scorecards[unit]
      return top?.admits(
        sections: topLevel.count, sectionMax: { card.sections[topLevel[$0]].max },
        sectionEarned: { card.sections[topLevel[$0]].earned }, keyCriteria: keyCriteria,
        applies: { card.criteria.status(at: $0) != .notApplicable }, points: { card.criteria.points(at: $0) }) ?? false
    }
  }

  /// Whether the top tier's floor and key rule hold for `unit`, given its criterion and top-level section points.
  func admits(_ unit: Int, points: (Int) -> Double, sectionEarned: (Int) -> Double) -> Bool {
    top?.admits(
      sections: sectionCount, sectionMax: { sectionMax[unit * sectionCount + $0] }, sectionEarned: sectionEarned,
      keyCriteria: keyCriteria, applies: { applicable[unit * criterionCount + $0] }, points: points) ?? false
  }
}

extension Aggregation {
  /// `combine` of the first `count` values, already in ascending order, without allocating: the same
  /// arithmetic in the same order (means add the values ascending, from 0, and divide by their count), so the
  /// result is bit for bit `combine`'s.
  package func combineAscending(_ values: UnsafeBufferPointer<Double>, count: Int) -> Double {
    func mean(_ range: Range<Int>) -> Double {
      var total = 0.0
      for index in range { total += values[index] }
      return total / Double(range.count)
    }
    switch self {
    case .mean:
      return mean(0..<count)
    case .median:
      let middle = count / 2
      return count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
    case .trimmedMean(let k):
      guard k > 0, count > 2 * k else { return mean(0..<count) }
      return mean(k..<(count - k))
    }
  }
}
