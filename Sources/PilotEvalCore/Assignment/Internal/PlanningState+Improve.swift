extension PlanningState {
  // MARK: - Connectivity

  /// The most candidate changes `connect()` examines before it gives up: it bounds the time spent on
  /// rosters that cannot be connected, and being a count, it keeps the plan deterministic.
  static let connectionEffort = 3_000_000

  /// Links the groups of experts by exchanges of places between a unit of one group and a unit of
  /// another (a takes b's unit, b takes a's: loads unchanged), else by moving one place from an expert
  /// to one exactly one lower (the two loads trade places). Either keeps the multiset of loads that
  /// `balance()` reached, so the loads stay the most even 回避 allows. (Letting loads move anywhere
  /// between the lowest and highest would link more rosters, but raised the number of experts at the
  /// highest load above what was needed in the property tests.) A change is kept only when the number
  /// of groups falls.
  mutating func connect() {
    var current = groups()
    var effort = 0
    while current.count > 1 {
      var members = Array(repeating: [Int](), count: current.count)
      for expert in 0..<expertCount { members[current.label[expert]].append(expert) }
      let order = members.indices.sorted { (x: Int, y: Int) -> Bool in
        members[x].count != members[y].count ? members[x].count < members[y].count : x < y
      }
      var merged = false
      for group in order where merge(members[group], label: current.label, effort: &effort) {
        merged = true
        break
      }
      guard merged else { return }
      current = groups()
    }
  }

  /// Whether moving one place from `giver` to `taker` keeps the multiset of loads: the two trade loads.
  private func mayShift(from giver: Int, to taker: Int) -> Bool {
    load[giver] == load[taker] + 1
  }

  /// Tries exchanges, then moves, that take an expert of `members` into another group's unit or bring
  /// another group's expert into one of theirs, and leave fewer groups. Keeps the first that does.
  private mutating func merge(
    _ members: [Int], label: [Int], effort: inout Int
  ) -> Bool {
    let group = label[members[0]]
    let count = groups().count
    let unitGroup = panel.map { $0.first.map { label[$0] } ?? -1 }
    let (allowed, unitClass, width) = (self.allowed, self.unitClass, expertCount)
    // Units of another group that `expert` may join.
    func open(to expert: Int) -> [Int] {
      (0..<unitCount).filter { unit in
        unitGroup[unit] >= 0 && unitGroup[unit] != group && allowed[unitClass[unit] * width + expert]
      }
    }
    for b in members {
      let candidates = open(to: b)
      for v in movable[b] {
        effort += candidates.count
        guard effort <= Self.connectionEffort else { return false }
        for u in candidates where !serves(b, u) {
          for a in movableMembers(of: u) where eligible(v, a) && !serves(a, v) {
            swap(a, on: u, with: b, on: v)
            if groups().count < count { return true }
            swap(b, on: u, with: a, on: v)
          }
        }
      }
    }
    for b in members {
      let candidates = open(to: b)
      effort += candidates.count + movable[b].count * expertCount
      guard effort <= Self.connectionEffort else { return false }
      for u in candidates where !serves(b, u) {
        for a in movableMembers(of: u) where mayShift(from: a, to: b) {
          move(u, from: a, to: b)
          if groups().count < count { return true }
          move(u, from: b, to: a)
        }
      }
      for v in movable[b] {
        for a in 0..<expertCount
        where label[a] != group && mayShift(from: b, to: a) && eligible(v, a) && !serves(a, v) {
          move(v, from: b, to: a)
          if groups().count < count { return true }
          move(v, from: a, to: b)
        }
      }
    }
    return false
  }

  // MARK: - Pair coverage

  /// Raises the number of expert pairs who share a unit by exchanges of places between two units
  /// (loads unchanged), proposed at random from the seeded generator; an exchange is kept when it
  /// covers more pairs and leaves no more groups than before. Stops after `budget` proposals or when
  /// every pair that 回避 allows is covered.
  mutating func improveCoverage(budget: Int, ceiling: Int, using random: inout SeededRandom) {
    guard unitCount >= 2, expertCount >= 3 else { return }
    let places = (0..<unitCount).filter { panel[$0].count > keptCount[$0] }
    guard places.count >= 2 else { return }
    var groupCount = groups().count
    for _ in 0..<budget where pairsSharing < ceiling {
      let u = places[random.next(below: places.count)]
      let v = places[random.next(below: places.count)]
      guard u != v else { continue }
      let a = panel[u][keptCount[u] + random.next(below: panel[u].count - keptCount[u])]
      let b = panel[v][keptCount[v] + random.next(below: panel[v].count - keptCount[v])]
      guard a != b, eligible(v, a), eligible(u, b), !serves(a, v), !serves(b, u) else { continue }
      guard gain(moving: a, from: u, to: v, against: b) + gain(moving: b, from: v, to: u, against: a) > 0 else {
        continue
      }
      swap(a, on: u, with: b, on: v)
      let after = groups().count
      if after > groupCount {
        swap(b, on: u, with: a, on: v)
      } else {
        groupCount = after
      }
    }
  }

  /// The change in covered pairs of `expert` when they leave `from` for `to`, where `other` leaves `to`
  /// for `from` at the same time. Pairs of `expert` and of `other` are distinct (the pair of the two is
  /// unchanged: they share neither unit before or after), so the two gains add up.
  private func gain(moving expert: Int, from: Int, to: Int, against other: Int) -> Int {
    var change = 0
    for c in panel[from] where c != expert && !panel[to].contains(c) {
      if shared(expert, c) == 1 { change -= 1 }
    }
    for c in panel[to] where c != other && !panel[from].contains(c) {
      if shared(expert, c) == 0 { change += 1 }
    }
    return change
  }
}
