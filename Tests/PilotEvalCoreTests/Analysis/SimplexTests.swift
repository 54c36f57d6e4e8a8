import PilotEvalTestSupport
import Testing

@testable import PilotEvalCore

/// The linear-programming solver behind DEA, checked against textbook programs with known optima.
@Suite("simplex")
struct SimplexTests {
  /// The optimum's value and point, or `nil` when the program has none.
  private func optimum(_ program: LinearProgram) -> (value: Double, x: [Double])? {
    guard case .optimal(let value, let x) = program.solve() else { return nil }
    return (value, x)
  }

  private func close(_ actual: [Double], _ expected: [Double]) -> Bool {
    actual.count == expected.count && zip(actual, expected).allSatisfy { abs($0 - $1) < 1e-9 }
  }

  // MARK: - Optima

  @Test("Wyndor Glass (Hillier & Lieberman): maximise 3x + 5y under x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18 → 36 at (2, 6)")
  func wyndor() throws {
    var program = LinearProgram(.maximize, [3, 5])
    program.add([1, 0], .lessOrEqual, 4)
    program.add([0, 2], .lessOrEqual, 12)
    program.add([3, 2], .lessOrEqual, 18)
    let result = try #require(optimum(program))
    #expect(abs(result.value - 36) < 1e-9)
    #expect(close(result.x, [2, 6]))
  }

  @Test("radiation therapy (Hillier & Lieberman) needs phase 1 for its = and ≥ rows: minimum 5.25 at (7.5, 4.5)")
  func radiationTherapy() throws {
    var program = LinearProgram(.minimize, [0.4, 0.5])
    program.add([0.3, 0.1], .lessOrEqual, 2.7)
    program.add([0.5, 0.5], .equal, 6)
    program.add([0.6, 0.4], .greaterOrEqual, 6)
    let result = try #require(optimum(program))
    #expect(abs(result.value - 5.25) < 1e-9)
    #expect(close(result.x, [7.5, 4.5]))
  }

  @Test("rows with a negative bound are flipped: Wyndor written as −x ≥ −4, −2y ≥ −12, −3x − 2y ≥ −18 is still 36")
  func negativeBoundsFlipped() throws {
    var program = LinearProgram(.maximize, [3, 5])
    program.add([-1, 0], .greaterOrEqual, -4)
    program.add([0, -2], .greaterOrEqual, -12)
    program.add([-3, -2], .greaterOrEqual, -18)
    let result = try #require(optimum(program))
    #expect(abs(result.value - 36) < 1e-9)
    #expect(close(result.x, [2, 6]))
  }

  @Test("a ≤ row with a negative bound excludes the origin: maximise x under x − y ≤ −1, y ≤ 3 → 2 at (2, 3)")
  func negativeBoundExcludesOrigin() throws {
    var program = LinearProgram(.maximize, [1, 0])
    program.add([1, -1], .lessOrEqual, -1)
    program.add([0, 1], .lessOrEqual, 3)
    let result = try #require(optimum(program))
    #expect(abs(result.value - 2) < 1e-9)
    #expect(close(result.x, [2, 3]))
  }

  @Test("a redundant equality is dropped after phase 1: x + y = 2 and 2x + 2y = 4, maximise x + 2y → 4 at (0, 2)")
  func redundantEquality() throws {
    var program = LinearProgram(.maximize, [1, 2])
    program.add([1, 1], .equal, 2)
    program.add([2, 2], .equal, 4)
    let result = try #require(optimum(program))
    #expect(abs(result.value - 4) < 1e-9)
    #expect(close(result.x, [0, 2]))
  }

  @Test("with no constraints, minimising x ≥ 0 gives 0 at the origin")
  func noConstraints() throws {
    let result = try #require(optimum(LinearProgram(.minimize, [1, 2])))
    #expect(result.value == 0)
    #expect(result.x == [0, 0])
  }

  // MARK: - Infeasible and unbounded

