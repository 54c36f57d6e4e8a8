import Foundation
import PilotEvalCore

/// Who has reviewed what in a round, and who is late: the office's progress page, as data.
///
/// An expert (or unit) is `done` when every assignment has an accepted review, `late` when some
/// are not and the round's review deadline has passed (a review that arrives at or before the
/// deadline is on time, as for uploads), `outstanding` when some are not and there is no deadline
/// or it has not passed, and `idle` with nothing assigned.
struct ReviewProgress: Sendable, Equatable {
  /// Where an expert or a unit stands.
  enum State: String, Sendable, Equatable {
    case late, outstanding, done, idle

    /// Late first, then outstanding, done, idle: the order the office acts in.
    var rank: Int {
      switch self {
      case .late: 0
      case .outstanding: 1
      case .done: 2
      case .idle: 3
      }
    }
  }

  /// How the lines are sorted.
  enum Order: String, Sendable, CaseIterable {
    /// Late, then outstanding (most reviews outstanding first), done, idle; then by id.
    case late
    /// By id (UTF-8 byte order).
    case id
    /// By the share of reviews done, least first; then by id.
    case done
  }

  /// One expert or one unit.
  struct Line: Sendable, Equatable {
    var id: String
    var name: String
    var region: String
    /// Accepted reviews among the assignments.
    var done: Int
    /// Assignments.
    var assigned: Int
    /// For an expert, the units not yet reviewed; for a unit, the experts who have not reviewed it.
    var waiting: [String]
    var state: State

    var outstanding: Int { assigned - done }
  }

  /// One line per expert of the round.
  var experts: [Line]
  /// One line per unit with assignments.
  var units: [Line]
  /// The review deadline, if set.
  var deadline: String?
  /// Whether the deadline has passed at `now`.
  var deadlinePassed: Bool

  /// Reviews done, of all assignments.
  var reviewsDone: Int { experts.reduce(0) { $0 + $1.done } }
  /// All assignments.
  var reviewsAssigned: Int { experts.reduce(0) { $0 + $1.assigned } }
  /// Experts who are late.
  var lateExperts: Int { experts.filter { $0.state == .late }.count }
  /// Experts with reviews outstanding but not late.
  var outstandingExperts: Int { experts.filter { $0.state == .outstanding }.count }

  /// The progress of `entries` (the stored assignments, each marked reviewed or not).
  init(
    entries: [AssignmentPlan.Entry], experts: [(id: String, name: String, region: String)],
    units: [UnitRecord], deadline: String?, now: Date, order: Order
  ) {
    self.deadline = deadline
    let due = deadline.flatMap(PortalClock.parse)
    deadlinePassed = due.map { now > $0 } ?? false
    let passed = deadlinePassed
    func state(done: Int, assigned: Int) -> State {
      if assigned == 0 { return .idle }
      if done == assigned { return .done }
      return passed ? .late : .outstanding
    }
    let byExpert = Dictionary(grouping: entries, by: \.reviewer)
    var expertLines = experts.map { expert -> Line in
      let mine = byExpert[expert.id] ?? []
      let done = mine.filter(\.reviewed).count
      return Line(
        id: expert.id, name: expert.name, region: expert.region, done: done, assigned: mine.count,
        waiting: mine.filter { !$0.reviewed }.map(\.unit), state: state(done: done, assigned: mine.count))
    }
    let known = Set(experts.map(\.id))
    for (id, mine) in byExpert where !known.contains(id) {
      let done = mine.filter(\.reviewed).count
      expertLines.append(
        Line(
          id: id, name: "", region: mine.first?.region ?? "", done: done, assigned: mine.count,
          waiting: mine.filter { !$0.reviewed }.map(\.unit), state: state(done: done, assigned: mine.count)))
    }
    let unitInfo = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let unitLines = Dictionary(grouping: entries, by: \.unit).map { id, panel -> Line in
      let done = panel.filter(\.reviewed).count
      return Line(
        id: id, name: unitInfo[id]?.name ?? "", region: unitInfo[id]?.region ?? "", done: done,
        assigned: panel.count, waiting: panel.filter { !$0.reviewed }.map(\.reviewer),
        state: state(done: done, assigned: panel.count))
    }
    self.experts = Self.sorted(expertLines, order)
    self.units = Self.sorted(unitLines, order)
  }

  /// `lines` in `order`.
  static func sorted(_ lines: [Line], _ order: Order) -> [Line] {
    func byID(_ a: Line, _ b: Line) -> Bool { a.id.utf8.lexicographicallyPrecedes(b.id.utf8) }
    switch order {
    case .id:
      return lines.sorted(by: byID)
    case .late:
      return lines.sorted {
        if $0.state.rank != $1.state.rank { return $0.state.rank < $1.state.rank }
        if $0.outstanding != $1.outstanding { return $0.outstanding > $1.outstanding }
        return byID($0, $1)
      }
    case .done:
      // a/b against c/d without division; an idle line (nothing assigned) counts as all done.
      func share(_ line: Line) -> (done: Int, of: Int) { line.assigned == 0 ? (1, 1) : (line.done, line.assigned) }
      return lines.sorted {
        let (a, b) = (share($0), share($1))
        if a.done * b.of != b.done * a.of { return a.done * b.of < b.done * a.of }
        return byID($0, $1)
      }
    }
  }
}
