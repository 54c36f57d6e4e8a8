extension BetaConvergence {
  /// β-convergence from round `earlier` to round `later` of `table`.
  ///
  /// Over the units scored in both (in id order): x = the earlier score, y = (later − earlier) / periods,
  /// periods = the rounds' distance in the recording order (`TrendTable.positions`). The interval is
  /// slope ± t · SE with t the (1 + confidence) / 2 quantile of Student's t with n − 2 degrees of freedom (a
  /// confidence at or below 0 gives t = 0; at or above 1, an unbounded interval). Converging when the
  /// interval lies wholly below 0, diverging when wholly above, else inconclusive; not defined, with every
  /// figure 0 and `reason` set, for fewer than three units or when the earlier scores have no spread.
  ///
  /// Regression to the mean: with r the reliability of the earlier round's scores (ICC(1,k₀) of its reviewers'
  /// totals, `TrendTable.reliability`), noise alone gives a slope of −(1 − r) on the growth over the whole
  /// span, and a true slope b shows as b r − (1 − r). The corrected slope per round is therefore
  /// (periods · β + 1 − r) / (r · periods), with a percentile interval from `options.resamples` resamples of the
  /// units (seeded by `options.seed`, r held at its estimate).
  init(_ table: TrendTable, from earlier: Int, to later: Int, options: TrendOptions) {
    let periods = max(1, abs(table.positions[later] - table.positions[earlier]))
    var x = [Double]()
    var y = [Double]()
    for unit in table.ids.indices {
      guard let start = table.score(unit, earlier), let end = table.score(unit, later) else { continue }
      x.append(start)
      y.append((end - start) / Double(periods))
    }
    let from = table.rounds[earlier].round
    let to = table.rounds[later].round
    let confidence = options.confidence
    let (reliability, r) = table.reliability(earlier)
    guard let fit = LeastSquaresFit(x: x, y: y) else {
      let reason = LeastSquaresFit.obstacle(x) ?? "no line can be fitted"
      self.init(
        from: from, to: to, periods: periods, count: x.count, slope: 0, intercept: 0, standardError: 0, lower: 0,
        upper: 0, confidence: confidence, rSquared: 0, verdict: .notDefined, reason: reason,
        reliability: reliability, r: r, noiseSlope: Self.noise(r, periods: periods),
        corrected: .notDefined("the slope is not defined: " + reason))
      return
    }
    let t = max(0, StudentT.quantile((1 + confidence) / 2, degreesOfFreedom: Double(fit.count - 2)))
    let halfWidth = fit.standardError == 0 ? 0 : t * fit.standardError
    let lower = fit.slope - halfWidth
    let upper = fit.slope + halfWidth
    let verdict: Verdict = upper < 0 ? .converging : lower > 0 ? .diverging : .inconclusive
    var corrected = ReliabilityValue.notDefined(r.reason ?? "")
    var interval: ConfidenceInterval?
    if let reliabilityValue = r.number {
      if reliabilityValue > 0 {
        corrected = .finite(
          Self.correct(fit.slope, r: reliabilityValue, periods: periods), otherwise: "the correction is not finite")
        interval = Self.bootstrap(
          x: x, y: y, r: reliabilityValue, periods: periods, options: options,
          stream: Bootstrap.betaStream(table.positions[earlier], table.positions[later]))
      } else {
        corrected = .notDefined("the earlier round's reliability is not positive, so nothing of the slope is signal")
      }
    }
    self.init(
      from: from, to: to, periods: periods, count: fit.count, slope: fit.slope, intercept: fit.intercept,
      standardError: fit.standardError, lower: lower, upper: upper, confidence: confidence, rSquared: fit.rSquared,
      verdict: verdict, reliability: reliability, r: r, noiseSlope: Self.noise(r, periods: periods),
      corrected: corrected, correctedInterval: interval)
  }

  /// (periods · β + 1 − r) / (r · periods).
  static func correct(_ slope: Double, r: Double, periods: Int) -> Double {
    (Double(periods) * slope + 1 - r) / (r * Double(periods))
  }

  /// −(1 − r) / periods, or why r is not known.
  private static func noise(_ r: ReliabilityValue, periods: Int) -> ReliabilityValue {
    guard let value = r.number else { return r }
    return .value(-(1 - value) / Double(periods))
  }

  /// The percentile interval of the corrected slope over `options.resamples` resamples of the units; a resample
  /// whose earlier scores have no spread is left out; `nil` when fewer than half the resamples give a slope.
  private static func bootstrap(
    x: [Double], y: [Double], r: Double, periods: Int, options: TrendOptions, stream: UInt64
  ) -> ConfidenceInterval? {
    var random = SeededRandom(seed: options.seed, stream: stream)
    var slopes = [Double]()
    slopes.reserveCapacity(options.resamples)
    for _ in 0..<options.resamples {
      let picks = Bootstrap.resample(x.count, using: &random)
      guard let fit = LeastSquaresFit(x: picks.map { x[$0] }, y: picks.map { y[$0] }) else { continue }
      slopes.append(correct(fit.slope, r: r, periods: periods))
    }
    guard slopes.count * 2 >= options.resamples else { return nil }
    return Bootstrap.percentile(slopes, level: options.confidence)
  }
}

extension TrendTable {
  /// The reliability of round `round`'s verified scores: the one-way ICC of its reviewers' totals (every unit
  /// with reviews), and r = its ICC(1,k₀), or why it is not known.
  func reliability(_ round: Int) -> (ICCEstimate?, ReliabilityValue) {
    let units = rounds[round].units
    let reviewed = units.filter { !$0.reviewers.isEmpty }
    guard !reviewed.isEmpty else {
      return (nil, .notDefined("the earlier round had no reviews, so the reliability of its scores is unknown"))
    }
    guard reviewed.allSatisfy({ $0.reviewerTotals.count == $0.reviewers.count }) else {
      return (
        nil,
        .notDefined(
          "the earlier round was recorded before reviewers' totals were kept; record it again with --replace")
      )
    }
    var raterSet = Set<String>()
    var rows = [[String: Double]]()
    for unit in reviewed {
      var row = [String: Double]()
      for (reviewer, total) in zip(unit.reviewers, unit.reviewerTotals) where row[reviewer] == nil {
        row[reviewer] = total
      }
      raterSet.formUnion(row.keys)
      rows.append(row)
    }
    let raters = raterSet.sorted(by: TrendTable.precedes)
    let matrix = RatingMatrix(
      subjects: reviewed.map(\.id), raters: raters, ratings: rows.map { row in raters.map { row[$0] } })
    let estimate = matrix.oneWayICC()
    return (estimate, estimate.average)
  }
}
