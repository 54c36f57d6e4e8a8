/// A linear program over non-negative variables: optimise `c·x` subject to rows `a·x (≤ | = | ≥) b` and `x ≥ 0`.
///
///     var program = LinearProgram(.maximize, [3, 5])
///     program.add([1, 0], .lessOrEqual, 4)
///     program.add([0, 2], .lessOrEqual, 12)
///     program.add([3, 2], .lessOrEqual, 18)
///     program.solve()  // .optimal(value: 36, x: [2, 6])
///
/// Solved by the two-phase simplex method on a dense tableau. Phase 1 minimises the sum of artificial variables
/// to find a feasible basis; phase 2 optimises the objective from there. Both phases choose pivots by Bland's
/// rule (the lowest-numbered improving column enters; among rows tied in the ratio test, the one whose basic
/// variable is lowest-numbered leaves), which cannot cycle, so degenerate programs terminate. The same program
/// always takes the same pivots and gives the same answer.
struct LinearProgram: Sendable {
  /// Whether the objective is to be made as large or as small as possible.
  enum Goal: Sendable {
    /// Largest `c·x`.
    case maximize
    /// Smallest `c·x`.
    case minimize
  }

  /// How a constraint's left side `a·x` relates to its bound `b`.
  enum Relation: Sendable {
    /// `a·x ≤ b`.
    case lessOrEqual
    /// `a·x = b`.
    case equal
    /// `a·x ≥ b`.
    case greaterOrEqual
  }

  /// One row `a·x (≤ | = | ≥) b`.
  struct Constraint: Sendable {
    /// `a`, one coefficient per variable.
    var coefficients: [Double]
    /// How `a·x` relates to `bound`.
    var relation: Relation
    /// `b`; may be negative.
    var bound: Double
  }

  /// Below this magnitude a reduced cost or a pivot-column entry counts as zero; a phase-1 residual up to this
  /// much (times the largest |b|, at least 1) still counts as feasible.
  static let tolerance = 1e-9

  /// Whether `objective` is maximised or minimised.
  var goal: Goal
  /// `c`, one coefficient per variable; its count is the number of variables.
  var objective: [Double]
  /// The rows, in the order added.
  var constraints: [Constraint] = []

  /// A program with no constraints yet.
  init(_ goal: Goal, _ objective: [Double]) {
    self.goal = goal
    self.objective = objective
  }

  /// Adds the row `coefficients·x relation bound`; `coefficients` has one entry per variable.
  mutating func add(_ coefficients: [Double], _ relation: Relation, _ bound: Double) {
    precondition(coefficients.count == objective.count, "a constraint needs one coefficient per variable")
    constraints.append(Constraint(coefficients: coefficients, relation: relation, bound: bound))
  }

  /// The optimum, or why there is none.
  func solve() -> LPResult {
    var tableau = Tableau(self)
    if tableau.firstArtificial < tableau.columns {
      guard tableau.findFeasibleBasis(scale: max(1, constraints.map { abs($0.bound) }.max() ?? 0)) else {
        return .infeasible
      }
    }
    let signed = goal == .maximize ? objective.map { -$0 } : objective
    guard tableau.minimize(signed) else { return .unbounded }
    let x = tableau.solution(variables: objective.count)
    let value = zip(objective, x).reduce(0) { $0 + $1.0 * $1.1 }
    return .optimal(value: value, x: x)
  }
}

/// The outcome of ``LinearProgram/solve()``.
enum LPResult: Sendable, Equatable {
  /// An optimal vertex `x` (one value per variable) and the objective there.
  case optimal(value: Double, x: [Double])
  /// No `x ≥ 0` satisfies every constraint.
  case infeasible
  /// The objective improves without limit over the feasible set.
  case unbounded
}

// MARK: - Tableau

/// The dense simplex tableau: `rows × (columns + 1)` entries, the last column holding the right-hand side.
///
/// Columns are the program's variables, then one slack (`≤`) or surplus (`≥`) per inequality in row order,
/// then one artificial per `≥` or `=` row in row order. `cost` is the reduced-cost row; its last entry is minus
/// the current objective value.
private struct Tableau {
  let columns: Int
  let firstArtificial: Int
  private var width: Int { columns + 1 }
  private var rows: Int
  private var entries: [Double]
  private var cost: [Double]
  private var basis: [Int]

