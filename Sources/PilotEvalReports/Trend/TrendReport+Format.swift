import PilotEvalCore

/// A change with its sign: `+3.50`, `-1.25`, `0.00`.
func signed(_ value: Double, places: Int = 2) -> String {
  let text = fixed(value, places: places)
  return value > 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "+" + text : text
}

/// A rank change with its sign, positive = moved up: `+3`, `-2`, `0`.
func signed(_ value: Int) -> String {
  value > 0 ? "+\(value)" : String(value)
}

extension TrendReport {
  /// The pair of rounds the "first to last" figures describe: the last β entry (first → last when there are
  /// three or more rounds, else the only pair).
  var overallBeta: BetaConvergence? {
    beta.first { $0.from == rounds.first && $0.to == rounds.last } ?? beta.last
  }

  /// The migration from the first round to the last, or the only pair.
  var overallMigration: TierMigration? {
    migrations.first { $0.from == rounds.first && $0.to == rounds.last } ?? migrations.last
  }

  /// The first and last score of a unit (on the report's basis) and the rounds they are in.
  func span(_ unit: UnitTrend) -> (first: Double, last: Double, firstRound: Int, lastRound: Int)? {
    guard let firstRound = unit.scores.firstIndex(where: { $0 != nil }),
      let lastRound = unit.scores.lastIndex(where: { $0 != nil }), firstRound != lastRound,
      let first = unit.scores[firstRound], let last = unit.scores[lastRound]
    else { return nil }
    return (first, last, firstRound, lastRound)
  }

  /// Units scored in every round.
  var unitsInEveryRound: Int {
    units.filter { unit in !unit.scores.isEmpty && unit.scores.allSatisfy { $0 != nil } }.count
  }

  /// The unit at `index`, or nil when the index is out of range.
  func unit(at index: Int) -> UnitTrend? {
    units.indices.contains(index) ? units[index] : nil
  }
}
