import PilotEvalCore
import Testing

/// Inter-rater reliability of expert panels: ICCs, Krippendorff's alpha, leniency and consensus ranges.
///
/// Expected values are published figures or worked by hand in the comments, never read off the code.
@Suite("Panel reliability")
struct PanelReliabilityTests {
  // MARK: - Published examples

  /// Shrout & Fleiss (1979), Table 2: 6 targets × 4 judges.
  static let shroutFleiss = RatingMatrix(
    subjects: ["1", "2", "3", "4", "5", "6"], raters: ["J1", "J2", "J3", "J4"],
    ratings: [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]])

  @Test("Shrout & Fleiss (1979) Table 2: ICC(1,1) = .17 and ICC(1,k) = .44")
  func shroutFleissOneWay() {
    let icc = Self.shroutFleiss.oneWayICC()
    #expect(icc.single.isClose(to: 0.17, tolerance: 0.005))
    #expect(icc.average.isClose(to: 0.44, tolerance: 0.005))
    #expect(icc.ratersPerSubject == 4)
  }

  @Test("Shrout & Fleiss (1979) Table 2: ICC(2,1) = .29 and ICC(2,k) = .62")
  func shroutFleissTwoWay() {
    let icc = Self.shroutFleiss.twoWayICC()
    #expect(icc.single.isClose(to: 0.29, tolerance: 0.005))
    #expect(icc.average.isClose(to: 0.62, tolerance: 0.005))
    #expect(icc.subjects == 6)
    #expect(icc.raters == ["J1", "J2", "J3", "J4"])
  }

  @Test("Krippendorff (2011): interval alpha of the 4 observers × 12 units data with missing values is .849")
  func krippendorffExample() {
    // "Computing Krippendorff's Alpha-Reliability", the reliability data matrix with '.' for missing values.
    // Columns are observers A, B, C, D; rows are units 1–12.
    let matrix = RatingMatrix(
      subjects: (1...12).map(String.init), raters: ["A", "B", "C", "D"],
      ratings: [
        [1, 1, nil, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
        [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [nil, 5, 5, 5], [nil, nil, 1, 1], [nil, 3, nil, nil],
      ])
    #expect(matrix.krippendorffAlpha().isClose(to: 0.849, tolerance: 0.0005))
  }

  // MARK: - Hand-worked examples

  @Test("alpha ignores a subject rated once")
  func alphaIgnoresSingleRatings() {
    // Pairable values 1, 2 | 3, 5 (n = 4); S3's lone 9 does not count.
    // D_o = (1/4)(2·1² + 2·2²) = 2.5. Unordered pairs of {1, 2, 3, 5}: 1 + 4 + 16 + 1 + 9 + 4 = 35,
    // so D_e = 2·35 / (4·3) = 35/6, and alpha = 1 − 2.5 ÷ 35/6 = 1 − 3/7 = 4/7.
    let matrix = RatingMatrix(
      subjects: ["S1", "S2", "S3"], raters: ["A", "B"], ratings: [[1, 2], [3, 5], [9, nil]])
    #expect(matrix.krippendorffAlpha().isClose(to: 4.0 / 7.0))
  }

  @Test("one-way ICC with unequal panels uses k0 = (N − Σn²/N)/(g − 1)")
  func oneWayUnbalanced() {
    // S1 {2, 4} mean 3, S2 {6, 8, 10} mean 8, S3 {5}; N = 6, g = 3, grand mean 35/6.
    // SSB = 2(17/6)² + 3(13/6)² + (5/6)² = 1110/36, MSB = 185/12; SSW = 2 + 8 = 10, MSW = 10/3.
    // k0 = (6 − 14/6)/2 = 11/6.
    // ICC(1,1) = (145/12) / (185/12 + (5/6)(10/3)) = 870/1310 = 87/131; ICC(1,k) = (145/12)/(185/12) = 29/37.
    let matrix = RatingMatrix(
      subjects: ["S1", "S2", "S3"], raters: ["A", "B", "C"],
      ratings: [[2, 4, nil], [6, 8, 10], [nil, nil, 5]])
    let icc = matrix.oneWayICC()
    #expect(icc.ratersPerSubject.isClose(to: 11.0 / 6.0))
    #expect(icc.single.isClose(to: 87.0 / 131.0))
    #expect(icc.average.isClose(to: 29.0 / 37.0))
    #expect(icc.subjects == 3)
    #expect(icc.ratings == 6)
  }

  @Test("two-way ICC uses the subjects rated by every rater of the most common panel")
  func twoWayCompleteBlock() {
    // Panels: {A, B} × 3 (S1–S3), {A, B, C} (S4), {B, C} (S5). The most common is {A, B}; S4 has it too.
    // Block A/B: (1, 2) (3, 4) (5, 7) (7, 7); row means 1.5 3.5 6 7, column means 4 5, grand mean 4.5.
    // SSR = 2(9 + 1 + 2.25 + 6.25) = 37, BMS = 37/3; SSC = 4(0.25 + 0.25) = 2, JMS = 2; SST = 40, SSE = 1,
    // EMS = 1/3. ICC(2,1) = 12 / (37/3 + 1/3 + 2(5/3)/4) = 12 / (81/6) = 8/9;
    // ICC(2,k) = 12 / (37/3 + (5/3)/4) = 12 / (153/12) = 16/17.
    let matrix = RatingMatrix(
      subjects: ["S1", "S2", "S3", "S4", "S5"], raters: ["A", "B", "C"],
      ratings: [[1, 2, nil], [3, 4, nil], [5, 7, nil], [7, 7, 1], [nil, 3, 9]])
    let block = matrix.completeBlock().matrix
    #expect(block.subjects == ["S1", "S2", "S3", "S4"])
    #expect(block.raters == ["A", "B"])
    let icc = matrix.twoWayICC()
    #expect(icc.single.isClose(to: 8.0 / 9.0))
    #expect(icc.average.isClose(to: 16.0 / 17.0))
    #expect(icc.subjects == 4)
    #expect(icc.ratings == 8)
  }

  @Test("with two subjects only, no complete block has the 3 subjects the two-way model needs")
  func completeBlockNeedsThreeSubjects() {
    let matrix = RatingMatrix(
      subjects: ["S1", "S2"], raters: ["A", "B", "C"], ratings: [[1, 2, 3], [4, 5, nil]])
    #expect(matrix.completeBlock().matrix.subjects.isEmpty)
    #expect(matrix.twoWayICC().single.reason?.contains("fewer than 3 subjects") == true)
  }

  // MARK: - Degenerate data

  @Test("with one rater, the ICCs and alpha are not defined")
  func oneRater() {
    let matrix = RatingMatrix(subjects: ["S1", "S2", "S3"], raters: ["A"], ratings: [[1], [5], [9]])
    let values = [
      matrix.oneWayICC().single, matrix.oneWayICC().average, matrix.twoWayICC().single,
      matrix.twoWayICC().average, matrix.krippendorffAlpha(),
    ]
    for value in values {
      #expect(value.reason?.contains("fewer than 2 raters") == true)
    }
  }

  @Test("identical ratings leave every statistic not defined for lack of variance, never NaN")
  func noVariance() {
    let matrix = RatingMatrix(
      subjects: ["S1", "S2", "S3"], raters: ["A", "B"], ratings: [[0.1, 0.1], [0.1, 0.1], [0.1, 0.1]])
    let values = [
      matrix.oneWayICC().single, matrix.oneWayICC().average, matrix.twoWayICC().single,
      matrix.twoWayICC().average, matrix.krippendorffAlpha(),
    ]
    for value in values {
      #expect(value.number == nil)
      #expect(value.reason?.contains("no variance") == true)
    }
  }

  @Test("fewer than 2 subjects leave the ICCs not defined")
  func oneSubject() {
    let matrix = RatingMatrix(subjects: ["S1"], raters: ["A", "B"], ratings: [[3, 5]])
    #expect(matrix.oneWayICC().single.reason?.contains("fewer than 2 subjects") == true)
    #expect(matrix.twoWayICC().single.reason?.contains("fewer than 3 subjects") == true)
  }

  @Test("a NaN or infinite cell counts as missing")
  func nonFiniteCells() {
    let matrix = RatingMatrix(
      subjects: ["S1", "S2"], raters: ["A", "B"], ratings: [[1, .nan], [.infinity, 2]])
    #expect(matrix.ratingCount == 2)
    #expect(matrix.krippendorffAlpha().reason?.contains("no subject has 2 or more ratings") == true)
  }

  // MARK: - Leniency

  @Test("a rater above the others on the same subjects is lenient, one below is harsh")
  func raterDeviation() {
    // S1: A 8, B 6, C 4 → A 8 − 5 = +3, B 6 − 6 = 0, C 4 − 7 = −3.
    // S2: A 9, B 7     → A +2, B −2.
    // S3: B 5, C 5     → B 0, C 0.
    // A: (3 + 2)/2 = 2.5 over 2; B: (0 − 2 + 0)/3 = −2/3 over 3; C: (−3 + 0)/2 = −1.5 over 2.
    let matrix = RatingMatrix(
      subjects: ["S1", "S2", "S3"], raters: ["A", "B", "C"],
      ratings: [[8, 6, 4], [9, 7, nil], [nil, 5, 5]])
    let deviations = matrix.raterDeviations()
    #expect(deviations.map(\.rater) == ["A", "B", "C"])
    #expect(deviations[0].meanDeviation.isClose(to: 2.5))
    #expect(deviations[1].meanDeviation.isClose(to: -2.0 / 3.0))
    #expect(deviations[2].meanDeviation.isClose(to: -1.5))
    #expect(deviations.map(\.ratings) == [2, 3, 2])
  }

  @Test("a rater who shares no subject with another rater has no deviation")
  func loneRater() {
    let matrix = RatingMatrix(
      subjects: ["S1", "S2"], raters: ["A", "B", "D"], ratings: [[8, 6, nil], [nil, nil, 7]])
    let lone = matrix.raterDeviations()[2]
    #expect(lone.rater == "D")
    #expect(lone.meanDeviation.number == nil)
    #expect(lone.ratings == 0)
  }

  // MARK: - From scorecards

  /// C1 (10 points) and C2 (10 points, optional).
  static let twoCriteria = Rubric.make([.judgement("C1", points: 10), .judgement("C2", points: 10).optional()])

  /// Points of each criterion, by reviewer.
  static func review(_ reviewer: String, of unit: String, _ points: [String: Double]) -> Review {
    .by(
      reviewer, of: unit,
      scores: points.sorted { $0.key < $1.key }.map { ScoreChange(criterion: $0.key, points: $0.value) })
  }

  /// U1: both criteria apply; U2: C2 not applicable, only E1 reviewed; U3: no reviews.
  static let mixedScorecards = [
    twoCriteria.score(
      .make(unit: "U1"),
      reviews: [review("E2", of: "U1", ["C1": 6, "C2": 4]), review("E1", of: "U1", ["C1": 8, "C2": 2])]),
    twoCriteria.score(
      .make(unit: "U2", [.notApplicable("C2")]), reviews: [review("E1", of: "U2", ["C1": 5, "C2": 9])]),
    twoCriteria.score(.make(unit: "U3")),
  ]

  @Test("totals sum each reviewer's points over the applicable criteria; unreviewed units are left out")
  func totalsFromScorecards() {
    // U1: E1 8 + 2 = 10, E2 6 + 4 = 10. U2: E1 5 (C2 not applicable). U3 has no reviews.
    let matrix = RatingMatrix.from(Self.mixedScorecards, criterion: nil)
    #expect(matrix.subjects == ["U1", "U2"])
    #expect(matrix.raters == ["E1", "E2"])
    #expect(matrix.ratings == [[10, 10], [5, nil]])
  }

  @Test("one criterion's matrix leaves out the units where it is not applicable")
  func criterionFromScorecards() {
    let matrix = RatingMatrix.from(Self.mixedScorecards, criterion: 1)
    #expect(matrix.subjects == ["U1"])
    #expect(matrix.ratings == [[2, 4]])
  }

  @Test("raters are sorted by their UTF-8 bytes")
  func raterOrder() {
    let rubric = Rubric.make([.judgement("C1", points: 10)])
    let reviewers = ["专家2", "e1", "E2", "E10"]
    let card = rubric.score(.make(unit: "U1"), reviews: reviewers.map { Self.review($0, of: "U1", ["C1": 5]) })
    #expect(RatingMatrix.from([card], criterion: nil).raters == ["E10", "E2", "e1", "专家2"])
  }

  // MARK: - Report

  @Test("a range of exactly 30% of the full points needs no consensus; a wider one does")
  func consensusRange() {
    // C1 has 3 points: the limit is 0.9. U1: 2.1 − 1.2 = 0.9 (a hair above in binary) → not flagged.
    // U2: 2.2 − 1.2 = 1.0 → flagged.
    let rubric = Rubric.make([.judgement("C1", points: 3)])
    let cards = [("U1", 2.1), ("U2", 2.2)].map { unit, high in
      rubric.score(
        .make(unit: unit),
        reviews: [Self.review("E1", of: unit, ["C1": high]), Self.review("E2", of: unit, ["C1": 1.2])])
    }
    let spread = PanelReliability.report(cards, rubric: rubric).criteria[0]
    #expect(spread.limit.isClose(to: 0.9))
    #expect(spread.subjects.map(\.needsConsensus) == [false, true])
    #expect(spread.needingConsensus.map(\.subject) == ["U2"])
  }

  @Test("the headline is two-way when the same raters rated every subject")
  func twoWayHeadline() {
    let rubric = Rubric.make([.judgement("C1", points: 10)])
    let cards = [("U1", 8.0, 7.0), ("U2", 4.0, 5.0), ("U3", 9.0, 9.0)].map { unit, first, second in
      rubric.score(
        .make(unit: unit),
        reviews: [Self.review("E1", of: unit, ["C1": first]), Self.review("E2", of: unit, ["C1": second])])
    }
    let report = PanelReliability.report(cards, rubric: rubric)
    #expect(report.headline == .twoWay)
    #expect(report.headlineReason.contains("same 2 rater"))
    #expect((report.subjects, report.raters, report.ratings) == (3, 2, 6))
  }

  @Test("one reviewer for the whole round: the headline says no ICC is defined and why, not 'same 1 rater(s)'")
  func oneReviewerHeadline() {
    let rubric = Rubric.make([.judgement("C1", points: 10)])
    let cards = [("U1", 8.0), ("U2", 4.0), ("U3", 9.0)].map { unit, points in
      rubric.score(.make(unit: unit), reviews: [Self.review("E1", of: unit, ["C1": points])])
    }
    let report = PanelReliability.report(cards, rubric: rubric)
    #expect(!report.headlineReason.contains("same 1 rater"))
    #expect(report.headlineReason.contains("only 1 reviewer"))
    #expect(report.headlineICC.single.number == nil)
    #expect(report.alpha.number == nil)
  }

  @Test("the headline is one-way when panels differ between subjects")
  func oneWayHeadline() {
    let report = PanelReliability.report(Self.mixedScorecards, rubric: Self.twoCriteria)
    #expect(report.headline == .oneWay)
    #expect(report.headlineReason.contains("panels differ"))
    #expect(report.headlineICC == report.oneWay)
  }
}

extension ReliabilityValue {
  /// A defined value within `tolerance` of `expected`.
  fileprivate func isClose(to expected: Double, tolerance: Double = 1e-9) -> Bool {
    number.map { abs($0 - expected) <= tolerance } ?? false
  }
}
