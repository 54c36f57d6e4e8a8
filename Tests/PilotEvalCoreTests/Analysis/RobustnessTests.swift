import PilotEvalCore
import Testing

/// Uncertainty analysis of the ranking: median rank, 5–95% rank interval and top-tier probability under
/// section-weight noise and reviewer bootstrap.
///
/// Monte Carlo estimates are checked against probabilities worked by hand in the comments, within three binomial
/// standard errors, √(p(1 − p) / N), for the N draws used: a correct model fails such a check with probability
/// about 0.3% for a given seed, and the seed is fixed, so the check is deterministic.
@Suite("Robustness")
struct RobustnessTests {
  // MARK: - Builders

  /// A unit's answers: judgement points by criterion id, reviewers' points by criterion id, and flags.
  private struct Entry {
    var id: String
    var points: [String: Double]
    var reviews: [[String: Double]] = []
    var bonus = false
    var vetoed = false
  }

  /// Scores `entries` against `rubric` (judgement criteria; a criterion left out is answered not applicable).
  private func score(_ entries: [Entry], rubric: Rubric) -> [Scorecard] {
    entries.map { entry in
      let responses = rubric.criteria.map { criterion in
        entry.points[criterion.id].map { Response(criterion: criterion.id, points: $0) } ?? .notApplicable(criterion.id)
      }
      let reviews = entry.reviews.enumerated().map { index, scores in
        Review.by(
          "E\(index + 1)", of: entry.id,
          scores: scores.keys.sorted().map { ScoreChange(criterion: $0, points: scores[$0]!) })
      }
      return rubric.score(
        Submission.make(
          unit: entry.id, responses, bonuses: entry.bonus ? ["B1"] : [],
          derived: DerivedData(triggeredVetoes: entry.vetoed ? ["V1"] : [])),
        reviews: reviews)
    }
  }

  /// Three standard errors of a proportion `p` estimated from `draws` draws.
  private func threeSigma(_ p: Double, draws: Int) -> Double {
    3 * (p * (1 - p) / Double(draws)).squareRoot()
  }

  // MARK: - Without noise, the scored ranking

  /// S1 {C1 5 ★, C2 5}, S2 {C3 90, optional}; tiers 90 (floor 0.6) / 60 / 0; tiebreak S2; a bonus of 3; a veto.
  private let ruleRubric = Rubric.make(
    [
      Criterion.judgement("C1", points: 5).key(), .judgement("C2", points: 5), .judgement("C3", points: 90).optional(),
    ],
    sections: [.section("S1", ["C1", "C2"]), .section("S2", ["C3"])],
    tiers: [
      Tier(id: "exemplary", name: "示范", min: 90, sectionFloor: 0.6), Tier(id: "pass", name: "合格", min: 60),
      Tier(id: "fail", name: "不合格", min: 0),
    ],
    tiebreak: ["S2"], vetoes: [Veto(id: "V1", title: "安全事故")], bonuses: [.bonus("B1", 3)])

  private var ruleEntries: [Entry] {
    [
      Entry(id: "F", points: ["C1": 5, "C2": 0, "C3": 90]),  // 95, S1 5 < 0.6 × 10: kept out by the floor
      Entry(id: "A", points: ["C1": 5, "C2": 5, "C3": 90]),  // 100, exemplary
      Entry(id: "K", points: ["C1": 0, "C2": 5, "C3": 90]),  // 95, ★ C1 at 0: lowest tier
      Entry(id: "N", points: ["C1": 5, "C2": 4]),  // C3 not applicable: 9 × 100 / 10 = 90, exemplary
      Entry(id: "B", points: ["C1": 5, "C2": 5, "C3": 80]),  // 90, ahead of N on S2
      Entry(id: "V", points: ["C1": 5, "C2": 5, "C3": 90], vetoed: true),  // vetoed: after all others
      Entry(id: "T2", points: ["C1": 5, "C2": 5, "C3": 57], bonus: true),  // 67 + 3 = 70, behind T1 on S2
      Entry(id: "T1", points: ["C1": 5, "C2": 5, "C3": 60]),  // 70
      Entry(id: "T3", points: ["C1": 5, "C2": 5, "C3": 60], reviews: [["C3": 58], ["C3": 62]]),  // 70: shares T1's rank
      Entry(id: "W", points: ["C1": 5, "C2": 5, "C3": 89.995]),  // 99.995 shows as 100.00: ties A on score
    ]
  }

