import PilotEvalCore
import PilotEvalReports
import Testing

/// The first screen of index.html on a small hand-built round, with and without history.
@Suite("leadership report: the first screen")
struct AnswersTests {
  func index(trend: TrendReport? = TrendSample.threeRounds(), language: ReportLanguage = .zh) throws -> String {
    let (result, analysis) = TrendSample.currentRound()
    let site = ReportSite(result: result, analysis: analysis, language: language, trend: trend)
    return try #require(site.pages().first { $0.path == "index.html" }?.text)
  }

  /// The HTML of the answers section.
  func answers(_ html: String) throws -> String {
    let start = try #require(html.range(of: "<section class=\"answers\""))
    let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
    return String(html[start.lowerBound..<end.upperBound])
  }

  @Test("with history, the gap question gives the σ verdict and β with its interval, linking the trends page")
  func gapWithHistory() throws {
    let section = try answers(try index())
    #expect(section.contains("<p class=\"verdict sigma\">差距在缩小：变异系数每一轮都下降，从 0.170 降到 0.096。</p>"))
    #expect(section.contains("<p class=\"verdict beta\">后进单位追赶更快"))
    #expect(section.contains("95% 置信区间 [-0.600, -0.100]"))
    #expect(section.contains("<a href=\"trends.html\">"))
  }

  @Test("the first screen's verdicts are the only .verdict on the page (the panel's sentence has its own class)")
  func verdictsOnlyOnFirstScreen() throws {
    let html = try index()
    let section = try answers(html)
    let everywhere = html.components(separatedBy: "class=\"verdict").count - 1
    let first = section.components(separatedBy: "class=\"verdict").count - 1
    #expect(first == 2)
    #expect(everywhere == first)
    #expect(html.contains("class=\"panel-verdict\""))
  }

  @Test("without history, the gap question says there is no verdict yet")
  func gapWithoutHistory() throws {
    let section = try answers(try index(trend: nil))
    #expect(section.contains("只有本轮数据，尚不能判断差距是否缩小"))
    #expect(!section.contains("verdict"))
  }

  @Test("names the exemplars, escaped, says when no unit lags and when the panel cannot be measured")
  func exemplarsAndEmptyParts() throws {
    let section = try answers(try index(trend: nil))
    #expect(section.contains(">南宁市机关事务管理局</a>"))
    #expect(section.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(!section.contains("<script>"))
    #expect(section.contains("本轮没有不合格或被一票否决的单位。"))
    #expect(section.contains("无法评估专家评分的一致性"))
    #expect(section.contains("所有提交的文件均已计分，没有拒收。"))
  }

  @Test("in English, every label of the first screen is English")
  func english() throws {
    let section = try answers(try index(language: .en))
    for question in [
      "Who leads, and why", "Who lags, and whom to learn from", "Is the gap closing?", "How sure are we?",
    ] {
      #expect(section.contains(question))
    }
    for chinese in ["谁在领先", "本轮", "差距", "专家", "名次区间", "示范单位"] {
      #expect(!section.contains(chinese), "\(chinese)")
    }
    #expect(section.contains("Laggards caught up"))
  }
}

extension AnswersTests {
  @Test("English sentences are separated by a space, Chinese ones are not")
  func sentenceSpacing() throws {
    let english = try answers(try index(trend: nil, language: .en))
    #expect(!english.contains(".Every") && !english.contains(".Rank"))
    #expect(english.contains(". Every file submitted was scored"))
    let chinese = try answers(try index(trend: nil))
    #expect(chinese.contains("。所有提交的文件均已计分"))
  }
}
