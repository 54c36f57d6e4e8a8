extension AssignmentQuality {
  /// The quality of assignments as they stand (after re-plans and hand swaps), measured as the
  /// planner measures its own plan: each expert's load, the pairs of experts who share a unit, the
  /// pairs who could share one under 回避, the groups linked through shared units, and the largest
  /// complete block for ICC(2).
  ///
  /// `roster` gives the experts (those without an assignment count, with load 0) and the units'
  /// regions and organisations; entries naming an expert not in the roster are ignored.
  public init(measuring entries: [AssignmentPlan.Entry], roster: AssignmentRequest) {
    let experts = roster.experts.map(\.id).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    let index = Dictionary(experts.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    let count = experts.count
    var panels = [String: [Int]]()
    var load = [Int](repeating: 0, count: count)
    for entry in entries {
      guard let expert = index[entry.reviewer] else { continue }
      panels[entry.unit, default: []].append(expert)
      load[expert] += 1
    }
    let units = panels.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    let ordered = units.map { panels[$0] ?? [] }
    var sharing = [Bool](repeating: false, count: count * count)
    var possible = [Bool](repeating: false, count: count * count)
    var sets = DisjointSets(count: count)
    for panel in ordered {
      for a in panel {
        for b in panel where a < b {
          sharing[a * count + b] = true
          possible[a * count + b] = true
          sets.union(a, b)
        }
      }
    }
    let people = roster.experts.compactMap { expert in index[expert.id].map { ($0, expert) } }
    var seen = Set<[String]>()
    for unit in roster.units {
      guard seen.insert([ConflictRule.trimmed(unit.region), ConflictRule.trimmed(unit.organisation ?? "")]).inserted
      else { continue }
      let eligible = people.filter { ConflictRule.broken(by: $0.1, reviewing: unit) == nil }.map(\.0).sorted()
      guard roster.perUnit >= 2 else { continue }
      for a in eligible { for b in eligible where a < b { possible[a * count + b] = true } }
    }
    let block = CompleteBlockSearch.largest(panels: ordered, raterCount: count).map { found in
      CompleteBlock(
        raters: found.raters.map { experts[$0] },
        subjects: found.subjects.map { units[$0] },
        exact: found.exact)
    }
    self.init(
      loads: zip(experts, load).map { Load(expert: $0, units: $1) }, expertPairs: count * (count - 1) / 2,
      pairsSharing: sharing.filter { $0 }.count, pairsPossible: possible.filter { $0 }.count,
      groups: count == 0 ? 0 : sets.labels().count, completeBlock: block)
  }
}