  @Test("with no weight noise and no resampling every draw is the scored ranking and tier")
  func noNoiseIsTheScoredRanking() {
    let cards = score(ruleEntries, rubric: ruleRubric)
    let places = Ranking(rubric: ruleRubric).places(cards)
    var scoredRank = [Int](repeating: 0, count: cards.count)
    for place in places { scoredRank[place.index] = place.rank }
    #expect(Set(scoredRank).count < cards.count, "the example has shared ranks")

    let report = Robustness.analyse(
      cards, rubric: ruleRubric, options: RobustnessOptions(draws: 40, weightNoise: 0, resampleReviewers: false))
    #expect(report.units.map(\.unit) == cards.map(\.unit.id))
    for (index, unit) in report.units.enumerated() {
      #expect(unit.medianRank == Double(scoredRank[index]), "\(unit.unit)")
      #expect(unit.rank5 == scoredRank[index], "\(unit.unit)")
      #expect(unit.rank95 == scoredRank[index], "\(unit.unit)")
      #expect(unit.topTierProbability == (cards[index].tier == "exemplary" ? 1 : 0), "\(unit.unit)")
    }
    #expect(cards.filter { $0.tier == "exemplary" }.map(\.unit.id) == ["A", "N", "B", "W"])
  }

  @Test("with no noise, resampling changes nothing for reviewers who agree")
  func agreeingReviewersChangeNothing() {
    let rubric = Rubric.make([.judgement("C1", points: 100)])
    let cards = score(
      [
        Entry(id: "A", points: ["C1": 85], reviews: [["C1": 95], ["C1": 95], ["C1": 95]]),  // 95: exemplary
        Entry(id: "B", points: ["C1": 92]),  // 92: exemplary too, but second
      ], rubric: rubric)
    let report = Robustness.analyse(cards, rubric: rubric, options: RobustnessOptions(draws: 20, weightNoise: 0))
    #expect(
      report.units == [
        UnitRobustness(unit: "A", medianRank: 1, rank5: 1, rank95: 1, topTierProbability: 1, draws: 20),
        UnitRobustness(unit: "B", medianRank: 2, rank5: 2, rank95: 2, topTierProbability: 1, draws: 20),
      ])
  }

  // MARK: - Known answers

  @Test("a unit far ahead is first in every draw and always reaches the top tier")
  func farAheadIsAlwaysFirst() {
    // A has full marks (score 100 under any weights); the others at most 60 + 20% of the total.
    let rubric = Rubric.make(
      [.judgement("C1", points: 30), .judgement("C2", points: 30), .judgement("C3", points: 40)],
      sections: [.section("S1", ["C1"]), .section("S2", ["C2"]), .section("S3", ["C3"])])
    let cards = score(
      [
        Entry(id: "Z", points: ["C1": 30, "C2": 10, "C3": 10], reviews: [["C1": 30], ["C1": 0]]),
        Entry(id: "A", points: ["C1": 30, "C2": 30, "C3": 40], reviews: [["C2": 30], ["C2": 28]]),
        Entry(id: "M", points: ["C1": 10, "C2": 30, "C3": 20]),
        Entry(id: "Q", points: ["C1": 0, "C2": 0, "C3": 40], reviews: [["C3": 40], ["C3": 20], ["C3": 30]]),
      ], rubric: rubric)
    let report = Robustness.analyse(cards, rubric: rubric, options: RobustnessOptions(draws: 500))
    #expect(
      report.units[1]
        == UnitRobustness(unit: "A", medianRank: 1, rank5: 1, rank95: 1, topTierProbability: 1, draws: 500))
    #expect(report.units.filter { $0.unit != "A" }.allSatisfy { $0.rank5 >= 2 && $0.topTierProbability == 0 })
  }

  @Test("a vetoed unit never reaches a tier and ranks after every other unit in every draw")
  func vetoedRanksLast() {
    let rubric = Rubric.make(
      [.judgement("C1", points: 50), .judgement("C2", points: 50)],
      sections: [.section("S1", ["C1"]), .section("S2", ["C2"])], vetoes: [Veto(id: "V1", title: "安全事故")])
    let cards = score(
      [
        Entry(id: "V", points: ["C1": 50, "C2": 50], reviews: [["C1": 50], ["C1": 40]], vetoed: true),
        Entry(id: "A", points: ["C1": 40, "C2": 10]),
        Entry(id: "B", points: ["C1": 10, "C2": 40], reviews: [["C2": 40], ["C2": 0]]),
        Entry(id: "C", points: ["C1": 20, "C2": 20]),
      ], rubric: rubric)
    let report = Robustness.analyse(cards, rubric: rubric, options: RobustnessOptions(draws: 300))
    #expect(
      report.units[0]
        == UnitRobustness(unit: "V", medianRank: 4, rank5: 4, rank95: 4, topTierProbability: 0, draws: 300))
    #expect(report.units.dropFirst().allSatisfy { $0.rank95 <= 3 })
  }

  @Test("two units on opposite sections of equal weight: each is ahead in half the draws")
  func symmetricRace() {
    // S1 {C1 50}, S2 {C2 50}; A earns S1 only, B S2 only; the top tier needs 50.
    // m₁ = 2f₁/(f₁ + f₂), so A's score is 100 f₁/(f₁ + f₂): A reaches 50, and is ahead of B (whose score is
    // 100 minus A's), exactly when f₁ ≥ f₂ — probability 1/2 for i.i.d. factors. (The two-decimal rounding
    // adds a band |f₁ − f₂| < 2·10⁻⁴ of probability about 5·10⁻⁴, far inside the tolerance.)
    let rubric = Rubric.make(
      [.judgement("C1", points: 50), .judgement("C2", points: 50)],
      sections: [.section("S1", ["C1"]), .section("S2", ["C2"])],
      tiers: [Tier(id: "top", name: "top", min: 50), Tier(id: "rest", name: "rest", min: 0)])
    let cards = score(
      [Entry(id: "A", points: ["C1": 50, "C2": 0]), Entry(id: "B", points: ["C1": 0, "C2": 50])], rubric: rubric)
    let draws = 4000
    let report = Robustness.analyse(cards, rubric: rubric, options: RobustnessOptions(draws: draws))
    let tolerance = threeSigma(0.5, draws: draws)  // 0.0237
    #expect(abs(report.units[0].topTierProbability - 0.5) <= tolerance)
    #expect(abs(report.units[1].topTierProbability - 0.5) <= tolerance)
    #expect(report.units.allSatisfy { $0.rank5 == 1 && $0.rank95 == 2 })
  }

  @Test("a race decided by one section's weight: A is ahead with probability 29/33")
  func asymmetricRace() {
    // S1 {C1 60}, S2 {C2 40}; A earns 60 in S1, B earns 40 in S2 plus a bonus of 10.
    // With W = 60f₁ + 40f₂: A's score is 6000f₁/W and B's is 4000f₂/W + 10 (the bases add up to 100), so
    // A ≥ B ⇔ A's score ≥ 55 ⇔ 2700f₁ ≥ 2200f₂ ⇔ f₂ ≤ r·f₁ with r = 27/22. With f ~ U[0.8, 1.2], f₂ > r·f₁
    // needs f₁ < b = 1.2/r = 26.4/27; that corner has area ∫₀.₈ᵇ (1.2 − r·f₁) df₁ = r(b − 0.8)²/2 = 23.04/1188,
    // and divided by 0.4² it is 4/33. So A reaches the top tier (min 55) and is first with probability 29/33,
    // and B reaches the top tier with probability 4/33.
    let rubric = Rubric.make(
      [.judgement("C1", points: 60), .judgement("C2", points: 40)],
      sections: [.section("S1", ["C1"]), .section("S2", ["C2"])],
      tiers: [Tier(id: "top", name: "top", min: 55), Tier(id: "rest", name: "rest", min: 0)],
      bonuses: [.bonus("B1", 10)])
    let cards = score(
      [Entry(id: "A", points: ["C1": 60, "C2": 0]), Entry(id: "B", points: ["C1": 0, "C2": 40], bonus: true)],
      rubric: rubric)
    let draws = 4000
    let report = Robustness.analyse(cards, rubric: rubric, options: RobustnessOptions(draws: draws, seed: 2025))
    let a = report.units[0]
    let b = report.units[1]
    #expect(abs(a.topTierProbability - 29.0 / 33) <= threeSigma(29.0 / 33, draws: draws))  // ± 0.0155
    #expect(abs(b.topTierProbability - 4.0 / 33) <= threeSigma(4.0 / 33, draws: draws))
    // A is first in about 88% of draws: median 1, and second in more than 5% of them.
    #expect(
      a
        == UnitRobustness(
          unit: "A", medianRank: 1, rank5: 1, rank95: 2, topTierProbability: a.topTierProbability, draws: draws))
    #expect(
      b
        == UnitRobustness(
          unit: "B", medianRank: 2, rank5: 1, rank95: 2, topTierProbability: b.topTierProbability, draws: draws))
  }

  // MARK: - Reviewer bootstrap

  /// One 4-point criterion C1 (total 4, so the score is C1's points); the top tier needs `min`.
  private func bootstrapCards(
    _ reviewers: [Double], aggregation: Aggregation, min: Double
  ) -> (Rubric, [Scorecard]) {
    let rubric = Rubric.make(
      [.judgement("C1", points: 4)],
      tiers: [Tier(id: "top", name: "top", min: min), Tier(id: "rest", name: "rest", min: 0)],
      aggregation: aggregation)
    let cards = score([Entry(id: "U", points: ["C1": 2], reviews: reviewers.map { ["C1": $0] })], rubric: rubric)
    return (rubric, cards)
  }

  @Test(
    "two reviewers giving 0 and 4 (mean): the resampled points are 0, 2 or 4 with probabilities 1/4, 1/2, 1/4",
    arguments: [(4.0, 0.25), (2.0, 0.75), (0.01, 0.75)])
  func bootstrapTwoReviewers(min: Double, expected: Double) {
    // Draws (E1, E1) → 0, (E1, E2) or (E2, E1) → 2, (E2, E2) → 4.
    let (rubric, cards) = bootstrapCards([0, 4], aggregation: .mean, min: min)
    #expect(cards[0].criterion("C1").points == 2)
    let draws = 4000
    let report = Robustness.analyse(cards, rubric: rubric, options: RobustnessOptions(draws: draws))
    #expect(abs(report.units[0].topTierProbability - expected) <= threeSigma(expected, draws: draws))  // ± 0.0206
  }

  @Test(
    "three reviewers 0, 2, 4: a resampled median or trimmed mean is 4 with probability 7/27",
    arguments: [Aggregation.median, .trimmedMean(1)])
  func bootstrapThreeReviewers(aggregation: Aggregation) {
    // Both keep the middle of three draws, which is 4 when at least two draws are E3:
    // 3 · (1/3)² · (2/3) + (1/3)³ = 7/27.
    let (rubric, cards) = bootstrapCards([0, 2, 4], aggregation: aggregation, min: 4)
    let draws = 4000
    let report = Robustness.analyse(cards, rubric: rubric, options: RobustnessOptions(draws: draws, seed: 9))
    #expect(abs(report.units[0].topTierProbability - 7.0 / 27) <= threeSigma(7.0 / 27, draws: draws))
  }

  @Test("a resampled ★ key criterion at zero keeps the unit out of the top tier (probability 3/4 in)")
  func bootstrapKeyItem() {
    // C1 ★ (4) reviewed 0 and 4, C2 (4) full: the score (total 8) is at least 4 · m₂ ≥ 4 · 0.8 ≥ 3 in every
    // draw, and the unit is kept out only when both draws are the reviewer giving 0: probability 1/4.
    let rubric = Rubric.make(
      [Criterion.judgement("C1", points: 4).key(), .judgement("C2", points: 4)],
      sections: [.section("S1", ["C1"]), .section("S2", ["C2"])],
      tiers: [Tier(id: "top", name: "top", min: 3), Tier(id: "rest", name: "rest", min: 0)])
    let cards = score([Entry(id: "U", points: ["C1": 4, "C2": 4], reviews: [["C1": 0], ["C1": 4]])], rubric: rubric)
    let draws = 4000
    let report = Robustness.analyse(cards, rubric: rubric, options: RobustnessOptions(draws: draws))
    #expect(abs(report.units[0].topTierProbability - 0.75) <= threeSigma(0.75, draws: draws))
  }

  @Test("the section floor is checked on the resampled points (probability 1/4 in)")
  func bootstrapFloor() {
    // S1 {C1 4} reviewed 0 and 4, S2 {C2 4} full; the score (total 8) is at least 3 in every draw, as above, and
    // floor 0.6 needs C1 ≥ 2.4, i.e. both draws the reviewer giving 4.
    let rubric = Rubric.make(
      [.judgement("C1", points: 4), .judgement("C2", points: 4)],
      sections: [.section("S1", ["C1"]), .section("S2", ["C2"])],
      tiers: [Tier(id: "top", name: "top", min: 3, sectionFloor: 0.6), Tier(id: "rest", name: "rest", min: 0)])
    let cards = score([Entry(id: "U", points: ["C1": 4, "C2": 4], reviews: [["C1": 0], ["C1": 4]])], rubric: rubric)
    let draws = 4000
    let report = Robustness.analyse(cards, rubric: rubric, options: RobustnessOptions(draws: draws))
    #expect(abs(report.units[0].topTierProbability - 0.25) <= threeSigma(0.25, draws: draws))
  }

  // MARK: - Reproducibility

  /// A close race of eight units over three sections, some with reviewers.
  private func closeRace() -> (Rubric, [Scorecard]) {
    let rubric = Rubric.make(
      [.judgement("C1", points: 30), .judgement("C2", points: 30), .judgement("C3", points: 40)],
      sections: [.section("S1", ["C1"]), .section("S2", ["C2"]), .section("S3", ["C3"])], tiebreak: ["S3"])
    let entries = (0..<8).map { index in
      let shift = Double(index)
      return Entry(
        id: "U\(index)", points: ["C1": 20 + shift, "C2": 28 - shift, "C3": 30 + shift / 2],
        reviews: index.isMultiple(of: 2) ? [["C1": 18 + shift], ["C1": 24 + shift], ["C1": 20]] : [])
    }
    return (rubric, score(entries, rubric: rubric))
  }

  @Test("the report does not depend on the number of jobs")
  func independentOfJobs() {
    let (rubric, cards) = closeRace()
    let options = RobustnessOptions(draws: 203)
    let one = Robustness.analyse(cards, rubric: rubric, options: options, jobs: 1)
    let three = Robustness.analyse(cards, rubric: rubric, options: options, jobs: 3)
    #expect(one == three)
  }

  @Test("the same seed gives the same report; another seed, another sample")
  func seeded() {
    let (rubric, cards) = closeRace()
    let first = Robustness.analyse(cards, rubric: rubric, options: RobustnessOptions(draws: 200, seed: 42))
    let again = Robustness.analyse(cards, rubric: rubric, options: RobustnessOptions(draws: 200, seed: 42))
    let other = Robustness.analyse(cards, rubric: rubric, options: RobustnessOptions(draws: 200, seed: 43))
    #expect(first == again)
    #expect(first.units != other.units)
    #expect(first.units.contains { $0.rank5 != $0.rank95 }, "the race is close")
  }

  @Test("the description states the draws, the seed, the noise and whether reviewers were resampled")
  func description() {
    let (rubric, cards) = closeRace()
    let resampled = Robustness.analyse(cards, rubric: rubric, options: RobustnessOptions(draws: 10, seed: 7))
    #expect(resampled.description.hasPrefix("10 draws with seed 7: "))
    #expect(resampled.description.contains("1 ± 0.2"))
    #expect(resampled.description.contains("reviewers resampled with replacement"))
    let kept = Robustness.analyse(
      cards, rubric: rubric, options: RobustnessOptions(draws: 10, weightNoise: 0.1, resampleReviewers: false))
    #expect(kept.description.contains("1 ± 0.1"))
    #expect(kept.description.contains("reviewers not resampled"))
    #expect(kept.options.weightNoise == 0.1)
  }

  @Test("no scorecards, no units")
  func empty() {
    let report = Robustness.analyse([], rubric: ruleRubric, options: RobustnessOptions(draws: 5))
    #expect(report.units.isEmpty)
  }

  @Test(
    "the allocation-free aggregation of a sorted sample is bit for bit Aggregation.combine",
    arguments: [Aggregation.mean, .median, .trimmedMean(1), .trimmedMean(2)])
  func combineAscendingIsCombine(aggregation: Aggregation) {
    var random = SeededRandom(seed: 5, stream: 0)
    for size in 1...9 {
      for _ in 0..<200 {
        // Thirds and sevenths, so that the order of additions shows in the last bits.
        let values = (0..<size).map { _ in Double(random.next(below: 60)) / Double(3 + 4 * random.next(below: 2)) }
        let ascending = values.sorted()
        let fast = ascending.withUnsafeBufferPointer { aggregation.combineAscending($0, count: size) }
        #expect(fast.bitPattern == aggregation.combine(values).bitPattern, "\(values)")
      }
    }
  }

  // MARK: - The generator

  @Test("xoshiro256** and SplitMix64 give their published reference outputs")
  func referenceOutputs() {
    // Blackman & Vigna's xoshiro256starstar.c from state {1, 2, 3, 4}.
    var xoshiro = SeededRandom(state: (1, 2, 3, 4))
    #expect((0..<4).map { _ in xoshiro.next() } == [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240])
    // Vigna's splitmix64.c from seed 1234567.
    var splitMix = SplitMix64(state: 1_234_567)
    #expect(
      (0..<5).map { _ in splitMix.next() } == [
        6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
        4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
      ])
  }

  @Test("streams of one seed differ, and bounded draws stay in range")
  func streams() {
    var first = SeededRandom(seed: 1, stream: 1)
    var second = SeededRandom(seed: 1, stream: 2)
    #expect(first.next() != second.next())
    var random = SeededRandom(seed: 1, stream: 3)
    let picks = (0..<3000).map { _ in random.next(below: 3) }
    #expect(Set(picks) == [0, 1, 2])
    #expect((0..<1000).map { _ in random.nextUnit() }.allSatisfy { $0 >= 0 && $0 < 1 })
  }
}
