/// Data envelopment analysis: how far each unit lies behind the best-practice frontier spanned by all units, and
/// which units (its peers) span the part of the frontier it is measured against.
///
///     // Two section percentages per unit, one constant input, variable returns to scale.
///     let results = DEA.efficiency(outputs: [[1, 4], [2, 3], [4, 2], [2, 1]])
///     results[3].efficiency  // 0.5: unit 3 could double both sections
///     results[3].peers       // [(unit: 2, weight: 1.0)]
///
/// ## The model
///
/// Unit `j` (of `n`) uses inputs `x_ij` and produces outputs `y_rj`. For each unit `o`, the output-oriented
/// envelopment model (BCC for variable returns to scale, CCR for constant) finds the largest factor `φ` by which
/// `o` could raise all its outputs at once while some combination `λ` of units does at least as well:
///
///     maximise    φ
///     subject to  Σ_j λ_j x_ij ≤ x_io        for every input i
///                 Σ_j λ_j y_rj ≥ φ y_ro      for every output r
///                 Σ_j λ_j = 1                (variable returns to scale only)
///                 λ_j ≥ 0,  φ ≥ 0
///
/// and reports `efficiency = 1/φ`, so that 1 is efficient and lower is worse (Farrell output efficiency is `φ`
/// itself, ≥ 1, as in R's `Benchmarking::dea(ORIENTATION = "out")`). The input-oriented model instead finds the
/// smallest `θ` by which `o` could shrink all its inputs (`Σ_j λ_j x_ij ≤ θ x_io`, `Σ_j λ_j y_rj ≥ y_ro`) and
/// reports `efficiency = θ`.
///
/// A second stage then holds `φ` (or `θ`) at its optimum and maximises the remaining slacks,
///
///     maximise    Σ_r s⁺_r + Σ_i s⁻_i        (each measured in units of its column's largest value)
///     subject to  Σ_j λ_j y_rj − s⁺_r = φ y_ro
///                 Σ_j λ_j x_ij + s⁻_i = x_io
///                 Σ_j λ_j = 1                (variable returns to scale only)
///                 λ, s⁺, s⁻ ≥ 0
///
/// whose `λ` gives the peers: units with `λ_j > 1e-9`, heaviest first, ties by position. A unit with efficiency
/// 1 and no slack is efficient and is its own sole peer; efficiency 1 with slack means the unit is on the
/// frontier only weakly (a peer matches it on some outputs and beats it on others).
///
/// With one constant input and variable returns to scale — PilotEval's use, outputs being a unit's section
/// percentages — the input orientation rates every unit 1 (no unit uses less input than another), so the
/// output orientation, the default, is the meaningful one: how far a unit's section profile could be expanded
/// toward the frontier.
///
/// Units that another unit matches or beats on every input and output take no part in spanning the frontier
/// (they lie inside it), so among identical units the first one serves as the peer of the others. Results are
/// deterministic.
public enum DEA {
  /// How far combinations of units may be scaled when forming the frontier.
  public enum ReturnsToScale: Sendable, Hashable {
    /// Any non-negative multiple of a combination of units is attainable (CCR): no `Σλ` constraint.
    case constant
    /// Only convex combinations of units are attainable (BCC): `Σλ = 1`.
    case variable
  }

  /// Which way a unit is moved toward the frontier.
  public enum Orientation: Sendable, Hashable {
    /// Shrink all inputs by one factor `θ`, outputs held; `efficiency = θ`.
    case input
    /// Expand all outputs by one factor `φ`, inputs held; `efficiency = 1/φ`.
    case output
  }

  /// The efficiency, peers and slacks of every unit, in input order.
  ///
  /// - Parameters:
  ///   - outputs: `outputs[j]` lists unit `j`'s outputs; every unit has the same number (at least one), each
  ///     finite and ≥ 0.
  ///   - inputs: `inputs[j]` lists unit `j`'s inputs, likewise; `nil` gives every unit one input of 1. Units
  ///     should have a positive input: under the input orientation a unit using nothing has no radial measure.
  ///   - returnsToScale: `.variable` (BCC, the default) or `.constant` (CCR).
  ///   - orientation: `.output` (the default) or `.input`.
  ///   - peerEligible: which units may span the frontier (be peers); `nil` means all. A unit that may not is
  ///     still measured, against the eligible units and itself, so it is never a peer of another unit.
  /// - Returns: One result per unit. A unit whose outputs are all zero cannot be expanded radially under the
  ///   output orientation: it gets efficiency 0, no peers and no slacks.
  public static func efficiency(
    outputs: [[Double]], inputs: [[Double]]? = nil, returnsToScale: ReturnsToScale = .variable,
    orientation: Orientation = .output, peerEligible: [Bool]? = nil
  ) -> [DEAResult] {
    guard !outputs.isEmpty else { return [] }
    let inputs = inputs ?? Array(repeating: [1], count: outputs.count)
    precondition(inputs.count == outputs.count, "dea needs as many input rows as output rows")
    let eligible = peerEligible ?? Array(repeating: true, count: outputs.count)
    precondition(eligible.count == outputs.count, "dea needs one eligibility flag per unit")
    let data = Envelopment(
      outputs: Columns(outputs), inputs: Columns(inputs), returnsToScale: returnsToScale, orientation: orientation,
      eligible: eligible)
    return outputs.indices.map(data.evaluate)
  }
}

