/// How the complete block of a two-way ICC was found.
public enum BlockSearch: String, Sendable, Hashable {
  /// Every candidate panel was tried: the block has the most ratings possible.
  case exact
  /// Raters were dropped one at a time, keeping the best block seen: fast, not guaranteed the largest.
  case greedy
}

/// A complete block of a rating matrix: subjects every one of whose raters in the block rated them.
public struct CompleteBlock: Sendable, Equatable {
  /// The block as a matrix (subjects and raters in the original matrix's order, every cell present).
  public var matrix: RatingMatrix
  /// How it was found.
  public var search: BlockSearch
}

extension RatingMatrix {
  /// The most raters for which `completeBlock()` searches every candidate panel exactly.
  public static let exactBlockRaterLimit = 20
  /// The most candidate rater sets the exact search keeps before it gives way to the greedy one.
  public static let exactBlockSetLimit = 50_000

  /// The complete block with the most ratings (subjects × raters), with at least 2 raters and 3 subjects.
  ///
  /// A block is a set R of raters and the subjects S rated by every rater in R. Only blocks whose R is the
  /// intersection of some subjects' panels need be tried (enlarging R to the intersection of its subjects'
  /// panels keeps S and adds ratings), so with at most `exactBlockRaterLimit` active raters (and at most
  /// `exactBlockSetLimit` such intersections) every such
  /// intersection is enumerated (as bit sets): the result is the largest block (`.exact`). Above that, each
  /// distinct panel is a start, from which raters are dropped one at a time, each time the one whose removal
  /// leaves the most ratings, keeping the best block met (`.greedy`: not guaranteed the largest). Ties go to
  /// more subjects, then to the rater set first in matrix order. With no block of 2 raters and 3 subjects the
  /// block is empty.
  public func completeBlock() -> CompleteBlock {
    let active = raters.indices.filter { rater in ratings.contains { $0[rater] != nil } }
    let exact = active.count <= Self.exactBlockRaterLimit ? exactCandidates(active) : nil
    let search: BlockSearch = exact == nil ? .greedy : .exact
    let candidates = exact ?? greedyCandidates()
    var best: (raters: [Int], subjects: [Int])?
    for candidate in candidates where candidate.raters.count >= 2 && candidate.subjects.count >= 3 {
      guard let current = best else {
        best = candidate
        continue
      }
      let size = candidate.subjects.count * candidate.raters.count
      let currentSize = current.subjects.count * current.raters.count
      if size != currentSize {
        if size > currentSize { best = candidate }
      } else if candidate.subjects.count != current.subjects.count {
        if candidate.subjects.count > current.subjects.count { best = candidate }
      } else if candidate.raters.lexicographicallyPrecedes(current.raters) {
        best = candidate
      }
    }
    guard let best else {
      return CompleteBlock(matrix: RatingMatrix(subjects: [], raters: [], ratings: []), search: search)
    }
    return CompleteBlock(
      matrix: RatingMatrix(
        subjects: best.subjects.map { subjects[$0] }, raters: best.raters.map { raters[$0] },
        ratings: best.subjects.map { subject in best.raters.map { ratings[subject][$0] } }),
      search: search)
  }

  /// Every intersection of subjects' panels with 2 or more raters, with the subjects rating all of them
  /// (`active` holds at most 32 raters: one bit each); `nil` when there are more than `exactBlockSetLimit`
  /// intersections (crafted panels could make up to 2²⁰), so that the search stays fast on any input.
  private func exactCandidates(_ active: [Int]) -> [(raters: [Int], subjects: [Int])]? {
    let bit = Dictionary(uniqueKeysWithValues: active.enumerated().map { ($0.element, UInt32(1) << $0.offset) })
    let masks = subjects.indices.map { subject in panel(of: subject).reduce(UInt32(0)) { $0 | (bit[$1] ?? 0) } }
    var closed = Set<UInt32>()
    for panel in Set(masks) where panel.nonzeroBitCount >= 2 {
      var added = [panel]
      for existing in closed {
        let meet = existing & panel
        if meet.nonzeroBitCount >= 2 { added.append(meet) }
      }
      closed.formUnion(added)
      if closed.count > Self.exactBlockSetLimit { return nil }
    }
    return closed.sorted().map { set in
      (
        raters: active.indices.filter { set & (1 << $0) != 0 }.map { active[$0] },
        subjects: masks.indices.filter { masks[$0] & set == set }
      )
    }
  }

  /// The blocks met while dropping raters one at a time from each distinct panel.
  private func greedyCandidates() -> [(raters: [Int], subjects: [Int])] {
    let panels = subjects.indices.map { Set(panel(of: $0)) }
    func rating(_ set: Set<Int>) -> [Int] { panels.indices.filter { set.isSubset(of: panels[$0]) } }
    var seen = Set<Set<Int>>()
    var found: [(raters: [Int], subjects: [Int])] = []
    for start in panels where start.count >= 2 && !seen.contains(start) {
      var set = start
      while set.count >= 2, seen.insert(set).inserted {
        found.append((set.sorted(), rating(set)))
        guard set.count > 2 else { break }
        let smaller = set.sorted().map { set.subtracting([$0]) }
        set = smaller.max { rating($0).count < rating($1).count } ?? set
      }
    }
    return found
  }
}
