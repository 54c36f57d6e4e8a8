/// The ranks (draw-major) and top-tier counts of a run of consecutive draws.
struct DrawBlock: Sendable {
  var draws: Int
  var ranks: [Int32]
  var topCounts: [Int32]
}

/// Runs draws on one thread, reusing its buffers from draw to draw.
struct DrawWorker {
  let model: RobustnessModel
  private var multipliers: [Double]
  private var picks: [Int]
  /// One criterion's drawn sample, ascending.
  private var sample: [Double]
  private var drawn: [Double]
  private var sectionEarned: [Double]
  /// Per unit: round2 of the draw's score.
  private var scores: [Double]
  /// Units × tiebreak sections: round2 of the draw's earned points.
  private var tiebreaks: [Double]
  /// Per unit: whether the floor and key rule hold in the draw.
  private var eligible: [Bool]
  /// The units in the last draw's rank order (the next sort starts from it).
  private var order: [Int]

  init(model: RobustnessModel) {
    self.model = model
    multipliers = [Double](repeating: 1, count: model.sectionCount + 1)
    picks = [Int](repeating: 0, count: model.largestPanel)
    sample = [Double](repeating: 0, count: model.largestPanel)
    drawn = [Double](repeating: 0, count: model.criterionCount)
    sectionEarned = [Double](repeating: 0, count: model.sectionCount + 1)
    scores = [Double](repeating: 0, count: model.unitCount)
    tiebreaks = model.scoredTiebreaks
    eligible = model.scoredEligible
    order = model.startOrder
  }

  /// Runs `draws` (0-based; draw d uses stream d + 1).
  mutating func run(draws: Range<Int>) -> DrawBlock {
    let units = model.unitCount
    var block = DrawBlock(
      draws: draws.count, ranks: [Int32](repeating: 0, count: draws.count * units),
      topCounts: [Int32](repeating: 0, count: units))
    for (row, draw) in draws.enumerated() {
      var random = SeededRandom(seed: model.seed, stream: UInt64(draw + 1))
      let total = drawWeights(&random)
      for unit in 0..<units {
        let shown = score(unit, total: total, random: &random)
        scores[unit] = shown
        if let top = model.top, !model.isVetoed[unit], eligible[unit], TierRule.reaches(top, shown: shown) {
          block.topCounts[unit] += 1
        }
      }
      block.ranks.withUnsafeMutableBufferPointer { ranks in
        rank(into: UnsafeMutableBufferPointer(rebasing: ranks[(row * units)..<((row + 1) * units)]))
      }
    }
    return block
  }

  /// Draws the section factors and sets the multipliers; returns Σ criterion points × multiplier.
  private mutating func drawWeights(_ random: inout SeededRandom) -> Double {
    let noise = model.noise
    var full = 0.0
    var weighted = 0.0
    for section in 0..<model.sectionCount {
      let factor = (1 - noise) + (2 * noise) * random.nextUnit()
      multipliers[section] = factor
      full += model.sectionFull[section]
      weighted += model.sectionFull[section] * factor
    }
    for section in 0..<model.sectionCount {
      multipliers[section] = weighted > 0 ? (multipliers[section] * full) / weighted : 1
    }
    var total = 0.0
    for criterion in 0..<model.criterionCount {
      total += model.criterionPoints[criterion] * multipliers[model.criterionSection[criterion]]
    }
    return total
  }

  /// round2 of `unit`'s score in this draw; for a resampled unit, also its floor, key rule and tiebreaks.
  private mutating func score(_ unit: Int, total: Double, random: inout SeededRandom) -> Double {
    let criteria = model.criterionCount
    let first = unit * criteria
    var earned = 0.0
    var applicableMax = 0.0
    let size = model.panelSize[unit]
    if size == 0 {
      for criterion in 0..<criteria {
        let multiplier = multipliers[model.criterionSection[criterion]]
        earned += model.points[first + criterion] * multiplier
        applicableMax += model.applicablePoints[first + criterion] * multiplier
      }
    } else {
      resample(unit, size: size, random: &random)
      for criterion in 0..<criteria {
        let multiplier = multipliers[model.criterionSection[criterion]]
        earned += drawn[criterion] * multiplier
        applicableMax += model.applicablePoints[first + criterion] * multiplier
      }
    }
    let base = applicableMax > 0 ? earned * (total / applicableMax) : 0
    return round2(clamp(base + model.bonus[unit] - model.deduction[unit], 0, model.ceiling))
  }

