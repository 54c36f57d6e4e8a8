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