/// One unit's result from ``DEA/efficiency(outputs:inputs:returnsToScale:orientation:)``.
public struct DEAResult: Sendable {
  /// Radial efficiency in [0, 1]: 1 on the frontier, lower is further behind. Output orientation: `1/φ`, the
  /// share of the attainable outputs the unit achieves; input orientation: `θ`. Within 1e-9 of 1 counts as 1.
  public var efficiency: Double
  /// The units (positions in the input) whose combination the unit is measured against, with their weights
  /// `λ`, heaviest first and ties by position. An efficient unit is its own sole peer, with weight 1.
  public var peers: [(unit: Int, weight: Double)]
  /// How much each output could still grow after the radial expansion, in the output's own units.
  public var outputSlacks: [Double]
  /// How much each input could still shrink after the radial contraction, in the input's own units.
  public var inputSlacks: [Double]
  /// Whether the unit is on the frontier with no slack (efficiency 1, every slack 0).
  public var isEfficient: Bool

  /// Creates a result.
  public init(
    efficiency: Double, peers: [(unit: Int, weight: Double)], outputSlacks: [Double], inputSlacks: [Double],
    isEfficient: Bool
  ) {
    self.efficiency = efficiency
    self.peers = peers
    self.outputSlacks = outputSlacks
    self.inputSlacks = inputSlacks
    self.isEfficient = isEfficient
  }
}

// MARK: - Data

/// A units × values table scaled column by column to a largest value of 1, so one tolerance fits all data.
///
/// Radial efficiency and `λ` do not change when a column is rescaled; slacks are scaled back on the way out.
private struct Columns {
  /// `values[j][k]`: unit `j`'s `k`-th value ÷ `scale[k]`.
  let values: [[Double]]
  /// Each column's largest value (1 for an all-zero column).
  let scale: [Double]
  var count: Int { scale.count }

  init(_ rows: [[Double]]) {
    let count = rows[0].count
    precondition(count > 0, "dea needs at least one output and one input per unit")
    precondition(rows.allSatisfy { $0.count == count }, "dea needs the same number of values for every unit")
    precondition(rows.joined().allSatisfy { $0.isFinite && $0 >= 0 }, "dea values must be finite and ≥ 0")
    let scale = (0..<count).map { k in rows.map { $0[k] }.max().map { $0 > 0 ? $0 : 1 } ?? 1 }
    values = rows.map { row in zip(row, scale).map { $0 / $1 } }
    self.scale = scale
  }
}

/// The envelopment models for one data set.
private struct Envelopment {
  let outputs: Columns
  let inputs: Columns
  let returnsToScale: DEA.ReturnsToScale
  let orientation: DEA.Orientation
  /// The units that span the frontier: the eligible ones but those another eligible unit matches or beats
  /// everywhere.
  let frontier: [Int]
  /// Which units may be peers.
  let eligible: [Bool]

  private var tolerance: Double { LinearProgram.tolerance }

  init(
    outputs: Columns, inputs: Columns, returnsToScale: DEA.ReturnsToScale, orientation: DEA.Orientation,
    eligible: [Bool]
  ) {
    self.outputs = outputs
    self.inputs = inputs
    self.returnsToScale = returnsToScale
    self.orientation = orientation
    self.eligible = eligible
    let units = outputs.values.indices.filter { eligible[$0] }
    frontier = units.filter { k in
      !units.contains { j in j != k && Self.dominates(j, k, outputs: outputs.values, inputs: inputs.values) }
    }
  }

  /// The reference set unit `o` is measured against: the frontier, and `o` itself when it may not be a peer
  /// (so that its programme stays feasible and it is measured against the eligible units only).
  func reference(for o: Int) -> [Int] { eligible[o] ? frontier : frontier + [o] }

  /// Whether unit `j` uses no more of any input and makes no less of any output than unit `k`, and is either
  /// strictly better somewhere or identical and earlier. This is a strict order, so every unit that is left
  /// out of the reference set is dominated by one that is in it.
  private static func dominates(_ j: Int, _ k: Int, outputs: [[Double]], inputs: [[Double]]) -> Bool {
    let outputPairs = zip(outputs[j], outputs[k])
    let inputPairs = zip(inputs[j], inputs[k])
    guard outputPairs.allSatisfy({ $0 >= $1 }), inputPairs.allSatisfy({ $0 <= $1 }) else { return false }
    return outputPairs.contains { $0 > $1 } || inputPairs.contains { $0 < $1 } || j < k
  }

  // MARK: Stages

