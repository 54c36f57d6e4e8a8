/// The planner's working design, on indices (units and experts in id order): each unit's panel, each
/// expert's load, and how often each two experts review a unit together.
///
/// A panel lists its kept (reviewed) experts first; only the places after them ever move.
struct PlanningState {
  let roster: PlanningRoster
  let unitCount: Int
  let expertCount: Int
  /// Each unit's experts, kept ones first.
  private(set) var panel: [[Int]]
  /// How many of each panel's first experts are kept.
  let keptCount: [Int]
  /// Units per expert, kept ones included.
  private(set) var load: [Int]
  /// Per expert, the units where they hold a place that may move, in no particular order.
  private(set) var movable: [[Int]]
  /// `together[x * expertCount + y]`: units that experts x and y review together.
  private(set) var together: [Int32]
  /// Pairs of experts with `together` above zero.
  private(set) var pairsSharing = 0
  /// Each unit's conflict class: units of the same region and organisation share one.
  let unitClass: [Int]
  /// `allowed[class * expertCount + expert]`: whether the expert may review units of the class. Hot
  /// loops read it directly: at -Onone every method call on this struct copies all its fields.
  let allowed: [Bool]

  init(_ roster: PlanningRoster) {
    self.roster = roster
    unitCount = roster.units.count
    expertCount = roster.experts.count
    panel = Array(repeating: [], count: unitCount)
    load = Array(repeating: 0, count: expertCount)
    movable = Array(repeating: [], count: expertCount)
    together = Array(repeating: 0, count: expertCount * expertCount)
    var classes = [[Int32]: Int]()
    var allowed = [Bool]()
    unitClass = (0..<roster.units.count).map { unit in
      let key = [roster.unitRegion[unit], roster.unitOrganisation[unit]]
      if let known = classes[key] { return known }
      classes[key] = classes.count
      for expert in roster.experts.indices { allowed.append(roster.conflict(unit, expert) == nil) }
      return classes.count - 1
    }
    self.allowed = allowed
    var kept = Array(repeating: 0, count: unitCount)
    for (unit, _) in roster.reviewed { kept[unit] += 1 }
    keptCount = kept
    for (unit, expert) in roster.reviewed {
      link(expert, into: unit)
      panel[unit].append(expert)
      load[expert] += 1
    }
  }

  /// Whether `expert` may review `unit` under 回避.
  @inline(__always)
  func eligible(_ unit: Int, _ expert: Int) -> Bool {
    allowed[unitClass[unit] * expertCount + expert]
  }

  /// Whether `expert` is on `unit`'s panel. (A plain loop: panels are short, and unspecialised generic
  /// calls dominate debug builds.)
  @inline(__always)
  func serves(_ expert: Int, _ unit: Int) -> Bool {
    for member in panel[unit] where member == expert { return true }
    return false
  }

  /// The places of `unit` still to fill to reach K (0 when the kept experts reach it).
  func needed(_ unit: Int) -> Int {
    max(0, roster.perUnit - panel[unit].count)
  }

  /// The experts of `unit` whose places may move.
  func movableMembers(of unit: Int) -> ArraySlice<Int> {
    panel[unit][keptCount[unit]...]
  }

  /// Units reviewed by both `x` and `y`.
  @inline(__always)
  func shared(_ x: Int, _ y: Int) -> Int32 {
    together[x * expertCount + y]
  }

  // MARK: - Changes

  /// Gives `unit` to `expert` as a new, movable place.
  mutating func add(_ expert: Int, to unit: Int) {
    link(expert, into: unit)
    panel[unit].append(expert)
    load[expert] += 1
    movable[expert].append(unit)
  }

  /// Moves `from`'s movable place on `unit` to `to`, who is not on the panel.
  mutating func move(_ unit: Int, from: Int, to: Int) {
    guard let place = panel[unit].lastIndex(of: from), place >= keptCount[unit] else {
      preconditionFailure("only a movable place moves")
    }
    panel[unit].remove(at: place)
    unlink(from, from: unit)
    link(to, into: unit)
    panel[unit].insert(to, at: place)
    load[from] -= 1
    load[to] += 1
    if let index = movable[from].lastIndex(of: unit) { movable[from].remove(at: index) }
    movable[to].append(unit)
  }

  /// Exchanges `a`'s place on `u` with `b`'s place on `v`.
  mutating func swap(_ a: Int, on u: Int, with b: Int, on v: Int) {
    move(u, from: a, to: b)
    move(v, from: b, to: a)
  }

  private mutating func link(_ expert: Int, into unit: Int) {
    for other in panel[unit] where other != expert {
      if together[expert * expertCount + other] == 0 { pairsSharing += 1 }
      together[expert * expertCount + other] += 1
      together[other * expertCount + expert] += 1
    }
  }

  /// Takes `expert`'s pairs with the rest of `unit`'s panel away (the expert is no longer on it).
  private mutating func unlink(_ expert: Int, from unit: Int) {
    for other in panel[unit] where other != expert {
      together[expert * expertCount + other] -= 1
      together[other * expertCount + expert] -= 1
      if together[expert * expertCount + other] == 0 { pairsSharing -= 1 }
    }
  }

  // MARK: - Groups

  /// The groups of experts linked through shared units: a group number per expert, groups numbered in
  /// the order of their first expert.
  func groups() -> (label: [Int], count: Int) {
    var sets = DisjointSets(count: expertCount)
    for members in panel where members.count > 1 {
      for other in members.dropFirst() { sets.union(members[0], other) }
    }
    return sets.labels()
  }
}
