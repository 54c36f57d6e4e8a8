import Testing

@testable import PilotEvalCore

/// The largest complete block for ICC(2) by each of the three searches: subsets of panels, superset
/// sums over all rater sets (≤ 20 raters), and the greedy search beyond.
@Suite("assignment planner: largest complete block")
struct CompleteBlockSearchTests {
  /// Random panels of 2–6 raters out of `raters`.
  private static func panels(_ seed: UInt64, raters: Int, subjects: Int) -> [[Int]] {
    var random = SeededRandom(seed: seed, stream: 3)
    return (0..<subjects).map { _ in
      var panel = Set<Int>()
      let size = 2 + random.next(below: min(5, raters - 1))
      while panel.count < size { panel.insert(random.next(below: raters)) }
      return panel.sorted()
    }
  }

  /// Ratings and subjects of the largest block, over every set of raters.
  private static func bruteForce(_ panels: [[Int]], raters: Int) -> (ratings: Int, subjects: Int)? {
    var best: (ratings: Int, subjects: Int)?
    for mask in 1..<(1 << raters) where mask.nonzeroBitCount >= 2 {
      let subjects = panels.filter { panel in (0..<raters).allSatisfy { mask & (1 << $0) == 0 || panel.contains($0) } }
        .count
      guard subjects >= 3 else { continue }
      let ratings = subjects * mask.nonzeroBitCount
      if best == nil || ratings > best!.ratings || (ratings == best!.ratings && subjects > best!.subjects) {
        best = (ratings, subjects)
      }
    }
    return best
  }

  @Test("subsets of panels and superset sums both find the largest block", arguments: 1...30)
  func exactSearches(seed: Int) {
    let raters = 4 + seed % 7
    let panels = Self.panels(UInt64(seed), raters: raters, subjects: 12 + seed)
    let bySubsets = CompleteBlockSearch.largest(panels: panels, raterCount: raters)
    let bySums = CompleteBlockSearch.largest(panels: panels, raterCount: raters, subsetBudget: 0)
    #expect(bySubsets?.raters == bySums?.raters && bySubsets?.subjects == bySums?.subjects)
    #expect(bySubsets?.exact == true && bySums?.exact == true)
    let brute = Self.bruteForce(panels, raters: raters)
    #expect(brute?.ratings == bySubsets.map { $0.raters.count * $0.subjects.count })
    #expect(brute?.subjects == bySubsets?.subjects.count)
  }

  @Test("beyond 20 raters and the budget, the greedy search finds a planted block and says it is not exact")
  func greedy() throws {
    // 30 raters; raters 3, 8, 11, 20 share subjects 0–5; other subjects have random panels.
    var panels = Self.panels(77, raters: 30, subjects: 40)
    for subject in 0..<6 { panels[subject] = [3, 8, 11, 20, 25 + subject % 3] }
    let block = try #require(CompleteBlockSearch.largest(panels: panels, raterCount: 30, subsetBudget: 0))
    #expect(!block.exact)
    #expect(block.raters.count * block.subjects.count >= 24)
    for subject in block.subjects { #expect(block.raters.allSatisfy(panels[subject].contains)) }
  }

  @Test("no block without three subjects sharing two raters")
  func none() {
    #expect(CompleteBlockSearch.largest(panels: [[0, 1], [0, 1], [1, 2], [0, 2]], raterCount: 3) == nil)
    #expect(CompleteBlockSearch.largest(panels: [], raterCount: 0) == nil)
    let three = CompleteBlockSearch.largest(panels: [[0, 1], [0, 1, 2], [1, 0], [2]], raterCount: 3)
    #expect(three?.raters == [0, 1] && three?.subjects == [0, 1, 2])
  }
}