  /// Both stages for unit `o`.
  func evaluate(_ o: Int) -> DEAResult {
    let reference = reference(for: o)
    guard case .optimal(let score, let radial) = radialProgram(o, reference: reference).solve() else {
      // Unbounded: the unit's outputs can be scaled without limit (they are all zero, or a unit that uses no
      // input makes some). Never infeasible: the unit's dominator in the reference set, or the unit itself, is
      // a solution.
      return DEAResult(efficiency: 0, peers: [], outputSlacks: [], inputSlacks: [], isEfficient: false)
    }
    let efficiency: Double =
      switch orientation {
      case .output: score <= 1 + tolerance ? 1 : 1 / score
      case .input: score >= 1 - tolerance ? 1 : score
      }
    let target = targets(o, efficiency: efficiency)
    let lambda: [Double]
    if case .optimal(_, let x) = slackProgram(target, reference: reference).solve() {
      lambda = Array(x.prefix(reference.count))
    } else {
      lambda = Array(radial.dropFirst())
    }

    let outputSlacks = (0..<outputs.count).map { r in
      max(0, zip(reference, lambda).reduce(0) { $0 + $1.1 * outputs.values[$1.0][r] } - target.outputs[r])
    }
    let inputSlacks = (0..<inputs.count).map { i in
      max(0, target.inputs[i] - zip(reference, lambda).reduce(0) { $0 + $1.1 * inputs.values[$1.0][i] })
    }
    if efficiency == 1 && (outputSlacks + inputSlacks).allSatisfy({ $0 <= tolerance }) {
      return DEAResult(
        efficiency: 1, peers: [(o, 1)], outputSlacks: Array(repeating: 0, count: outputs.count),
        inputSlacks: Array(repeating: 0, count: inputs.count), isEfficient: true)
    }
    let peers = zip(reference, lambda).filter { $0.1 > tolerance }
      .map { (unit: $0.0, weight: $0.1) }
      .sorted { a, b in
        // Weights are compared on a 1e-9 grid, so ones that differ only by rounding tie and go by position.
        let (left, right) = ((a.weight / tolerance).rounded(), (b.weight / tolerance).rounded())
        return left != right ? left > right : a.unit < b.unit
      }
    return DEAResult(
      efficiency: efficiency, peers: peers, outputSlacks: zip(outputSlacks, outputs.scale).map { $0 * $1 },
      inputSlacks: zip(inputSlacks, inputs.scale).map { $0 * $1 }, isEfficient: false)
  }

  /// Stage 1 over variables `[φ or θ, λ…]` (`λ` over the reference units).
  private func radialProgram(_ o: Int, reference: [Int]) -> LinearProgram {
    let y = outputs.values
    let x = inputs.values
    switch orientation {
    case .output:
      var program = LinearProgram(.maximize, [1] + reference.map { _ in 0 })
      for i in 0..<inputs.count {
        program.add([0] + reference.map { x[$0][i] }, .lessOrEqual, x[o][i])
      }
      for r in 0..<outputs.count {
        program.add([y[o][r]] + reference.map { -y[$0][r] }, .lessOrEqual, 0)
      }
      addConvexity(to: &program, leading: 1, trailing: 0, reference: reference)
      return program
    case .input:
      var program = LinearProgram(.minimize, [1] + reference.map { _ in 0 })
      for i in 0..<inputs.count {
        program.add([-x[o][i]] + reference.map { x[$0][i] }, .lessOrEqual, 0)
      }
      for r in 0..<outputs.count {
        program.add([0] + reference.map { y[$0][r] }, .greaterOrEqual, y[o][r])
      }
      addConvexity(to: &program, leading: 1, trailing: 0, reference: reference)
      return program
    }
  }

  /// Stage 2 over variables `[λ…, s⁺…, s⁻…]`: the largest total slack with the radial factor held.
  private func slackProgram(_ target: (outputs: [Double], inputs: [Double]), reference: [Int]) -> LinearProgram {
    let (s, m, n) = (outputs.count, inputs.count, reference.count)
    var program = LinearProgram(.maximize, Array(repeating: 0, count: n) + Array(repeating: 1, count: s + m))
    for r in 0..<s {
      let slack = (0..<s + m).map { $0 == r ? -1.0 : 0 }
      program.add(reference.map { outputs.values[$0][r] } + slack, .equal, target.outputs[r])
    }
    for i in 0..<m {
      let slack = (0..<s + m).map { $0 == s + i ? 1.0 : 0 }
      program.add(reference.map { inputs.values[$0][i] } + slack, .equal, target.inputs[i])
    }
    addConvexity(to: &program, leading: 0, trailing: s + m, reference: reference)
    return program
  }

  /// The point unit `o` is moved to radially: outputs × φ (output orientation) or inputs × θ (input).
  private func targets(_ o: Int, efficiency: Double) -> (outputs: [Double], inputs: [Double]) {
    switch orientation {
    case .output: (outputs.values[o].map { $0 / efficiency }, inputs.values[o])
    case .input: (outputs.values[o], inputs.values[o].map { $0 * efficiency })
    }
  }

  /// Adds `Σλ = 1` under variable returns to scale, `λ` sitting between `leading` and `trailing` other variables.
  private func addConvexity(to program: inout LinearProgram, leading: Int, trailing: Int, reference: [Int]) {
    guard returnsToScale == .variable else { return }
    let row =
      Array(repeating: 0.0, count: leading) + reference.map { _ in 1.0 } + Array(repeating: 0.0, count: trailing)
    program.add(row, .equal, 1)
  }
}
