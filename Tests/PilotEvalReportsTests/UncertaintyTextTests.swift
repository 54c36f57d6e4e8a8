import Testing

@testable import PilotEvalCore
@testable import PilotEvalReports

/// The plain-language sentences that carry intervals and caveats, in Chinese and English.
@Suite("Uncertainty text")
struct UncertaintyTextTests {
  /// Eight units × two experts (the scipy fixture of PanelIntervalTests): ICC(2,k) 0.961, 95% 0.823–0.992.
  static let matrix = RatingMatrix(
    subjects: (1...8).map { "U\($0)" }, raters: ["A", "B"],
    ratings: [[61, 64], [72, 70], [55, 59], [80, 83], [67, 62], [74, 78], [58, 57], [69, 73]])

  static func panel(_ matrix: RatingMatrix = matrix) -> PanelReport {
    PanelReport(
      headline: .twoWay, headlineReason: "", oneWay: matrix.oneWayICC(), twoWay: matrix.twoWayICC(),
      alpha: matrix.krippendorffAlpha(), subjects: matrix.subjects.count, raters: matrix.raters.count,
      ratings: matrix.ratingCount, rangeThreshold: 0.3, criteria: [], raterDeviations: matrix.raterDeviations())
  }

  @Test("the leader's sentence: grade, ICC, 95% interval, units × experts; a lower end in a lower grade is said")
  func agreementSentence() {
    let zh = Self.panel().agreementSentence(ReportStrings(language: .zh))
    #expect(zh == "专家评分一致性：优秀（ICC(2,k) 0.96，95% 区间 0.82–0.99，8 个单位 × 2 位专家；区间下限 0.82 只达“良好”，结论尚不稳固）")
    let en = Self.panel().agreementSentence(ReportStrings(language: .en))
    #expect(
      en.hasPrefix("Agreement between experts: excellent (ICC(2,k) 0.96, 95% interval 0.82–0.99, 8 units × 2 experts"))
  }

  @Test("one expert: the sentence says not defined and why, in Chinese")
  func oneExpert() {
    let single = RatingMatrix(subjects: ["U1", "U2", "U3"], raters: ["A"], ratings: [[1], [5], [9]])
    let zh = Self.panel(single).agreementSentence(ReportStrings(language: .zh))
    #expect(zh == "专家评分一致性：无法计算（有评分的专家少于 2 位）")
  }

  @Test("the design is explained from the string table, in Chinese or in English")
  func design() {
    var panel = Self.panel()
    panel.panelCount = 1
    #expect(
      panel.designSentence(ReportStrings(language: .zh)) == "所有单位由同一组 2 位专家评审：采用双向随机模型（绝对一致性），基于全部 8 个单位。")
    panel.headlineReason = "the core's English reason"
    #expect(
      panel.designSentence(ReportStrings(language: .en))
        == "The same 2 experts rated every unit: two-way random model (absolute agreement) on all 8 units.")
    panel.panelCount = 3
    #expect(panel.designSentence(ReportStrings(language: .zh)).contains("双向模型仅基于由 A、B 共同评审的 8 个单位（评分最多的完整评审块，穷举搜索）"))
  }

  @Test("every ICC row carries its interval and basis; one-way rows show k₀; leniency rows carry n")
  func rows() {
    let rows = Self.panel().statisticRows(ReportStrings(language: .zh))
    #expect(rows.map { $0[0] } == ["ICC(1,1)", "ICC(1,k)", "ICC(2,1)", "ICC(2,k)", "Krippendorff α"])
    #expect(rows[3][2] == "0.82–0.99")
    #expect(rows[1][3].contains("k₀"))
    let leniency = Self.panel().leniencyRows(ReportStrings(language: .en))
    #expect(leniency.map { $0[2] } == ["8", "8"])
  }

  @Test("the trends page shows the regression-to-the-mean caveat, and says why it cannot correct without reviews")
  func trendsCaveat() throws {
    let (result, analysis) = TrendSample.currentRound()
    let site = ReportSite(result: result, analysis: analysis, language: .zh, trend: TrendSample.threeRounds())
    let page = try #require(site.pages().first { $0.path == "trends.html" }?.text)
    #expect(page.contains("注意回归均值"))
    #expect(page.contains("无法扣除这一影响"))
    let table = TrendSample.threeRounds().table(in: .en)
    #expect(table.contains("Regression to the mean"))
  }

  @Test("equal earlier scores: the table and trends.html say why β is not defined, with no giant interval")
  func equalScoresOnPages() throws {
    let rubric = RubricShape(
      id: "r", version: "1", title: "r", total: 100, tiers: [.init(id: "pass", name: "合格", min: 0)],
      sections: [], criteria: [])
    let units = (1...6).map { UnitSnapshot(id: "u\($0)", score: 37.959_574_468_085_11, tier: "pass") }
    let later = (1...6).map { UnitSnapshot(id: "u\($0)", score: 40 + Double($0), tier: "pass") }
    let trend = TrendReport([
      RoundSnapshot(round: "R1", rubric: rubric, units: units),
      RoundSnapshot(round: "R2", rubric: rubric, units: later),
    ])
    let table = trend.table(in: .en)
    #expect(table.contains("every unit had the same earlier score"))
    #expect(!table.contains("e+"))
    let (result, analysis) = TrendSample.currentRound()
    let site = ReportSite(result: result, analysis: analysis, language: .zh, trend: trend)
    let page = try #require(site.pages().first { $0.path == "trends.html" }?.text)
    #expect(page.contains("起点得分全部相同"))
    #expect(!page.contains("000000000"))
  }
}
