import PilotEvalCore
import Testing

/// ICC confidence intervals, the complete block of the two-way model, and the panel's undefined cases.
///
/// Reference intervals come from Fixtures/icc_intervals.py (scipy 1.14.1, pingouin 0.6.1), which writes
/// McGraw & Wong's formulas out independently; its output is kept in Fixtures/icc_intervals.txt.
@Suite("Panel intervals and blocks")
struct PanelIntervalTests {
  static let panel = RatingMatrix(
    subjects: (1...8).map { "U\($0)" }, raters: ["A", "B"],
    ratings: [[61, 64], [72, 70], [55, 59], [80, 83], [67, 62], [74, 78], [58, 57], [69, 73]])

  private func close(
    _ interval: ConfidenceInterval?, _ lower: Double, _ upper: Double, _ tolerance: Double = 1e-9
  )
    -> Bool
  {
    guard let interval else { return false }
    return abs(interval.lower - lower) <= tolerance && abs(interval.upper - upper) <= tolerance
      && interval.level == 0.95
  }

  @Test("Shrout & Fleiss Table 2: one-way and two-way intervals match scipy to 1e-9")
  func shroutFleiss() {
    let oneWay = PanelReliabilityTests.shroutFleiss.oneWayICC()
    #expect(close(oneWay.singleInterval, -0.13293232487475098, 0.7225600623281211))
    #expect(close(oneWay.averageInterval, -0.8844421552381201, 0.9124154203407755))
    let twoWay = PanelReliabilityTests.shroutFleiss.twoWayICC()
    #expect(close(twoWay.singleInterval, 0.018786513374712016, 0.761084369648953))
    #expect(close(twoWay.averageInterval, 0.07113681530250338, 0.9272320401677221))
    #expect(twoWay.blockSearch == .exact)
  }

  @Test("eight units × two experts: intervals match scipy; the point estimate lies inside")
  func twoExperts() {
    let twoWay = Self.panel.twoWayICC()
    #expect(twoWay.single.number.map { abs($0 - 0.9247311827956988) < 1e-12 } == true)
    #expect(close(twoWay.singleInterval, 0.6993085522122109, 0.9841596620437545))
    #expect(close(twoWay.averageInterval, 0.823050706479209, 0.9920166011539971))
    let oneWay = Self.panel.oneWayICC()
    #expect(close(oneWay.singleInterval, 0.699039251792959, 0.9841589148128477))
    #expect(close(oneWay.averageInterval, 0.8228641581473508, 0.9920162215491461))
    #expect(oneWay.singleInterval?.contains(oneWay.single.number ?? -9) == true)
  }

  @Test("unequal panels: the one-way interval uses k0 = 2.136…, as in the scipy fixture")
  func unbalanced() {
    let groups: [[Double]] = [[2, 4], [6, 8, 10], [5], [7, 9], [3, 3, 4]]
    let matrix = RatingMatrix(
      subjects: groups.indices.map { "S\($0)" }, raters: ["A", "B", "C"],
      ratings: groups.map { group in (0..<3).map { $0 < group.count ? group[$0] : nil } })
    let icc = matrix.oneWayICC()
    #expect(abs(icc.ratersPerSubject - 2.1363636363636362) < 1e-12)
    #expect(icc.single.number.map { abs($0 - 0.7333532397730665) < 1e-12 } == true)
    #expect(close(icc.singleInterval, 0.04647654471393278, 0.9668129326172876))
    #expect(close(icc.averageInterval, 0.094309893284101, 0.9841864767237696))
  }

  @Test("a 95% interval is wider than a 50% one and both hold the estimate")
  func levels() {
    let wide = Self.panel.twoWayICC(level: 0.95).singleInterval
    let narrow = Self.panel.twoWayICC(level: 0.5).singleInterval
    #expect(wide != nil && narrow != nil)
    if let wide, let narrow {
      #expect(wide.lower < narrow.lower && narrow.upper < wide.upper)
    }
  }

  @Test("an undefined ICC has no interval")
  func undefinedHasNoInterval() {
    let matrix = RatingMatrix(subjects: ["S1", "S2", "S3"], raters: ["A"], ratings: [[1], [5], [9]])
    #expect(matrix.oneWayICC().singleInterval == nil)
    #expect(matrix.twoWayICC().averageInterval == nil)
  }

  // MARK: - The complete block