  @Test("contradictory rows x + y ≤ 1 and x + y ≥ 2 are infeasible")
  func contradictoryRows() {
    var program = LinearProgram(.maximize, [1, 1])
    program.add([1, 1], .lessOrEqual, 1)
    program.add([1, 1], .greaterOrEqual, 2)
    #expect(program.solve() == .infeasible)
  }

  @Test("x + y = −1 has no solution with x, y ≥ 0")
  func negativeEquality() {
    var program = LinearProgram(.minimize, [1, 1])
    program.add([1, 1], .equal, -1)
    #expect(program.solve() == .infeasible)
  }

  @Test("Wyndor with only x ≤ 4 left is unbounded: y grows without limit")
  func unbounded() {
    var program = LinearProgram(.maximize, [3, 5])
    program.add([1, 0], .lessOrEqual, 4)
    #expect(program.solve() == .unbounded)
  }

  @Test("maximising with no constraints is unbounded")
  func unboundedWithoutConstraints() {
    #expect(LinearProgram(.maximize, [0, 1]).solve() == .unbounded)
  }

  // MARK: - Degeneracy

  /// A program on which the largest-coefficient rule (ties to the lowest index) cycles back to its first basis
  /// after six degenerate pivots; Bland's rule must still reach the optimum.
  struct CyclingExample: Sendable, CustomTestStringConvertible {
    var name: String
    var goal: LinearProgram.Goal
    var objective: [Double]
    var rows: [[Double]]
    var bounds: [Double]
    var value: Double
    var x: [Double]
    var testDescription: String { name }
  }

  static let cyclingExamples = [
    CyclingExample(
      name: "Beale (1955): minimum −1/20 at x₄ = 1/25, x₆ = 1", goal: .minimize, objective: [-0.75, 150, -0.02, 6],
      rows: [[0.25, -60, -0.04, 9], [0.5, -90, -0.02, 3], [0, 0, 1, 0]], bounds: [0, 0, 1],
      value: -0.05, x: [0.04, 0, 1, 0]),
    CyclingExample(
      name: "Beale as in Bazaraa, Jarvis & Sherali: minimum −5/4 at x₄ = x₆ = 1", goal: .minimize,
      objective: [-0.75, 20, -0.5, 6], rows: [[0.25, -8, -1, 9], [0.5, -12, -0.5, 3], [0, 0, 1, 0]],
      bounds: [0, 0, 1], value: -1.25, x: [1, 0, 1, 0]),
    CyclingExample(
      name: "Chvátal, Linear Programming ch. 3: maximum 1 at x₁ = x₃ = 1", goal: .maximize,
      objective: [10, -57, -9, -24],
      rows: [[0.5, -5.5, -2.5, 9], [0.5, -1.5, -0.5, 1], [1, 0, 0, 0]], bounds: [0, 0, 1], value: 1,
      x: [1, 0, 1, 0]),
  ]

  @Test(
    "degenerate programs that cycle under the largest-coefficient rule reach their optimum", arguments: cyclingExamples)
  func cyclingExample(_ example: CyclingExample) throws {
    var program = LinearProgram(example.goal, example.objective)
    for (row, bound) in zip(example.rows, example.bounds) { program.add(row, .lessOrEqual, bound) }
    let result = try #require(optimum(program))
    #expect(abs(result.value - example.value) < 1e-9)
    #expect(close(result.x, example.x))
  }

  @Test("the cycling programs give the optima recorded in Golden/simplex-cycling.txt, bit for bit")
  func golden() throws {
    let lines = Self.cyclingExamples.map { example in
      var program = LinearProgram(example.goal, example.objective)
      for (row, bound) in zip(example.rows, example.bounds) { program.add(row, .lessOrEqual, bound) }
      switch program.solve() {
      case .optimal(let value, let x):
        return "\(example.name): \(value) at \(x.map(\.description).joined(separator: " "))"
      case .infeasible: return "\(example.name): infeasible"
      case .unbounded: return "\(example.name): unbounded"
      }
    }
    #expect(
      try Golden.difference(lines.joined(separator: "\n") + "\n", from: "simplex-cycling.txt", besideFile: #filePath)
        == nil)
  }
}
