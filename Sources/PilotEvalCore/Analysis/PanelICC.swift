/// The two ANOVA models of the intraclass correlation (Shrout & Fleiss 1979; McGraw & Wong 1996).
public enum ICCForm: String, Sendable, Hashable, CaseIterable {
  /// One-way random: each subject may have its own raters; rater effects are part of the error.
  case oneWay = "ICC(1)"
  /// Two-way random, absolute agreement: the same raters rate every subject, raters a random sample.
  case twoWay = "ICC(2)"
}

/// An intraclass correlation of one model: the reliability of one rating and of the panel mean, each with
/// its F-based confidence interval (McGraw & Wong 1996).
public struct ICCEstimate: Sendable, Hashable {
  /// The model.
  public var form: ICCForm
  /// ICC(·,1): the reliability of a single rater's rating.
  public var single: ReliabilityValue
  /// ICC(·,k): the reliability of the mean of `ratersPerSubject` ratings.
  public var average: ReliabilityValue
  /// The subjects the estimate rests on.
  public var subjects: Int
  /// The raters the estimate rests on, in the matrix's rater order.
  public var raters: [String]
  /// The ratings the estimate rests on.
  public var ratings: Int
  /// k: the raters per subject; for one-way data with unequal counts, k₀ (see `RatingMatrix.oneWayICC()`).
  public var ratersPerSubject: Double
  /// The confidence interval of `single`, `nil` when `single` is not defined.
  public var singleInterval: ConfidenceInterval? = nil
  /// The confidence interval of `average`, `nil` when `average` is not defined.
  public var averageInterval: ConfidenceInterval? = nil
  /// How the complete block was found (two-way only; `nil` for the one-way model).
  public var blockSearch: BlockSearch? = nil
}

// MARK: - One-way random

extension RatingMatrix {
  /// ICC(1,1) and ICC(1,k): the one-way random model, for panels that differ by subject.
  ///
  /// Every subject with at least one rating takes part. With g subjects, n_i ratings of subject i,
  /// N = Σ n_i, subject means x̄_i and grand mean x̄ (one-way ANOVA):
  ///
  ///     MSB = Σ n_i (x̄_i − x̄)² / (g − 1)            between subjects
  ///     MSW = Σ_i Σ_j (x_ij − x̄_i)² / (N − g)       within subjects
  ///     k₀  = (N − Σ n_i² / N) / (g − 1)             = k when every n_i = k
  ///     ICC(1,1) = (MSB − MSW) / (MSB + (k₀ − 1) MSW)
  ///     ICC(1,k) = (MSB − MSW) / MSB
  ///
  /// k₀ is the standard effective group size of the unbalanced one-way ANOVA; with equal counts the
  /// formulas are Shrout & Fleiss's (1979) ICC(1,1) and ICC(1,k), and ICC(1,k) is then the reliability
  /// of the mean of k₀ ratings (the Spearman–Brown step-up of ICC(1,1) by k₀).
  ///
  /// The intervals at `level` are McGraw & Wong's (1996) for Case 1 (see `ICCInterval.oneWay`), with k₀ for k.
  public func oneWayICC(level: Double = 0.95) -> ICCEstimate {
    let groups = subjects.indices.map(values(of:)).filter { !$0.isEmpty }
    let total = groups.reduce(0) { $0 + $1.count }
    let ratingSubjects = groups.count
    let squares = groups.reduce(0.0) { $0 + Double($1.count * $1.count) }
    let effectiveK =
      ratingSubjects > 1 ? (Double(total) - squares / Double(total)) / Double(ratingSubjects - 1) : Double(total)
    let active = raters.indices.filter { rater in ratings.contains { $0[rater] != nil } }.map { raters[$0] }
    func estimate(_ single: ReliabilityValue, _ average: ReliabilityValue) -> ICCEstimate {
      ICCEstimate(
        form: .oneWay, single: single, average: average, subjects: ratingSubjects, raters: active, ratings: total,
        ratersPerSubject: effectiveK)
    }
    if let undefined = oneWayObstacle(groups) { return estimate(undefined, undefined) }
    let grand = PanelMath.mean(groups.joined())
    var between = 0.0
    var within = 0.0
    for group in groups {
      let groupMean = PanelMath.mean(group)
      between += Double(group.count) * (groupMean - grand) * (groupMean - grand)
      within += PanelMath.squaredDeviations(group)
    }
    let msb = between / Double(ratingSubjects - 1)
    let msw = within / Double(total - ratingSubjects)
    var result = estimate(
      .ratio(msb - msw, msb + (effectiveK - 1) * msw, otherwise: .noSubjectVariance),
      .ratio(msb - msw, msb, otherwise: .noSubjectVariance))
    if result.single.number != nil {
      let intervals = ICCInterval.oneWay(
        msb: msb, msw: msw, subjects: ratingSubjects, ratings: total, k: effectiveK, level: level)
      result.singleInterval = intervals?.single
      result.averageInterval = intervals?.average
    }
    return result
  }