  @Test("the block with the most ratings wins over the most common panel: 13 × 2 beats 4 × 5")
  func mostRatings() {
    // 4 units rated by A–E; 3 each by ABC, ABD, ABE. The most common panel is ABCDE (4 × 5 = 20 ratings);
    // A and B rated all 13 units (26 ratings); ABC rated 7 (21).
    let raters = ["A", "B", "C", "D", "E"]
    let panels =
      Array(repeating: "ABCDE", count: 4) + Array(repeating: "ABC", count: 3)
      + Array(repeating: "ABD", count: 3) + Array(repeating: "ABE", count: 3)
    let matrix = RatingMatrix(
      subjects: panels.indices.map { "U\($0)" }, raters: raters,
      ratings: panels.enumerated().map { index, panel in
        raters.map { panel.contains($0) ? Double(50 + index * 3 + panel.count) : nil }
      })
    let block = matrix.completeBlock()
    #expect(block.search == .exact)
    #expect(block.matrix.raters == ["A", "B"])
    #expect(block.matrix.subjects.count == 13)
    #expect(matrix.twoWayICC().ratings == 26)
  }

  @Test("the exact search finds the largest block that brute force over every rater subset finds")
  func exactMatchesBruteForce() {
    var state: UInt64 = 12345
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
    for _ in 0..<40 {
      let raterCount = 2 + Int(next() % 6)
      let subjectCount = 3 + Int(next() % 12)
      let ratings: [[Double?]] = (0..<subjectCount).map { _ in
        (0..<raterCount).map { _ in next() % 3 == 0 ? nil : Double(next() % 10) }
      }
      let matrix = RatingMatrix(
        subjects: (0..<subjectCount).map { "S\($0)" }, raters: (0..<raterCount).map { "R\($0)" }, ratings: ratings)
      var best = 0
      for mask in 1..<(1 << raterCount) where mask.nonzeroBitCount >= 2 {
        let members = ratings.filter { row in (0..<raterCount).allSatisfy { mask & (1 << $0) == 0 || row[$0] != nil } }
        if members.count >= 3 { best = max(best, members.count * mask.nonzeroBitCount) }
      }
      let block = matrix.completeBlock().matrix
      #expect(block.subjects.count * block.raters.count == best)
    }
  }

  @Test("above 20 raters the search is greedy and says so; it still finds a full panel's block")
  func greedyAboveTwentyRaters() {
    let raters = (1...22).map { "R\($0)" }
    let matrix = RatingMatrix(
      subjects: (1...4).map { "U\($0)" }, raters: raters,
      ratings: (1...4).map { unit in raters.indices.map { Double(unit * 10 + $0 % 3) } })
    let block = matrix.completeBlock()
    #expect(block.search == .greedy)
    #expect(block.matrix.raters.count == 22)
    #expect(matrix.twoWayICC().blockSearch == .greedy)
  }

  @Test("crafted panels (every 19 of 20 raters) would make 2²⁰ candidate sets: the search turns greedy, fast")
  func craftedPanelsAreBounded() {
    let raters = (0..<20).map { "R\($0)" }
    // Subject s is rated by every rater but s % 20: 40 subjects, 20 distinct panels of 19.
    let matrix = RatingMatrix(
      subjects: (0..<40).map { "S\($0)" }, raters: raters,
      ratings: (0..<40).map { subject in raters.indices.map { $0 == subject % 20 ? nil : Double(subject % 7 + $0 % 3) }
      })
    let clock = ContinuousClock()
    let started = clock.now
    let block = matrix.completeBlock()
    #expect(clock.now - started < .seconds(20))
    #expect(block.search == .greedy)
    // Any 19 raters share the 2 subjects missing none of them, so the best block drops raters until it
    // gains subjects; whatever it is, it is complete and has at least 2 raters and 3 subjects.
    #expect(block.matrix.raters.count >= 2 && block.matrix.subjects.count >= 3)
    #expect(block.matrix.ratings.allSatisfy { $0.allSatisfy { $0 != nil } })
  }

  // MARK: - Not defined, and why

  @Test("alpha for a single rated subject is not defined (was 0.00), as ICC already said")
  func alphaOneSubject() {
    let matrix = RatingMatrix(subjects: ["S1"], raters: ["A", "B"], ratings: [[3, 5]])
    #expect(matrix.krippendorffAlpha().number == nil)
    #expect(matrix.krippendorffAlpha().reason?.contains("fewer than 2 subjects") == true)
  }
}
