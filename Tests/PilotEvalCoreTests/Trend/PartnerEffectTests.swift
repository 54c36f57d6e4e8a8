import PilotEvalCore
import Testing

/// The partner effect: improvement of units that had learning partners against comparable units
/// (same starting tier, and the same region, else the same level) that had none.
///
/// Expected values are worked by hand in the comments.
@Suite("Trend partner effect")
struct PartnerEffectTests {
  /// Round R1 → R2 (improvement in brackets; tiers from the usual 90 / 80 / 60 / 0):
  ///
  ///     P1  pass  广西 市级  partners  65 → 73  (+8)
  ///     P2  pass  广西 县级  partners  70 → 76  (+6)
  ///     U1  pass  广西 县级  —         62 → 64  (+2)
  ///     P3  fail  湖南 市级  partners  40 → 50  (+10)
  ///     U2  fail  江苏 市级  —         45 → 49  (+4)
  ///     P4  good  湖南 县级  partners  82 → 87  (+5)
  ///     U3  pass  湖南 市级  —         60 → 61  (+1)
  ///     X   good  湖南 县级  exemplar  85 → 82  (left out: an exemplar in R1)
  ///     Z   pass  广西 市级  partners  68 → —   (left out: not scored in R2)
  private let rounds: [RoundSnapshot] = [
    .trend(
      "R1", pairings: .arranged,
      [
        .unit("P1", 65, region: "广西", level: "市级", partners: ["X"]),
        .unit("P2", 70, region: "广西", level: "县级", partners: ["X"]),
        .unit("U1", 62, region: "广西", level: "县级"),
        .unit("P3", 40, region: "湖南", level: "市级", partners: ["X"]),
        .unit("U2", 45, region: "江苏", level: "市级"),
        .unit("P4", 82, region: "湖南", level: "县级", partners: ["X"]),
        .unit("U3", 60, region: "湖南", level: "市级"),
        .unit("X", 85, region: "湖南", level: "县级", exemplar: true),
        .unit("Z", 68, region: "广西", level: "市级", partners: ["X"]),
      ]),
    .trend(
      "R2",
      [
        .unit("P1", 73, region: "广西", level: "市级"), .unit("P2", 76, region: "广西", level: "县级"),
        .unit("U1", 64, region: "广西", level: "县级"), .unit("P3", 50, region: "湖南", level: "市级"),
        .unit("U2", 49, region: "江苏", level: "市级"), .unit("P4", 87, region: "湖南", level: "县级"),
        .unit("U3", 61, region: "湖南", level: "市级"), .unit("X", 82, region: "湖南", level: "县级"),
      ]),
  ]

  @Test("two strata (a region match and a level fallback), one unmatched unit, weighted difference 16/3")
  func twoStrata() throws {
    let effect = try #require(TrendReport(rounds).partnerEffects.first)
    #expect(effect.from == "R1")
    #expect(effect.to == "R2")
    #expect(effect.source == .arranged)
    // Overall: paired P1, P2, P3, P4 → (8 + 6 + 10 + 5) / 4 = 7.25; unpaired U1, U2, U3 → 7 / 3.
    #expect(effect.paired.count == 4)
    #expect(approximately(effect.paired.meanImprovement, 7.25))
    #expect(effect.unpaired.count == 3)
    #expect(approximately(effect.unpaired.meanImprovement, 7.0 / 3))
    // P1, P2: (pass, region, 广西) holds U1. P3: no unpaired fail unit in 湖南, but U2 is a fail 市级 unit.
    // P4: no unpaired good unit at all (X, the exemplar, does not count) → unmatched.
    // (pass, region, 湖南) and (pass, level, 市级) hold U3 but no paired unit: not listed.
    // Byte order of tier: "fail" before "pass".
    #expect(
      effect.strata == [
        PartnerEffect.Stratum(
          tier: "fail", cohort: "level", value: "市级", paired: .init(count: 1, meanImprovement: 10),
          unpaired: .init(count: 1, meanImprovement: 4)),
        PartnerEffect.Stratum(
          tier: "pass", cohort: "region", value: "广西", paired: .init(count: 2, meanImprovement: 7),
          unpaired: .init(count: 1, meanImprovement: 2)),
      ])
    #expect(effect.unmatched == 1)
    // ((10 − 4) × 1 + (7 − 2) × 2) / (1 + 2) = 16 / 3.
    let difference = try #require(effect.difference)
    #expect(approximately(difference, 16.0 / 3))
  }

  @Test("an unpaired unit counts in every stratum it fits: its region's and its level's")
  func unpairedInBothStrata() throws {
    // U is pass/广西/市级 without partners. P (pass/广西/县级) matches it by region; Q (pass/湖南/市级) has
    // no unpaired unit in 湖南, so matches it by level. Both strata list U.
    let rounds: [RoundSnapshot] = [
      .trend(
        "R1",
        [
          .unit("P", 70, region: "广西", level: "县级", partners: ["E"]),
          .unit("Q", 70, region: "湖南", level: "市级", partners: ["E"]), .unit("U", 70, region: "广西", level: "市级"),
        ]),
      .trend("R2", [.unit("P", 75), .unit("Q", 79), .unit("U", 72)]),
    ]
    let effect = try #require(TrendReport(rounds).partnerEffects.first)
    #expect(effect.source == .recommended)
    #expect(effect.strata.map(\.cohort) == ["level", "region"])
    #expect(effect.strata.map(\.unpaired.count) == [1, 1])
    #expect(effect.strata.map(\.paired.meanImprovement) == [9, 5])
    // ((9 − 2) + (5 − 2)) / 2 = 5.
    #expect(effect.difference == 5)
    #expect(effect.unmatched == 0)
  }

  @Test("no stratum holding both kinds: difference nil, every paired unit unmatched")
  func noComparison() throws {
    let rounds: [RoundSnapshot] = [
      .trend("R1", [.unit("a", 70, partners: ["b"]), .unit("b", 95, exemplar: true)]),
      .trend("R2", [.unit("a", 75), .unit("b", 96)]),
    ]
    let effect = try #require(TrendReport(rounds).partnerEffects.first)
    #expect(effect.strata.isEmpty)
    #expect(effect.difference == nil)
    #expect(effect.unmatched == 1)
    #expect(effect.unpaired == PartnerEffect.Group(count: 0, meanImprovement: 0))
  }

  @Test("one entry per consecutive pair, each using the earlier round's partners and pairing source")
  func consecutivePairs() {
    let report = TrendReport([
      .trend("R1", pairings: .arranged, [.unit("a", 60, partners: ["b"]), .unit("b", 65)]),
      .trend("R2", [.unit("a", 70), .unit("b", 66, partners: ["a"])]),
      .trend("R3", [.unit("a", 71), .unit("b", 76)]),
    ])
    #expect(report.partnerEffects.map(\.from) == ["R1", "R2"])
    #expect(report.partnerEffects.map(\.source) == [.arranged, .recommended])
    // R1 → R2: a paired (+10), b not (+1). R2 → R3: b paired (+10), a not (+1).
    #expect(report.partnerEffects.map(\.difference) == [9, 9])
    #expect(report.units.map(\.hadPartners) == [[true, false, false], [false, true, false]])
  }
}
