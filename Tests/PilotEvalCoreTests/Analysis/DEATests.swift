import PilotEvalCore
import Testing

/// Efficiency and peers by data envelopment analysis, against published and hand-solved examples.
@Suite("DEA")
struct DEATests {
  private func close(_ actual: Double, _ expected: Double) -> Bool { abs(actual - expected) < 1e-9 }

  /// Agrees with a figure printed to three decimals.
  private func matches(_ actual: Double, published: Double) -> Bool { abs(actual - published) <= 0.0005 }

  private func peers(_ result: DEAResult) -> [Int] { result.peers.map(\.unit) }

  private func weights(_ result: DEAResult) -> [Double] { result.peers.map(\.weight) }

  // MARK: - Published examples

  /// Coelli, A Guide to DEAP Version 2.1 (CEPA Working Paper 96/08), example 1: five firms, one output,
  /// two inputs.
  private let deapOutputs: [[Double]] = [[1], [2], [3], [1], [2]]
  private let deapInputs: [[Double]] = [[2, 5], [2, 4], [6, 6], [3, 2], [6, 2]]

  @Test("DEAP example 1 (CRS, input orientation): efficiencies 0.500 1.000 0.833 0.714 1.000 as published")
  func deapExampleOneEfficiency() {
    let results = DEA.efficiency(
      outputs: deapOutputs, inputs: deapInputs, returnsToScale: .constant, orientation: .input)
    let published = [0.500, 1.000, 0.833, 0.714, 1.000]
    #expect(zip(results, published).allSatisfy { matches($0.efficiency, published: $1) })
    #expect(results.map(\.isEfficient) == [false, true, false, false, true])
  }

  @Test("DEAP example 1: the published peers and weights (firm 3: 2 ×1.000, 5 ×0.500; firm 4: 5 ×0.286, 2 ×0.214)")
  func deapExampleOnePeers() {
    let results = DEA.efficiency(
      outputs: deapOutputs, inputs: deapInputs, returnsToScale: .constant, orientation: .input)
    // Positions count from 0 here, from 1 in DEAP.
    #expect(results.map(peers) == [[1], [1], [1, 4], [4, 1], [4]])
    let published: [[Double]] = [[0.500], [1.000], [1.000, 0.500], [0.286, 0.214], [1.000]]
    for (result, expected) in zip(results, published) {
      #expect(weights(result).count == expected.count)
      #expect(zip(weights(result), expected).allSatisfy { matches($0, published: $1) })
    }
  }

  @Test("DEAP example 1: firm 1 keeps a published slack of 0.500 in input 2 after the radial contraction")
  func deapExampleOneSlack() {
    let results = DEA.efficiency(
      outputs: deapOutputs, inputs: deapInputs, returnsToScale: .constant, orientation: .input)
    #expect(close(results[0].inputSlacks[0], 0))
    #expect(close(results[0].inputSlacks[1], 0.5))
    #expect(results[0].outputSlacks.allSatisfy { close($0, 0) })
  }

  @Test("under constant returns the output orientation gives the input one's efficiencies (1/φ = θ)")
  func constantReturnsOrientationsAgree() {
    let input = DEA.efficiency(
      outputs: deapOutputs, inputs: deapInputs, returnsToScale: .constant, orientation: .input)
    let output = DEA.efficiency(
      outputs: deapOutputs, inputs: deapInputs, returnsToScale: .constant, orientation: .output)
    #expect(zip(input, output).allSatisfy { close($0.efficiency, $1.efficiency) })
  }

  /// Coelli's DEAP guide, example 4 (output-orientated Malmquist), first year: five firms, output 1…5,
  /// input 2, 4, 3, 5, 6.
  private let oneByOneOutputs: [[Double]] = [[1], [2], [3], [4], [5]]
  private let oneByOneInputs: [[Double]] = [[2], [4], [3], [5], [6]]

  @Test("one input, one output, CRS: efficiency is output/input over the best ratio (0.5 0.5 1 0.8 0.833)")
  func constantReturnsIsRatio() {
    let results = DEA.efficiency(outputs: oneByOneOutputs, inputs: oneByOneInputs, returnsToScale: .constant)
    let ratios = zip(oneByOneOutputs, oneByOneInputs).map { $0[0] / $1[0] }
    #expect(zip(results, ratios).allSatisfy { close($0.efficiency, $1 / ratios.max()!) })
    let published = [0.500, 0.500, 1.000, 0.800, 0.833]
    #expect(zip(results, published).allSatisfy { matches($0.efficiency, published: $1) })
    #expect(results.map(peers) == [[2], [2], [2], [2], [2]])
  }

  @Test("one input, one output, VRS, output orientation: 1 0.545 1 0.923 1 as published, peers by hand")
  func variableReturnsOneByOne() {
    let results = DEA.efficiency(outputs: oneByOneOutputs, inputs: oneByOneInputs)
    let published = [1.000, 0.545, 1.000, 0.923, 1.000]
    #expect(zip(results, published).allSatisfy { matches($0.efficiency, published: $1) })
    // By hand: the frontier runs (3, 3)–(6, 5); firm 2 (input 4) reaches 11/3 there, firm 4 (input 5) 13/3.
    #expect(close(results[1].efficiency, 6.0 / 11))
    #expect(close(results[3].efficiency, 12.0 / 13))
    #expect(peers(results[1]) == [2, 4])
    #expect(close(weights(results[1])[0], 2.0 / 3) && close(weights(results[1])[1], 1.0 / 3))
    #expect(peers(results[3]) == [4, 2])
    #expect(close(weights(results[3])[0], 2.0 / 3) && close(weights(results[3])[1], 1.0 / 3))
  }

