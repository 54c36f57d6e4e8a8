/// Finds the largest complete block of a design for ICC(2): a set R of at least 2 raters and the
/// subjects whose panel includes all of R (at least 3), largest by ratings |R| × |S|, then by subjects,
/// then the first R in rater order.
///
/// The block's raters always lie inside some subject's panel, so the search enumerates the subsets of
/// each distinct panel and counts, for every subset, the subjects whose panel includes it: exact, and
/// cheap while panels are small (2^K subsets each). When that would take more than `subsetBudget`
/// subsets and there are at most 20 raters, the counts come from a superset-sum over all 2^n rater
/// sets instead (also exact). Beyond both, a greedy search starts from the pair of raters who share
/// the most subjects and adds the rater that enlarges the block most, while one does.
enum CompleteBlockSearch {
  static let subsetBudget = 1 << 21

  struct Block {
    var raters: [Int]
    var subjects: [Int]
    var exact: Bool
  }

  static func largest(panels: [[Int]], raterCount: Int, subsetBudget: Int = subsetBudget) -> Block? {
    let sorted = panels.map { $0.sorted() }
    var distinct = [[Int]: Int]()
    for panel in sorted where panel.count >= 2 { distinct[panel, default: 0] += 1 }
    let work = distinct.keys.reduce(0) { $0 + (1 << min($1.count, 30)) }
    let raters: [Int]?
    var exact = true
    if work <= subsetBudget {
      raters = bySubsets(distinct)
    } else if raterCount <= 20 {
      raters = bySupersetSums(distinct, raterCount: raterCount)
    } else {
      raters = greedy(sorted)
      exact = false
    }
    guard let raters else { return nil }
    let subjects = sorted.indices.filter { includes(sorted[$0], raters) }
    return Block(raters: raters, subjects: subjects, exact: exact)
  }

  /// Whether sorted `panel` includes every rater of sorted `raters`.
  static func includes(_ panel: [Int], _ raters: [Int]) -> Bool {
    var index = 0
    for rater in panel where index < raters.count && rater == raters[index] { index += 1 }
    return index == raters.count
  }

  /// Whether (raters, subjects) beats the best so far.
  private static func better(_ raters: [Int], _ subjects: Int, than best: (raters: [Int], subjects: Int)?) -> Bool {
    guard raters.count >= 2, subjects >= 3 else { return false }
    guard let best else { return true }
    let (ratings, bestRatings) = (raters.count * subjects, best.raters.count * best.subjects)
    if ratings != bestRatings { return ratings > bestRatings }
    if subjects != best.subjects { return subjects > best.subjects }
    return raters.lexicographicallyPrecedes(best.raters)
  }

  private static func bySubsets(_ distinct: [[Int]: Int]) -> [Int]? {
    var counts = [[Int]: Int]()
    for (panel, subjects) in distinct {
      for mask in 1..<(1 << panel.count) where mask.nonzeroBitCount >= 2 {
        let subset = panel.indices.filter { mask & (1 << $0) != 0 }.map { panel[$0] }
        counts[subset, default: 0] += subjects
      }
    }
    var best: (raters: [Int], subjects: Int)?
    for (raters, subjects) in counts where better(raters, subjects, than: best) { best = (raters, subjects) }
    return best?.raters
  }

  private static func bySupersetSums(_ distinct: [[Int]: Int], raterCount: Int) -> [Int]? {
    var counts = [Int32](repeating: 0, count: 1 << raterCount)
    for (panel, subjects) in distinct {
      counts[panel.reduce(0) { $0 | (1 << $1) }] += Int32(subjects)
    }
    for bit in 0..<raterCount {
      for mask in counts.indices where mask & (1 << bit) == 0 { counts[mask] += counts[mask | (1 << bit)] }
    }
    var best: (raters: [Int], subjects: Int)?
    for mask in counts.indices where mask.nonzeroBitCount >= 2 && counts[mask] >= 3 {
      let raters = (0..<raterCount).filter { mask & (1 << $0) != 0 }
      if better(raters, Int(counts[mask]), than: best) { best = (raters, Int(counts[mask])) }
    }
    return best?.raters
  }

  private static func greedy(_ panels: [[Int]]) -> [Int]? {
    var pairs = [[Int]: Int]()
    for panel in panels {
      for (i, x) in panel.enumerated() {
        for y in panel[(i + 1)...] { pairs[[x, y], default: 0] += 1 }
      }
    }
    var best: (raters: [Int], subjects: Int)?
    for (pair, subjects) in pairs where better(pair, subjects, than: best) { best = (pair, subjects) }
    guard var block = best else { return nil }
    var members = panels.filter { includes($0, block.raters) }
    while true {
      var grown: (raters: [Int], subjects: Int)?
      var candidates = Set(members.joined())
      candidates.subtract(block.raters)
      for rater in candidates.sorted() {
        let raters = (block.raters + [rater]).sorted()
        let subjects = members.reduce(0) { $0 + ($1.contains(rater) ? 1 : 0) }
        if raters.count * subjects > block.raters.count * block.subjects, better(raters, subjects, than: grown) {
          grown = (raters, subjects)
        }
      }
      guard let next = grown else { return block.raters }
      block = next
      members = members.filter { includes($0, next.raters) }
    }
  }
}
