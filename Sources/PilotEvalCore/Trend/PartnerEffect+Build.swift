extension PartnerEffect {
  /// The partner effect from round `earlier` to round `later` of `table`.
  ///
  /// Units scored in both rounds take part unless they were exemplars in the earlier round; a unit is
  /// paired when it had partners in the earlier round, and its improvement is its later score minus
  /// its earlier one. Tier, region and level are the unit's in the earlier round.
  ///
  /// Strata are keyed by (tier, cohort, value). An unpaired unit belongs to two: (its tier, `region`,
  /// its region) and (its tier, `level`, its level). A paired unit goes to the first of those two that
  /// holds an unpaired unit, else it is unmatched; "" is a region or level like any other. Only
  /// strata holding a paired unit are listed, in byte order of tier, then cohort, then value.
  /// `difference` weighs each stratum's gap in mean improvement by its paired count.
  ///
  /// `differenceInterval` is a percentile bootstrap (`options.resamples` resamples, seeded by `options.seed`):
  /// each resample draws, within every listed stratum, its paired units and its unpaired units with
  /// replacement (each group keeping its size) and recomputes `difference` with the same weights.
  init(_ table: TrendTable, from earlier: Int, to later: Int, options: TrendOptions) {
    var paired = [Double]()
    var unpaired = [Double]()
    var candidates = [(key: (region: StratumKey, level: StratumKey), improvement: Double)]()
    var unpairedByKey = [StratumKey: [Double]]()
    for unit in table.ids.indices {
      guard let start = table.score(unit, earlier), let end = table.score(unit, later),
        let snapshot = table.cells[unit][earlier], !snapshot.exemplar
      else { continue }
      let improvement = end - start
      let region = StratumKey(tier: snapshot.tier, cohort: "region", value: snapshot.region)
      let level = StratumKey(tier: snapshot.tier, cohort: "level", value: snapshot.level)
      if snapshot.partners.isEmpty {
        unpaired.append(improvement)
        unpairedByKey[region, default: []].append(improvement)
        unpairedByKey[level, default: []].append(improvement)
      } else {
        paired.append(improvement)
        candidates.append(((region, level), improvement))
      }
    }
    var pairedByKey = [StratumKey: [Double]]()
    var unmatched = 0
    for candidate in candidates {
      if unpairedByKey[candidate.key.region] != nil {
        pairedByKey[candidate.key.region, default: []].append(candidate.improvement)
      } else if unpairedByKey[candidate.key.level] != nil {
        pairedByKey[candidate.key.level, default: []].append(candidate.improvement)
      } else {
        unmatched += 1
      }
    }
    let strata = pairedByKey.keys.sorted(by: StratumKey.precedes).map { key in
      Stratum(
        tier: key.tier, cohort: key.cohort, value: key.value, paired: Group(pairedByKey[key] ?? []),
        unpaired: Group(unpairedByKey[key] ?? []))
    }
    let weight = strata.reduce(0) { $0 + $1.paired.count }
    let weightedGap = strata.reduce(0.0) {
      $0 + ($1.paired.meanImprovement - $1.unpaired.meanImprovement) * Double($1.paired.count)
    }
    let keys = pairedByKey.keys.sorted(by: StratumKey.precedes)
    let samples = keys.map { (paired: pairedByKey[$0] ?? [], unpaired: unpairedByKey[$0] ?? []) }
    self.init(
      from: table.rounds[earlier].round, to: table.rounds[later].round, source: table.rounds[earlier].pairings,
      paired: Group(paired), unpaired: Group(unpaired), strata: strata, unmatched: unmatched,
      difference: strata.isEmpty ? nil : weightedGap / Double(weight),
      differenceInterval: strata.isEmpty
        ? nil
        : Self.bootstrap(
          samples, options: options,
          stream: Bootstrap.partnerStream(table.positions[earlier], table.positions[later])))
  }

  /// The percentile interval of the weighted difference over resamples within each stratum's two groups.
  private static func bootstrap(
    _ strata: [(paired: [Double], unpaired: [Double])], options: TrendOptions, stream: UInt64
  ) -> ConfidenceInterval? {
    var random = SeededRandom(seed: options.seed, stream: stream)
    let weight = Double(strata.reduce(0) { $0 + $1.paired.count })
    func mean(_ values: [Double], _ picks: [Int]) -> Double {
      picks.reduce(0.0) { $0 + values[$1] } / Double(picks.count)
    }
    var differences = [Double]()
    differences.reserveCapacity(options.resamples)
    for _ in 0..<options.resamples {
      var gap = 0.0
      for stratum in strata {
        let paired = mean(stratum.paired, Bootstrap.resample(stratum.paired.count, using: &random))
        let unpaired = mean(stratum.unpaired, Bootstrap.resample(stratum.unpaired.count, using: &random))
        gap += (paired - unpaired) * Double(stratum.paired.count)
      }
      differences.append(gap / weight)
    }
    return Bootstrap.percentile(differences, level: options.confidence)
  }
}

extension PartnerEffect.Group {
  /// The size and mean (0 when empty) of `improvements`, summed in the order given.
  init(_ improvements: [Double]) {
    self.init(
      count: improvements.count,
      meanImprovement: improvements.isEmpty ? 0 : improvements.reduce(0, +) / Double(improvements.count))
  }
}

/// A stratum of comparable units: starting tier, and `region` or `level` with its value.
private struct StratumKey: Hashable {
  /// The starting tier.
  var tier: String
  /// `region` or `level`.
  var cohort: String
  /// The region or level.
  var value: String

  /// Byte order of tier, then cohort, then value.
  static func precedes(_ a: StratumKey, _ b: StratumKey) -> Bool {
    for (x, y) in [(a.tier, b.tier), (a.cohort, b.cohort)] where !x.utf8.elementsEqual(y.utf8) {
      return TrendTable.precedes(x, y)
    }
    return TrendTable.precedes(a.value, b.value)
  }
}
