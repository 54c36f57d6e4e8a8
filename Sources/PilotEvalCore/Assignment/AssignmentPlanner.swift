/// Plans which experts review which units: K distinct experts per unit, none of the unit's own region or
/// organisation (回避), loads within one, a connected design, and as many expert pairs sharing units as
/// it can find. Deterministic: the same request gives the same plan whatever the order of its arrays.
///
/// The plan is built in four steps (docs/ASSIGNMENT.md gives the reasons):
/// 1. construction: units scarcest first, each place to the eligible expert of lowest load, ties to
///    the one who meets the most new colleagues, then at random (seeded);
/// 2. balance: chains of moves that even the loads out, until no chain can (then the loads are the most
///    even 回避 allows);
/// 3. connectivity: exchanges (or moves that keep the loads as even) that link groups of experts;
/// 4. pair coverage: random exchanges (seeded) kept when they cover more expert pairs.
///
///     let plan = try AssignmentPlanner.plan(request)
///     for entry in plan.assignments { print(entry.unit, entry.reviewer) }
///     for exception in plan.exceptions { print(exception.message()) }
public enum AssignmentPlanner {
  /// The most exchanges the coverage step proposes per place to fill.
  static let proposalsPerPlace = 25
  /// The most exchanges the coverage step proposes in all.
  static let maximumProposals = 200_000

  /// Plans the request. Throws only when the request itself is malformed; rules the roster makes
  /// impossible to keep are listed in the plan's `exceptions`.
  public static func plan(_ request: AssignmentRequest) throws(AssignmentInputError) -> AssignmentPlan {
    let roster = try PlanningRoster(request)
    var state = PlanningState(roster)
    var random = SeededRandom(seed: roster.seed, stream: 0x7265_7669_6577)
    state.construct(using: &random)
    state.balance()
    state.connect()
    let possible = PossibleLinks(state)
    let places = (0..<state.unitCount).reduce(0) { $0 + state.panel[$1].count - state.keptCount[$1] }
    state.improveCoverage(
      budget: min(maximumProposals, proposalsPerPlace * places), ceiling: possible.pairs, using: &random)
    return assemble(state, possible: possible)
  }

  private static func assemble(_ state: PlanningState, possible: PossibleLinks) -> AssignmentPlan {
    let roster = state.roster
    var entries = [AssignmentPlan.Entry]()
    var exceptions = [AssignmentException]()
    for unit in 0..<state.unitCount {
      let id = roster.units[unit].id
      for (place, expert) in state.panel[unit].enumerated().sorted(by: { $0.element < $1.element }) {
        let person = roster.experts[expert]
        entries.append(
          .init(
            unit: id, reviewer: person.id, region: person.region, organisation: person.organisation ?? "",
            reviewed: place < state.keptCount[unit]))
        if place < state.keptCount[unit], let rule = roster.conflict(unit, expert) {
          exceptions.append(.keptConflict(unit: id, expert: person.id, rule: rule))
        }
      }
      if state.panel[unit].count < roster.perUnit {
        let eligible = (0..<state.expertCount).reduce(0) { $0 + (state.eligible(unit, $1) ? 1 : 0) }
        let keptConflicts = state.panel[unit].prefix(state.keptCount[unit]).filter { !state.eligible(unit, $0) }
        exceptions.append(
          .understaffed(
            unit: id, assigned: state.panel[unit].count, eligible: eligible + keptConflicts.count,
            required: roster.perUnit))
      }
    }
    let loads = zip(roster.experts, state.load).map { AssignmentQuality.Load(expert: $0.id, units: $1) }
    let (lowest, highest) = (state.load.min() ?? 0, state.load.max() ?? 0)
    if highest - lowest > 1 { exceptions.append(.unevenLoads(lowest: lowest, highest: highest)) }
    let groups = state.groups()
    if groups.count > 1, state.unitCount > 0 {
      var members = Array(repeating: [String](), count: groups.count)
      for expert in 0..<state.expertCount { members[groups.label[expert]].append(roster.experts[expert].id) }
      let links = (0..<state.unitCount).reduce(0) { $0 + max(0, state.panel[$1].count - 1) }
      let cause: AssignmentException.Disconnection
      if possible.groups > 1 {
        cause = .ruleSeparates
      } else if links < state.expertCount - 1 {
        cause = .tooFewUnits
      } else {
        cause = highest - lowest > 1 ? .evenLoadsFirst : .notFound
      }
      exceptions.append(.disconnected(groups: members, cause: cause))
    }
    let block = CompleteBlockSearch.largest(panels: state.panel, raterCount: state.expertCount).map {
      AssignmentQuality.CompleteBlock(
        raters: $0.raters.map { roster.experts[$0].id }, subjects: $0.subjects.map { roster.units[$0].id },
        exact: $0.exact)
    }
    let quality = AssignmentQuality(
      loads: loads, expertPairs: state.expertCount * (state.expertCount - 1) / 2,
      pairsSharing: state.pairsSharing, pairsPossible: possible.pairs, groups: groups.count, completeBlock: block)
    return AssignmentPlan(
      perUnit: roster.perUnit, seed: roster.seed, assignments: entries, exceptions: exceptions, quality: quality)
  }
}
