import Foundation  // log

/// Inequality measures of non-negative scores. Sums run in the order given, so equal inputs give
/// bit-identical results.
enum Inequality {
  /// The arithmetic mean; 0 for no values.
  static func mean(_ values: [Double]) -> Double {
    values.isEmpty ? 0 : PanelMath.mean(values)
  }

  /// The population standard deviation (divisor n), around the mean (two passes); 0 for no values.
  static func standardDeviation(_ values: [Double]) -> Double {
    guard !values.isEmpty, !PanelMath.isNearlyConstant(values) else { return 0 }
    return (PanelMath.squaredDeviations(values) / Double(values.count)).squareRoot()
  }

  /// The coefficient of variation: standard deviation over mean, 0 when the mean is 0.
  static func coefficientOfVariation(_ values: [Double]) -> Double {
    let center = mean(values)
    return center == 0 ? 0 : standardDeviation(values) / center
  }

  /// The Gini coefficient: the mean absolute difference over all ordered pairs, divided by twice the
  /// mean; 0 when the mean is 0 or there are fewer than two values.
  ///
  /// With the values sorted ascending as x₁ ≤ … ≤ xₙ, Σᵢ Σⱼ |xᵢ − xⱼ| = 2 Σᵢ (2i − n − 1) xᵢ, so
  /// G = Σᵢ (2i − n − 1) xᵢ / (n² μ), which takes O(n log n) for the sort.
  static func gini(_ values: [Double]) -> Double {
    let center = mean(values)
    guard values.count >= 2, center != 0, !PanelMath.isNearlyConstant(values) else { return 0 }
    let n = Double(values.count)
    var weighted = 0.0
    for (offset, value) in values.sorted().enumerated() {
      weighted += (2 * Double(offset + 1) - n - 1) * value
    }
    return weighted / (n * n * center)
  }

  /// The Theil T index around `mean`: (1/N) Σ (y/μ) ln(y/μ), taking 0 · ln 0 = 0 (a value ≤ 0 adds
  /// nothing); 0 for no values or a mean of 0.
  /// Values without spread beyond rounding (`PanelMath.isNearlyConstant`) give exactly 0, and the index is never
  /// below 0 (it is not, mathematically; rounding can put it at −2e-16).
  static func theil(_ values: [Double], mean center: Double) -> Double {
    guard !values.isEmpty, center > 0, !PanelMath.isNearlyConstant(values) else { return 0 }
    return Swift.max(0, values.reduce(0) { $0 + entropyTerm($1 / center) } / Double(values.count))
  }

  /// s · ln s, with 0 for s ≤ 0.
  static func entropyTerm(_ share: Double) -> Double {
    share > 0 ? share * log(share) : 0
  }
}

extension Dispersion {
  /// The dispersion of round `round` of `table`: every unit scored in it, in id order, grouped by the
  /// region it gives in that round ("" being a region like any other).
  ///
  /// The Theil index splits exactly into parts between and within regions: with Nᵍ units of mean μᵍ
  /// and Theil index Tᵍ in region g, and N, μ overall, between = Σᵍ (Nᵍ/N)(μᵍ/μ) ln(μᵍ/μ) and
  /// within = Σᵍ (Nᵍ/N)(μᵍ/μ) Tᵍ (both 0 when μ is 0). A round with no units is all zeros.
  init(_ table: TrendTable, round: Int) {
    var scores = [Double]()
    var byRegion = [String: [Double]]()
    for unit in table.ids.indices {
      guard let score = table.score(unit, round), let snapshot = table.cells[unit][round] else { continue }
      scores.append(score)
      byRegion[snapshot.region, default: []].append(score)
    }
    let total = Double(scores.count)
    let center = Inequality.mean(scores)
    var between = 0.0
    var within = 0.0
    var groups = [Group]()
    for region in byRegion.keys.sorted(by: TrendTable.precedes) {
      let members = byRegion[region] ?? []
      let groupMean = Inequality.mean(members)
      let groupTheil = Inequality.theil(members, mean: groupMean)
      groups.append(Group(region: region, count: members.count, mean: groupMean, theil: groupTheil))
      guard center > 0 else { continue }
      let weight = Double(members.count) / total
      between += weight * Inequality.entropyTerm(groupMean / center)
      within += weight * (groupMean / center) * groupTheil
    }
    let deviation = Inequality.standardDeviation(scores)
    (between, within) = (Swift.max(0, between), Swift.max(0, within))
    if PanelMath.isNearlyConstant(groups.map(\.mean)) { between = 0 }
    self.init(
      round: table.rounds[round].round, count: scores.count, mean: center, standardDeviation: deviation,
      coefficientOfVariation: center == 0 ? 0 : deviation / center, gini: Inequality.gini(scores),
      theil: Inequality.theil(scores, mean: center), theilBetween: between, theilWithin: within, groups: groups)
  }
}