  // MARK: - Hand-solved: two outputs, one constant input, VRS

  @Test("(1,4) (2,3) (4,2) (2,1): (2,3) lies under the segment (1,4)–(4,2), so it is 13/14 efficient; (2,1) is 1/2")
  func twoOutputsByHand() {
    let results = DEA.efficiency(outputs: [[1, 4], [2, 3], [4, 2], [2, 1]])
    let expected = [1, 13.0 / 14, 1, 0.5]
    #expect(zip(results, expected).allSatisfy { close($0.efficiency, $1) })
    #expect(results.map(\.isEfficient) == [true, false, true, false])
    // (2,3)·14/13 = (28/13, 42/13) = 8/13·(1,4) + 5/13·(4,2).
    #expect(peers(results[1]) == [0, 2])
    #expect(close(weights(results[1])[0], 8.0 / 13) && close(weights(results[1])[1], 5.0 / 13))
    // (2,1)·2 = (4,2), unit 2 itself.
    #expect(peers(results[3]) == [2])
    #expect(close(weights(results[3])[0], 1))
  }

  @Test("(1,4) (3,3) (4,1) (1,2): the first three are efficient and their own peers; (1,2) reaches 5/9 via 0.6, 0.4")
  func twoOutputsBetweenTwoPeers() {
    let results = DEA.efficiency(outputs: [[1, 4], [3, 3], [4, 1], [1, 2]])
    #expect(zip(results, [1, 1, 1, 5.0 / 9]).allSatisfy { close($0.efficiency, $1) })
    #expect(results.map(peers) == [[0], [1], [2], [0, 1]])
    // (1,2)·9/5 = (1.8, 3.6) = 0.6·(1,4) + 0.4·(3,3).
    #expect(close(weights(results[3])[0], 0.6) && close(weights(results[3])[1], 0.4))
  }

  @Test("peers with equal weights are listed by position")
  func equalWeightsByPosition() {
    // (0.5,0.5)·2 = (1,1) = ½·(2,0) + ½·(0,2).
    let results = DEA.efficiency(outputs: [[2, 0], [0, 2], [0.5, 0.5]])
    #expect(close(results[2].efficiency, 0.5))
    #expect(peers(results[2]) == [0, 1])
    #expect(weights(results[2]).allSatisfy { close($0, 0.5) })
  }

  // MARK: - Edge cases

  @Test("identical efficient units are both efficient, each its own peer; a unit behind them names the first")
  func duplicatedUnits() {
    let results = DEA.efficiency(outputs: [[3, 3], [3, 3], [1, 1]])
    #expect(zip(results, [1, 1, 1.0 / 3]).allSatisfy { close($0.efficiency, $1) })
    #expect(results.map(\.isEfficient) == [true, true, false])
    #expect(results.map(peers) == [[0], [1], [0]])
  }

  @Test("on the frontier but matched on one output and beaten on another: efficiency 1 with slack, not efficient")
  func weaklyEfficient() {
    let results = DEA.efficiency(outputs: [[1.0, 0.5], [1.0, 0.8]])
    #expect(results[0].efficiency == 1)
    #expect(!results[0].isEfficient)
    #expect(peers(results[0]) == [1])
    #expect(close(results[0].outputSlacks[0], 0) && close(results[0].outputSlacks[1], 0.3))
    #expect(results[1].isEfficient)
  }

  @Test("slacks come back in each output's own units; rescaling an output changes no efficiency")
  func slacksInOwnUnits() {
    let results = DEA.efficiency(outputs: [[1.0, 50], [1.0, 80], [0.5, 40]])
    #expect(close(results[0].outputSlacks[1], 30))
    let unscaled = DEA.efficiency(outputs: [[1.0, 0.5], [1.0, 0.8], [0.5, 0.4]])
    #expect(zip(results, unscaled).allSatisfy { close($0.efficiency, $1.efficiency) })
  }

  @Test("a unit with all-zero outputs cannot be expanded radially: efficiency 0, no peers; the others are unaffected")
  func allZeroOutputs() {
    let results = DEA.efficiency(outputs: [[0.8, 0.6], [0, 0], [0.4, 0.3]])
    #expect(results[1].efficiency == 0)
    #expect(results[1].peers.isEmpty)
    #expect(!results[1].isEfficient)
    #expect(results[0].isEfficient)
    #expect(close(results[2].efficiency, 0.5))
  }

  @Test("with one constant input and VRS the input orientation rates every unit 1, the dominated ones with slack")
  func inputOrientationConstantInput() {
    let results = DEA.efficiency(outputs: [[1, 4], [2, 3], [4, 2], [2, 1]], orientation: .input)
    #expect(results.allSatisfy { $0.efficiency == 1 })
    #expect(results.map(\.isEfficient) == [true, false, true, false])
  }

  @Test("no units give no results; a lone unit is efficient and its own peer")
  func emptyAndSingle() {
    #expect(DEA.efficiency(outputs: []).isEmpty)
    let single = DEA.efficiency(outputs: [[0.7, 0.2]])
    #expect(single[0].efficiency == 1 && single[0].isEfficient)
    #expect(peers(single[0]) == [0])
  }
}
