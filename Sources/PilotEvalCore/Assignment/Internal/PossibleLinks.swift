/// Which experts could ever review a unit together under 回避, whatever the plan: the upper bound for
/// pair coverage and the test of whether a connected design can exist.
///
/// Two experts can share unit u when both may review it (or are kept on it) and its places allow both:
/// with two or more places to fill any two eligible experts can, with one place only a kept expert and
/// an eligible one, with none only kept experts. Units with the same region, organisation and no kept
/// experts give the same pairs, so each such class is counted once.
struct PossibleLinks {
  /// Pairs of experts who could share a unit.
  let pairs: Int
  /// Groups of experts linked by possible pairs.
  let groups: Int

  init(_ state: PlanningState) {
    let count = state.expertCount
    var linked = [Bool](repeating: false, count: count * count)
    var sets = DisjointSets(count: count)
    var pairs = 0
    func join(_ x: Int, _ y: Int) {
      guard x != y, !linked[x * count + y] else { return }
      linked[x * count + y] = true
      linked[y * count + x] = true
      pairs += 1
      sets.union(x, y)
    }
    var seenClasses = Set<[Int32]>()
    let roster = state.roster
    for unit in 0..<state.unitCount {
      let kept = Array(state.panel[unit].prefix(state.keptCount[unit]))
      let open = max(0, roster.perUnit - kept.count)
      if kept.isEmpty {
        guard open >= 2, seenClasses.insert([roster.unitRegion[unit], roster.unitOrganisation[unit]]).inserted
        else { continue }
      }
      let eligible = open == 0 ? [] : (0..<count).filter { state.eligible(unit, $0) && !kept.contains($0) }
      for (i, x) in kept.enumerated() {
        for y in kept[(i + 1)...] { join(x, y) }
        for y in eligible { join(x, y) }
      }
      if open >= 2 {
        for (i, x) in eligible.enumerated() {
          for y in eligible[(i + 1)...] { join(x, y) }
        }
      }
    }
    self.pairs = pairs
    groups = sets.labels().count
  }
}
