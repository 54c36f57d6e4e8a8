import PilotEvalCore
import Testing

/// Monte Carlo error of top-tier probabilities, and DEA without vetoed peers.
@Suite("Monte Carlo error and DEA reference set")
struct UncertaintyTests {
  @Test("SE = √(p(1 − p)/draws): 0.92 at 1,000 draws is 0.00858")
  func standardError() {
    let unit = UnitRobustness(unit: "A", medianRank: 1, rank5: 1, rank95: 2, topTierProbability: 0.92, draws: 1000)
    // 0.92 × 0.08 = 0.0736; / 1000 = 7.36e-5; √ = 0.0085790…
    #expect(abs(unit.topTierStandardError - 0.008_579_044_235) < 1e-9)
  }

  @Test("robust only when p − 1.96 SE ≥ 0.90; borderline when p ± 1.96 SE holds 0.90 (0.91 was 'robust' before)")
  func verdicts() {
    func verdict(_ p: Double, draws: Int = 1000) -> RobustnessVerdict {
      UnitRobustness(unit: "A", medianRank: 1, rank5: 1, rank95: 1, topTierProbability: p, draws: draws)
        .verdict(robustShare: 0.9)
    }
    // 0.92 − 1.96 × 0.008579 = 0.9032 ≥ 0.90.
    #expect(verdict(0.92) == .robust)
    // 0.91 − 1.96 × 0.00905 = 0.8923 < 0.90 ≤ 0.9277.
    #expect(verdict(0.91) == .borderline)
    // 0.88 + 1.96 × 0.010276 = 0.90014: still reaches 0.90.
    #expect(verdict(0.88) == .borderline)
    // 0.87 + 1.96 × 0.010635 = 0.89084 < 0.90.
    #expect(verdict(0.87) == .notRobust)
    // Every draw in the top tier: SE 0, robust; none: not robust.
    #expect(verdict(1) == .robust)
    #expect(verdict(0) == .notRobust)
    // More draws shrink the SE: 0.91 at 100,000 draws is robust (0.91 − 1.96 × 0.000905 = 0.9082).
    #expect(verdict(0.91, draws: 100_000) == .robust)
  }

  @Test("a vetoed unit is never a DEA peer: the unit behind it is measured against eligible units only")
  func vetoedUnitsAreNotPeers() {
    // Unit 0 (vetoed) beats everyone on both outputs. Without it, unit 1 is on the frontier and unit 2 is
    // measured against unit 1: φ = 0.8 / 0.5 = 1.6, efficiency 0.625.
    let outputs: [[Double]] = [[1, 1], [0.8, 0.8], [0.5, 0.5]]
    let before = DEA.efficiency(outputs: outputs)
    #expect(before[1].peers.map(\.unit) == [0])
    let results = DEA.efficiency(outputs: outputs, peerEligible: [false, true, true])
    #expect(results.allSatisfy { result in !result.peers.contains { $0.unit == 0 } || result.peers.count == 1 })
    #expect(results[0].isEfficient)
    #expect(results[1].isEfficient)
    #expect(abs(results[2].efficiency - 0.625) < 1e-9)
    #expect(results[2].peers.map(\.unit) == [1])
  }
}
