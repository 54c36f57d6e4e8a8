extension ReportStrings {
  /// The labels of intervals, caveats and undefined figures (panel, exemplars, trends), zh and en.
  static let uncertaintyTable: [String: (zh: String, en: String)] = [
    "uq.grade.excellent": ("优秀", "excellent"),
    "uq.grade.good": ("良好", "good"),
    "uq.grade.moderate": ("一般", "moderate"),
    "uq.grade.poor": ("较差", "poor"),
    "uq.panelLine": (
      "专家评分一致性：{1}（{2} {3}，{4}% 区间 {5}–{6}，{7}）", "Agreement between experts: {1} ({2} {3}, {4}% interval {5}–{6}, {7})"
    ),
    "uq.panelLineNoInterval": ("专家评分一致性：{1}（{2} {3}，{4}）", "Agreement between experts: {1} ({2} {3}, {4})"),
    "uq.panelNotDefined": ("专家评分一致性：无法计算（{1}）", "Agreement between experts: not defined ({1})"),
    "uq.block": ("{1} 个单位 × {2} 位专家", "{1} units × {2} experts"),
    "uq.oneWayBasis": ("{1} 个单位，{2} 位专家，平均每个单位 {3} 位（k₀）", "{1} units, {2} experts, {3} per unit (k₀)"),
    "uq.alphaBasis": ("{1} 个单位，{2} 位专家，{3} 份评分", "{1} units, {2} experts, {3} ratings"),
    "uq.wide": ("；区间下限 {1} 只达“{2}”，结论尚不稳固", "; the interval's lower end {1} is only {2}, so the grade is not firm"),
    "uq.gradeNote": (
      "一致性衡量专家平均分的可靠程度。分级：≥0.90 优秀，0.75–0.90 良好，0.50–0.75 一般，<0.50 较差（Koo & Li 2016）。区间越窄越可信；单位和专家越少，区间越宽。",
      "Agreement measures how reliable the experts' mean score is. Grades: ≥ 0.90 excellent, 0.75–0.90 good, 0.50–0.75 moderate, < 0.50 poor (Koo & Li 2016). A narrower interval is surer; fewer units or experts widen it."
    ),
    "uq.search.exact": ("评分最多的完整评审块，穷举搜索", "the complete block with the most ratings (exact search)"),
    "uq.search.greedy": (
      "评分最多的完整评审块（贪心搜索，未必最大）", "the complete block with the most ratings (greedy search, may not be the largest)"
    ),
    "uq.statistic": ("指标", "Statistic"),
    "uq.value": ("数值", "Value"),
    "uq.intervalHeader": ("{1}% 区间", "{1}% interval"),
    "uq.basis": ("依据", "Based on"),
    "uq.noInterval": ("—", "—"),
    "uq.leniency": ("专家宽严程度", "Expert leniency"),
    "uq.leniencyDesc": (
      "与同一单位其他专家评分的平均差：正为偏宽，负为偏严；n 为与其他专家共同评审的单位数，n 越小越不可靠。",
      "Mean difference from the other experts on the same units: + lenient, − harsh; n is the units shared with another expert (a small n is unreliable)."
    ),
    "uq.expert": ("专家", "Expert"),
    "uq.meanDeviation": ("平均偏差", "Mean deviation"),
    "uq.dea": (
      "DEA 区分度：{1} 个未被否决的单位中有 {2} 个位于前沿（{3}%）；比例越高，DEA 越难区分单位。被否决的单位不作为学习对象。",
      "DEA discrimination: {2} of the {1} units that are not vetoed are on the frontier ({3}%); the higher the share, the less DEA tells units apart. Vetoed units are never peers."
    ),
    "uq.deaNotDefined": ("DEA 区分度：无法计算（{1}）", "DEA discrimination: not defined ({1})"),
    "uq.topTier": ("权重扰动下保持示范的概率 {1}%（标准误 ±{2}，{3}）", "top tier in {1}% of draws (SE ± {2}, {3})"),
    "uq.verdict.robust": ("稳健", "robust"),
    "uq.verdict.borderline": ("临界：换随机种子或增加抽样可能改变结论", "borderline: another seed or more draws could tip it"),
    "uq.verdict.not-robust": ("不稳健", "not robust"),
    "uq.borderline": ("临界", "borderline"),
    "uq.sigmaNotDefined": ("无法判断差距的变化：{1}。", "No verdict on the gap: {1}."),
    "uq.betaNotDefined": ("无法估计 {1} → {2} 的追赶速度：{3}（{4} 个单位）。", "No estimate for {1} → {2}: {3} ({4} units)."),
    "uq.betaCaveat": (
      "注意回归均值：即使没有任何真实变化，评分误差也会让起点低的单位显得追赶更快，使 β 偏负。{1} 核定得分的信度 r = {2}（专家总分的 ICC(1,k₀)，{3} 个单位，k₀ = {4}），仅误差就会产生每轮 {5} 的斜率；扣除后的斜率为 {6}（{7}% 区间 {8} 至 {9}，按单位重抽样 {10} 次）。专家评审以单位自评材料为起点，r 可能偏高，因此这一扣除只是误差影响的下限。",
      "Regression to the mean: even with no real change, scoring noise makes units that started low look as if they caught up, pulling β below 0. The reliability of {1}'s verified scores is r = {2} (ICC(1,k₀) of the experts' totals, {3} units, k₀ = {4}), so noise alone gives a slope of {5} per round; corrected for it the slope is {6} ({7}% interval {8} to {9}, units resampled {10} times). Experts start from the unit's own answers, so r may be too high and this correction is a lower bound of the noise effect."
    ),
    "uq.betaCaveatNoR": (
      "注意回归均值：即使没有任何真实变化，评分误差也会让起点低的单位显得追赶更快，使 β 偏负。无法扣除这一影响：{1}。",
      "Regression to the mean: even with no real change, scoring noise makes units that started low look as if they caught up, pulling β below 0. It cannot be corrected for here: {1}."
    ),
    "uq.corrected": ("扣除回归均值后", "Corrected"),
    "uq.partnerInterval": (
      "{1}% 区间 {2} 至 {3}（单位在可比组内重抽样 {4} 次）。",
      "{1}% interval {2} to {3} (units resampled within comparable groups {4} times)."
    ),
    "uq.singletonStrata": (
      "{2} 个可比组中有 {1} 个只有 1 个有结对或无结对单位，重抽样无法体现其波动，实际不确定性大于此区间。",
      " In {1} of the {2} comparable groups one side is a single unit, which resampling cannot vary: the real uncertainty is larger than this interval."
    ),
    "uq.nobody": ("无单位", "no units"),
  ]

  /// Chinese renderings of the reasons the statistics give (English in the core); others pass through.
  static let reasonTable: [String: String] = [
    "fewer than 2 raters have ratings": "有评分的专家少于 2 位",
    "fewer than 2 subjects have ratings": "有评分的单位少于 2 个",
    "fewer than 2 subjects have 2 or more ratings": "获 2 份及以上评分的单位少于 2 个",
    "no subject has 2 or more ratings": "没有单位获得 2 份及以上评分",
    "fewer than 3 subjects were rated by one common panel of 2 or more raters": "同一组（至少 2 位）专家共同评审的单位少于 3 个",
    "all ratings are identical (no variance)": "所有评分完全相同（没有差异）",
    "the between-subject mean square is too small (zero or negative denominator)": "单位之间的差异太小",
    "the rater shares no subject with another rater": "该专家没有与其他专家共同评审的单位",
    "fewer than 3 units were scored in both rounds": "两轮都参评的单位少于 3 个",
    "every unit had the same earlier score, so there is no spread to regress on": "起点得分全部相同，无从比较",
    "fewer than two rounds are compared": "不足两轮",
    "every unit had the same score in every round, so there is no gap to narrow": "每轮所有单位得分都相同，不存在差距",
    "the earlier round had no reviews, so the reliability of its scores is unknown": "起始轮没有专家评审，得分的信度未知",
    "the earlier round was recorded before reviewers' totals were kept; record it again with --replace":
      "起始轮记录于保存专家总分之前，请用 --replace 重新记录",
    "the earlier round's reliability is not positive, so nothing of the slope is signal": "起始轮信度不为正，斜率中没有可识别的真实变化",
    "no group of comparable units holds both units with and without partners": "没有同时包含有结对和无结对单位的可比组",
    "no unit in the group": "组内没有单位",
    "no unit that is not vetoed": "没有未被否决的单位",
  ]

  /// A statistic's reason for being undefined, in the report's language.
  func reason(_ english: String) -> String {
    guard language == .zh else { return english }
    if english.hasPrefix("the slope is not defined: ") {
      return "斜率无法估计：" + reason(String(english.dropFirst("the slope is not defined: ".count)))
    }
    return Self.reasonTable[english] ?? english
  }
}