  /// Why one-way ICCs are not defined for these subjects' ratings, or `nil` when they are.
  private func oneWayObstacle(_ groups: [[Double]]) -> ReliabilityValue? {
    if activeRaters < 2 { return .fewerThanTwoRaters }
    if groups.count < 2 { return .fewerThanTwoSubjects }
    if groups.allSatisfy({ $0.count < 2 }) { return .noRepeatedRatings }
    if PanelMath.isConstant(groups.joined()) { return .noVariance }
    return nil
  }
}

// MARK: - Two-way random, absolute agreement

extension RatingMatrix {
  /// ICC(2,1) and ICC(2,k): the two-way random model, absolute agreement, on `completeBlock()`, with
  /// McGraw & Wong's (1996) intervals at `level` (see `ICCInterval.twoWay`).
  ///
  /// The model needs every subject rated by the same k raters; it uses the complete block with the most
  /// ratings (see `completeBlock()`), and `subjects`, `raters`, `ratings` and `blockSearch` of the result say
  /// which and how it was found. With n subjects, row means x̄_i, column means x̄_j and grand mean x̄ (two-way ANOVA without
  /// replication):
  ///
  ///     BMS = k Σ_i (x̄_i − x̄)² / (n − 1)                         between subjects (rows)
  ///     JMS = n Σ_j (x̄_j − x̄)² / (k − 1)                         between raters (columns)
  ///     EMS = Σ_i Σ_j (x_ij − x̄_i − x̄_j + x̄)² / ((n − 1)(k − 1))  residual
  ///     ICC(2,1) = (BMS − EMS) / (BMS + (k − 1) EMS + k (JMS − EMS) / n)
  ///     ICC(2,k) = (BMS − EMS) / (BMS + (JMS − EMS) / n)
  ///
  /// These are Shrout & Fleiss's (1979) ICC(2,1) and ICC(2,k), McGraw & Wong's (1996) ICC(A,1) and ICC(A,k).
  public func twoWayICC(level: Double = 0.95) -> ICCEstimate {
    let found = completeBlock()
    let block = found.matrix
    let rows = block.subjects.indices.map(block.values(of:))
    let n = rows.count
    let k = block.raters.count
    func estimate(_ single: ReliabilityValue, _ average: ReliabilityValue) -> ICCEstimate {
      ICCEstimate(
        form: .twoWay, single: single, average: average, subjects: n, raters: block.raters, ratings: n * k,
        ratersPerSubject: Double(k), blockSearch: found.search)
    }
    if let undefined = twoWayObstacle(rows) { return estimate(undefined, undefined) }
    let grand = PanelMath.mean(rows.joined())
    let rowMeans = rows.map { PanelMath.mean($0) }
    let columnMeans = (0..<k).map { column in PanelMath.mean(rows.lazy.map { $0[column] }) }
    let rowSquares = rowMeans.reduce(0) { $0 + ($1 - grand) * ($1 - grand) }
    let columnSquares = columnMeans.reduce(0) { $0 + ($1 - grand) * ($1 - grand) }
    var residual = 0.0
    for (i, row) in rows.enumerated() {
      for (j, x) in row.enumerated() {
        let e = x - rowMeans[i] - columnMeans[j] + grand
        residual += e * e
      }
    }
    let (subjectCount, raterCount) = (Double(n), Double(k))
    let bms = raterCount * rowSquares / (subjectCount - 1)
    let jms = subjectCount * columnSquares / (raterCount - 1)
    let ems = residual / ((subjectCount - 1) * (raterCount - 1))
    var result = estimate(
      .ratio(
        bms - ems, bms + (raterCount - 1) * ems + raterCount * (jms - ems) / subjectCount,
        otherwise: .noSubjectVariance),
      .ratio(bms - ems, bms + (jms - ems) / subjectCount, otherwise: .noSubjectVariance))
    if let single = result.single.number {
      let intervals = ICCInterval.twoWay(
        icc: single, msr: bms, msc: jms, mse: ems, subjects: n, raters: k, level: level)
      result.singleInterval = intervals?.single
      result.averageInterval = intervals?.average
    }
    return result
  }

  /// Why two-way ICCs are not defined for this complete block, or `nil` when they are.
  private func twoWayObstacle(_ rows: [[Double]]) -> ReliabilityValue? {
    if activeRaters < 2 { return .fewerThanTwoRaters }
    if rows.count < 3 { return .noCompleteBlock }
    if PanelMath.isConstant(rows.joined()) { return .noVariance }
    return nil
  }
}
