extension PlanningState {
  // MARK: - Construction

  /// Fills every unit up to K, one place at a time, with the eligible expert of lowest load; among those,
  /// the one who meets the most experts they have not yet shared a unit with; then at random.
  ///
  /// Units are taken scarcest first (fewest eligible experts beyond those needed), so units from a region
  /// with many experts do not wait until the few experts who may review them are loaded; within equal
  /// scarcity, in a seeded random order.
  mutating func construct(using random: inout SeededRandom) {
    let slack: [Int] = (0..<unitCount).map { unit in
      let base = unitClass[unit] * expertCount
      var free = 0
      for expert in 0..<expertCount where allowed[base + expert] { free += 1 }
      for member in panel[unit] where allowed[base + member] { free -= 1 }
      return free - needed(unit)
    }
    let keys = (0..<unitCount).map { _ in random.next() }
    let order = (0..<unitCount).sorted { (a: Int, b: Int) -> Bool in
      if slack[a] != slack[b] { return slack[a] < slack[b] }
      if keys[a] != keys[b] { return keys[a] < keys[b] }
      return a < b
    }
    for unit in order {
      for _ in 0..<needed(unit) {
        guard let expert = pick(for: unit, using: &random) else { break }
        add(expert, to: unit)
      }
    }
  }

  private func pick(for unit: Int, using random: inout SeededRandom) -> Int? {
    var best: Int?
    var bestLoad = Int.max
    var bestFresh = -1
    var ties = 0
    let (members, load, together, allowed) = (panel[unit], self.load, self.together, self.allowed)
    let base = unitClass[unit] * expertCount
    for expert in 0..<expertCount where load[expert] <= bestLoad && allowed[base + expert] {
      var fresh = 0
      var member = false
      for other in members {
        if other == expert { member = true }
        if together[expert * expertCount + other] == 0 { fresh += 1 }
      }
      if member { continue }
      if load[expert] < bestLoad || fresh > bestFresh {
        (best, bestLoad, bestFresh, ties) = (expert, load[expert], fresh, 1)
      } else if fresh == bestFresh {
        ties += 1
        if random.next(below: ties) == 0 { best = expert }
      }
    }
    return best
  }

  // MARK: - Balance

  /// Evens the loads out by moving places along chains: expert a₀ hands a unit to a₁, a₁ one of theirs
  /// to a₂, … up to an expert whose load is at least two below a₀'s. Every chain lowers Σ load², so the
  /// loop ends; when no chain is left, the load vector is the most even the eligibility allows — no
  /// plan has a smaller highest or a larger lowest load (the residual-graph optimality condition of
  /// a flow with convex costs on the experts' loads).
  mutating func balance() {
    while let chain = improvingChain() {
      for step in chain { move(step.unit, from: step.from, to: step.to) }
    }
  }

  /// One chain from an expert to another at least two below them, or `nil` when none exists.
  ///
  /// Breadth-first search from experts in decreasing load. An expert reached from an earlier start has
  /// a load no higher than that start's and reaches nothing it did not, so one visit per expert suffices.
  private func improvingChain() -> [(unit: Int, from: Int, to: Int)]? {
    guard let lowest = load.min(), let highest = load.max(), highest - lowest >= 2 else { return nil }
    let starts = (0..<expertCount).sorted { load[$0] != load[$1] ? load[$0] > load[$1] : $0 < $1 }
    var visited = Array(repeating: false, count: expertCount)
    var parent = Array(repeating: (expert: -1, unit: -1), count: expertCount)
    var queue = [Int]()
    for start in starts where !visited[start] {
      let target = load[start] - 2
      guard target >= 0 else { break }
      visited[start] = true
      queue.removeAll(keepingCapacity: true)
      queue.append(start)
      var head = 0
      while head < queue.count {
        let giver = queue[head]
        head += 1
        for unit in movable[giver] {
          let base = unitClass[unit] * expertCount
          for taker in 0..<expertCount where !visited[taker] && allowed[base + taker] && !serves(taker, unit) {
            visited[taker] = true
            parent[taker] = (giver, unit)
            if load[taker] <= target { return chain(to: taker, parent: parent) }
            queue.append(taker)
          }
        }
      }
    }
    return nil
  }

  private func chain(to end: Int, parent: [(expert: Int, unit: Int)]) -> [(unit: Int, from: Int, to: Int)] {
    var steps = [(unit: Int, from: Int, to: Int)]()
    var expert = end
    while parent[expert].expert >= 0 {
      steps.append((parent[expert].unit, parent[expert].expert, expert))
      expert = parent[expert].expert
    }
    return steps.reversed()
  }
}