  /// Draws `unit`'s reviewers with replacement and sets `drawn`, its eligibility and its tiebreak points.
  ///
  /// Each criterion's reviewer points are stored ascending, so repeating each as many times as its reviewer was
  /// picked lists the drawn sample in ascending order, as `Aggregation.combine` would sort it.
  private mutating func resample(_ unit: Int, size: Int, random: inout SeededRandom) {
    for reviewer in 0..<size { picks[reviewer] = 0 }
    for _ in 0..<size { picks[random.next(below: size)] += 1 }
    let criteria = model.criterionCount
    let aggregation = model.aggregation
    var slot = model.panelOffset[unit]
    model.panelValues.withUnsafeBufferPointer { values in
      model.panelReviewers.withUnsafeBufferPointer { reviewers in
        picks.withUnsafeBufferPointer { picks in
          sample.withUnsafeMutableBufferPointer { sample in
            drawn.withUnsafeMutableBufferPointer { drawn in
              for criterion in 0..<criteria {
                var filled = 0
                for _ in 0..<size {
                  let value = values[slot]
                  for _ in 0..<picks[Int(reviewers[slot])] {
                    sample[filled] = value
                    filled += 1
                  }
                  slot += 1
                }
                drawn[criterion] = aggregation.combineAscending(UnsafeBufferPointer(sample), count: size)
              }
            }
          }
        }
      }
    }
    let first = unit * criteria
    for section in sectionEarned.indices { sectionEarned[section] = 0 }
    for criterion in 0..<criteria where model.applicable[first + criterion] {
      sectionEarned[model.criterionSection[criterion]] += drawn[criterion]
    }
    let tiebreakCount = model.tiebreakCriteria.count
    for (index, members) in model.tiebreakCriteria.enumerated() {
      var sum = 0.0
      for criterion in members where model.applicable[first + criterion] { sum += drawn[criterion] }
      tiebreaks[unit * tiebreakCount + index] = round2(sum)
    }
    guard let top = model.top else { return }
    let sectionOffset = unit * model.sectionCount
    eligible[unit] = model.sectionMax.withUnsafeBufferPointer { sectionMax in
      model.applicable.withUnsafeBufferPointer { applicable in
        drawn.withUnsafeBufferPointer { drawn in
          sectionEarned.withUnsafeBufferPointer { sectionEarned in
            model.tierRule.admits(
              top,
              DrawnPoints(
                sectionMax: UnsafeBufferPointer(
                  rebasing: sectionMax[sectionOffset..<sectionOffset + model.sectionCount]),
                sectionEarned: sectionEarned,
                applicable: UnsafeBufferPointer(rebasing: applicable[first..<first + criteria]), drawn: drawn))
          }
        }
      }
    }
  }

  /// Sorts `order` by SPEC §4 and writes each unit's competition rank into `ranks`.
  private mutating func rank(into ranks: UnsafeMutableBufferPointer<Int32>) {
    let tiebreakCount = model.tiebreakCriteria.count
    scores.withUnsafeBufferPointer { scores in
      tiebreaks.withUnsafeBufferPointer { tiebreaks in
        model.idOrder.withUnsafeBufferPointer { idOrder in
          model.isVetoed.withUnsafeBufferPointer { vetoed in
            let keys = DrawnKeys(
              tiebreakCount: tiebreakCount, vetoed: vetoed, scores: scores, tiebreaks: tiebreaks, idOrder: idOrder)
            order.sort { keys.precedes($0, $1) }
            keys.competitionRanks(order) { ranks[$0] = Int32($1) }
          }
        }
      }
    }
  }
}

/// One unit's points in a draw, as the tier rule reads them.
private struct DrawnPoints: TierEvidence {
  /// The unit's row of `RobustnessModel.sectionMax`.
  let sectionMax: UnsafeBufferPointer<Double>
  /// Per top-level section: the drawn points of its applicable criteria.
  let sectionEarned: UnsafeBufferPointer<Double>
  /// The unit's row of `RobustnessModel.applicable`.
  let applicable: UnsafeBufferPointer<Bool>
  /// Per criterion: the drawn points.
  let drawn: UnsafeBufferPointer<Double>

  func sectionEarned(_ slot: Int) -> Double { sectionEarned[slot] }
  func sectionMax(_ slot: Int) -> Double { sectionMax[slot] }
  func applies(_ criterion: Int) -> Bool { applicable[criterion] }
  func points(_ criterion: Int) -> Double { drawn[criterion] }
}

/// A draw's keys, as SPEC §4 ranks units by them.
private struct DrawnKeys: RankOrder {
  let tiebreakCount: Int
  let vetoed: UnsafeBufferPointer<Bool>
  /// Per unit: round2 of the draw's score.
  let scores: UnsafeBufferPointer<Double>
  /// Units × tiebreak sections: round2 of the draw's earned points.
  let tiebreaks: UnsafeBufferPointer<Double>
  /// Per unit: its position in UTF-8 byte order of the unit ids.
  let idOrder: UnsafeBufferPointer<Int32>

  func isVetoed(_ unit: Int) -> Bool { vetoed[unit] }
  func shownScore(_ unit: Int) -> Double { scores[unit] }
  func tiebreak(_ index: Int, of unit: Int) -> Double { tiebreaks[unit * tiebreakCount + index] }
  func idPrecedes(_ a: Int, _ b: Int) -> Bool { idOrder[a] < idOrder[b] }
}