  /// The initial tableau: slacks and artificials form the starting basis.
  init(_ program: LinearProgram) {
    let variables = program.objective.count
    // Rows with a negative bound are multiplied by −1 so every right-hand side starts non-negative.
    let normalized = program.constraints.map { row -> LinearProgram.Constraint in
      guard row.bound < 0 else { return row }
      let flipped: LinearProgram.Relation =
        switch row.relation {
        case .lessOrEqual: .greaterOrEqual
        case .equal: .equal
        case .greaterOrEqual: .lessOrEqual
        }
      return LinearProgram.Constraint(coefficients: row.coefficients.map { -$0 }, relation: flipped, bound: -row.bound)
    }
    let inequalities = normalized.filter { $0.relation != .equal }.count
    let artificials = normalized.filter { $0.relation != .lessOrEqual }.count
    firstArtificial = variables + inequalities
    columns = firstArtificial + artificials
    rows = normalized.count
    entries = Array(repeating: 0, count: rows * (columns + 1))
    cost = Array(repeating: 0, count: columns + 1)
    basis = Array(repeating: 0, count: rows)

    var nextSlack = variables
    var nextArtificial = firstArtificial
    for (i, row) in normalized.enumerated() {
      let start = i * (columns + 1)
      for (j, a) in row.coefficients.enumerated() { entries[start + j] = a }
      entries[start + columns] = row.bound
      switch row.relation {
      case .lessOrEqual:
        entries[start + nextSlack] = 1
        basis[i] = nextSlack
        nextSlack += 1
      case .greaterOrEqual:
        entries[start + nextSlack] = -1
        nextSlack += 1
        entries[start + nextArtificial] = 1
        basis[i] = nextArtificial
        nextArtificial += 1
      case .equal:
        entries[start + nextArtificial] = 1
        basis[i] = nextArtificial
        nextArtificial += 1
      }
    }
  }

  // MARK: Phases

  /// Phase 1: drives the artificials to zero and out of the basis, dropping rows that prove redundant.
  /// Returns `false` when the program is infeasible (their least sum exceeds the tolerance times `scale`).
  mutating func findFeasibleBasis(scale: Double) -> Bool {
    var phaseOne = Array(repeating: 0.0, count: columns)
    for j in firstArtificial..<columns { phaseOne[j] = 1 }
    price(phaseOne)
    // Phase 1 is bounded below by 0, so it always ends optimal.
    _ = runSimplex(enteringBelow: columns)
    guard -cost[columns] <= LinearProgram.tolerance * scale else { return false }

    var redundant: [Int] = []
    for i in 0..<rows where basis[i] >= firstArtificial {
      let row = i * width
      if let j = (0..<firstArtificial).first(where: { abs(entries[row + $0]) > LinearProgram.tolerance }) {
        pivot(row: i, column: j)
      } else {
        redundant.append(i)
      }
    }
    removeRows(redundant)
    return true
  }

  /// Phase 2: minimises `objective` (one entry per program variable) from the current feasible basis, never
  /// letting an artificial re-enter. Returns `false` when the objective is unbounded below.
  mutating func minimize(_ objective: [Double]) -> Bool {
    var full = Array(repeating: 0.0, count: columns)
    for (j, c) in objective.enumerated() { full[j] = c }
    price(full)
    return runSimplex(enteringBelow: firstArtificial)
  }

  /// The values of the first `variables` columns at the current basis (non-basic ones are 0).
  func solution(variables: Int) -> [Double] {
    var x = Array(repeating: 0.0, count: variables)
    for (i, column) in basis.enumerated() where column < variables {
      x[column] = max(0, entries[i * width + columns])
    }
    return x
  }

  // MARK: Pivoting

  /// Sets the reduced-cost row for `objective` (one entry per column) under the current basis.
  private mutating func price(_ objective: [Double]) {
    cost = objective + [0]
    for i in 0..<rows {
      let weight = cost[basis[i]]
      guard weight != 0 else { continue }
      let row = i * width
      for k in 0..<width { cost[k] -= weight * entries[row + k] }
    }
  }

  /// Pivots by Bland's rule until no column below `limit` improves the objective (returns `true`) or an
  /// improving column has no positive entry (returns `false`: unbounded).
  private mutating func runSimplex(enteringBelow limit: Int) -> Bool {
    let tolerance = LinearProgram.tolerance
    while let entering = (0..<limit).first(where: { cost[$0] < -tolerance }) {
      var candidates: [(row: Int, ratio: Double)] = []
      for i in 0..<rows {
        let a = entries[i * width + entering]
        if a > tolerance { candidates.append((i, max(0, entries[i * width + columns]) / a)) }
      }
      guard let least = candidates.map(\.ratio).min() else { return false }
      let tied = candidates.filter { $0.ratio <= least + tolerance * max(1, least) }
      let leaving = tied.min { basis[$0.row] < basis[$1.row] }!.row
      pivot(row: leaving, column: entering)
    }
    return true
  }

  /// Makes `column` basic in `row`: scales the row to a pivot of 1 and clears the column everywhere else.
  private mutating func pivot(row r: Int, column c: Int) {
    let pivotRow = r * width
    let divisor = entries[pivotRow + c]
    for k in 0..<width { entries[pivotRow + k] /= divisor }
    entries[pivotRow + c] = 1
    for i in 0..<rows where i != r {
      let row = i * width
      let factor = entries[row + c]
      guard factor != 0 else { continue }
      for k in 0..<width { entries[row + k] -= factor * entries[pivotRow + k] }
      entries[row + c] = 0
    }
    let factor = cost[c]
    if factor != 0 {
      for k in 0..<width { cost[k] -= factor * entries[pivotRow + k] }
      cost[c] = 0
    }
    basis[r] = c
  }

  /// Drops the given rows (ascending), keeping the others in order.
  private mutating func removeRows(_ doomed: [Int]) {
    guard !doomed.isEmpty else { return }
    let keep = (0..<rows).filter { !doomed.contains($0) }
    entries = keep.flatMap { entries[($0 * width)..<(($0 + 1) * width)] }
    basis = keep.map { basis[$0] }
    rows = keep.count
  }
}
