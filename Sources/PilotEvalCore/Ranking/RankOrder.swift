/// SPEC §4's order, written once for `Ranking` and the robustness draws.
///
/// Units are numbered 0, 1, …; a conforming type reads their keys. A unit comes first when it is not vetoed and
/// the other is; then by round2 of its score, higher first; then by round2 of its earned points in each tiebreak
/// section in turn, higher first; then by unit id, in UTF-8 byte order. Units equal on everything but the id are
/// tied and share a competition rank ("1224").
protocol RankOrder {
  /// The number of tiebreak sections.
  var tiebreakCount: Int { get }
  /// Whether a veto applies to `unit`.
  func isVetoed(_ unit: Int) -> Bool
  /// round2 of `unit`'s score.
  func shownScore(_ unit: Int) -> Double
  /// round2 of `unit`'s earned points in the tiebreak section at `index`.
  func tiebreak(_ index: Int, of unit: Int) -> Double
  /// Whether `a`'s unit id comes before `b`'s in UTF-8 byte order.
  func idPrecedes(_ a: Int, _ b: Int) -> Bool
}

extension RankOrder {
  /// Whether `a` is ranked before `b`.
  func precedes(_ a: Int, _ b: Int) -> Bool {
    let vetoed = isVetoed(a)
    if vetoed != isVetoed(b) { return !vetoed }
    let score = shownScore(a)
    let other = shownScore(b)
    if score != other { return score > other }
    for index in 0..<tiebreakCount {
      let x = tiebreak(index, of: a)
      let y = tiebreak(index, of: b)
      if x != y { return x > y }
    }
    return idPrecedes(a, b)
  }

  /// Whether `a` and `b` share a rank: equal on every key but the unit id.
  func tied(_ a: Int, _ b: Int) -> Bool {
    guard isVetoed(a) == isVetoed(b), shownScore(a) == shownScore(b) else { return false }
    for index in 0..<tiebreakCount where tiebreak(index, of: a) != tiebreak(index, of: b) { return false }
    return true
  }

  /// Calls `body` with each unit of `ordered` (already in rank order) and its competition rank, counting from
  /// `first`: a unit tied with the one before it shares that unit's rank.
  func competitionRanks<Units: Sequence<Int>>(
    _ ordered: Units, from first: Int = 1, _ body: (_ unit: Int, _ rank: Int) -> Void
  ) {
    var previous = -1
    var rank = first
    for (position, unit) in ordered.enumerated() {
      if position == 0 || !tied(previous, unit) { rank = first + position }
      body(unit, rank)
      previous = unit
    }
  }
}
