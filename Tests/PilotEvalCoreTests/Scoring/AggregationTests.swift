import PilotEvalCore
import Testing

/// SPEC §1 `<aggregation>`: how several reviewers' points for one criterion combine.
@Suite("§1 aggregation")
struct AggregationTests {
  @Test("mean: the arithmetic mean")
  func mean() {
    #expect(Aggregation.mean.combine([1, 2, 6]) == 3)  // 9 ÷ 3
  }

  @Test("median of an odd count: the middle value")
  func medianOdd() {
    #expect(Aggregation.median.combine([5, 1, 3]) == 3)  // sorted 1 3 5
  }

  @Test("median of an even count: the mean of the two middle values")
  func medianEven() {
    #expect(Aggregation.median.combine([10, 1, 4, 2]) == 3)  // sorted 1 2 4 10 → (2 + 4) ÷ 2
  }

  @Test(
    "trimmed-mean: drop the k highest and k lowest only when n > 2k, else the plain mean",
    arguments: [
      (1, [3.0, 4, 4, 5, 1], 11.0 / 3),  // n 5 > 2: drop 1 and 5 → (3 + 4 + 4) ÷ 3
      (1, [1.0, 2, 9], 2.0),  // n 3 > 2: drop 1 and 9
      (1, [2.0, 4], 3.0),  // n 2 = 2k: plain mean (2 + 4) ÷ 2
      (1, [7.0], 7.0),  // n 1
      (2, [1.0, 2, 3, 10], 4.0),  // n 4 = 2k: plain mean 16 ÷ 4
      (2, [1.0, 2, 3, 4, 10], 3.0),  // n 5 > 4: only 3 is left
      (0, [1.0, 2, 9], 4.0),  // k 0: nothing dropped
    ])
  func trimmedMean(k: Int, values: [Double], expected: Double) {
    #expect(Aggregation.trimmedMean(k).combine(values).isClose(to: expected))
  }

  @Test("means add the values in ascending order, whatever order the reviews came in")
  func ascendingSum() {
    // (0.1 + 0.2) + 0.3 and (0.3 + 0.2) + 0.1 differ in binary; ascending order is the contract.
    let ascending = (0.1 + 0.2 + 0.3) / 3
    #expect(Aggregation.mean.combine([0.3, 0.2, 0.1]) == ascending)
    #expect(Aggregation.mean.combine([0.2, 0.3, 0.1]) == ascending)
    #expect(Aggregation.trimmedMean(1).combine([0.3, 9, 0.2, 0, 0.1]) == ascending)
  }

  @Test("the rubric's aggregation gives a criterion's verified points from its reviewers' views")
  func engineAggregates() {
    // Levels A 4, B 2, C 0. Views: 4 (silent E1 accepts A), 2, 0 → trimmed-mean(1) keeps 2; mean (4 + 2 + 0) ÷ 3 = 2;
    // with a fourth view of 4: median (2 + 4) ÷ 2 = 3.
    let reviews: [Review] = [
      .by("E1"), .by("E2", scores: [ScoreChange(criterion: "C1", level: "B")]),
      .by("E3", scores: [ScoreChange(criterion: "C1", level: "C")]),
    ]
    func verified(_ aggregation: Aggregation, _ reviews: [Review]) -> Double {
      Rubric.make([.abc("C1", points: 4)], aggregation: aggregation)
        .score([Response(criterion: "C1", level: "A")], reviews: reviews).criterion("C1").points
    }
    #expect(verified(.trimmedMean(1), reviews) == 2)
    #expect(verified(.mean, reviews) == 2)
    #expect(verified(.median, reviews + [.by("E4")]) == 3)
  }
}
