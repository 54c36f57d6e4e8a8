/// The report's language.
public enum ReportLanguage: String, Sendable, CaseIterable {
  /// Chinese (the default).
  case zh
  /// English.
  case en
}

/// Every label the report shows, in one table per language.
struct ReportStrings {
  let language: ReportLanguage

  /// The labels of the round's pages and the trends page; `answers` holds those of the first screen and the
  /// unit pages' explanations.
  private static let table = labels.merging(answers) { first, _ in first }.merging(workbook) { first, _ in first }
    .merging(terminal) { first, _ in first }

  private static let labels: [String: (zh: String, en: String)] = [
    "report": ("评估报告", "Evaluation report"),
    "round": ("评估轮次", "Round"),
    "units": ("参评单位", "Units"),
    "median": ("中位分", "Median score"),
    "exemplars": ("示范单位", "Exemplars"),
    "robust": ("稳健", "Robust"),
    "tiers": ("等级分布", "Tiers"),
    "distribution": ("得分分布", "Score distribution"),
    "distributionDesc": ("各单位核定得分的分布，虚线为等级分数线。", "Verified scores of all units; dashed lines mark tier thresholds."),
    "regions": ("分地区比较", "By region"),
    "regionsDesc": ("每个点为一个单位，竖线为地区中位数。", "Each dot is a unit; the bar is the region's median."),
    "profile": ("分项得分率：示范单位与其他单位", "Section profile: exemplars vs everyone else"),
    "profileDesc": ("各一级指标得分率的中位数。", "Median share of each top-level section's points."),
    "ranking": ("排名", "Ranking"),
    "rank": ("名次", "Rank"),
    "interval": ("名次区间(5–95%)", "Rank 5–95%"),
    "unit": ("单位", "Unit"),
    "name": ("名称", "Name"),
    "region": ("地区", "Region"),
    "level": ("层级", "Level"),
    "score": ("核定得分", "Score"),
    "scoreUnverified": ("自评得分，未经专家核定", "Self score, not verified by experts"),
    "selfScore": ("自评得分", "Self score"),
    "tier": ("等级", "Tier"),
    "whyChosen": ("入选理由", "Why chosen"),
    "nearMisses": ("差一步的单位", "Near misses"),
    "keptOut": ("未入选原因", "What kept it out"),
    "panel": ("专家评审质量", "Expert panels"),
    "selfGap": ("自评与核定差距", "Self-assessment gap"),
    "overstating": ("自评偏高单位", "Overstating units"),
    "sections": ("分项得分", "Sections"),
    "cohortMedian": ("同地区中位数", "Region median"),
    "criteria": ("指标明细", "Criteria"),
    "criterion": ("指标", "Criterion"),
    "points": ("得分", "Points"),
    "max": ("满分", "Max"),
    "lost": ("失分", "Lost"),
    "reason": ("原因", "Reason"),
    "partners": ("结对帮扶对象", "Learning partners"),
    "lessons": ("可学习的指标", "Criteria to learn"),
    "gain": ("可提升", "Gain"),
    "partnerPoints": ("对方得分", "Partner's points"),
    "sectionChart": ("分项得分率：本单位、同地区中位数与结对单位", "Section shares: this unit, its region's median, its partner"),
    "sectionChartDesc": (
      "各一级指标得分占该指标可得分的比例。", "Each top-level section's points as a share of its applicable points."
    ),
    "valueGiven": ("填报数值", "value"),
    "itemsDone": ("完成项数", "items done"),
    "judged": ("评判得分", "judged"),
    "back": ("返回总览", "Back to overview"),
    "missing": ("未作答", "no answer"),
    "insufficientEvidence": ("佐证不足", "insufficient evidence"),
    "notApplicable": ("合理缺项", "not applicable"),
    "levelChosen": ("所选等级", "level chosen"),
    "disagreement": ("专家意见分歧", "experts disagree"),
    "reviewedDown": ("专家核减", "lowered by experts"),
    "noPartners": ("无（本单位为示范单位或已无短板）", "none (an exemplar, or no weaker area)"),
    "vetoed": ("一票否决", "vetoed"),
    "yes": ("是", "yes"),
    "reachedTier": ("达到{1}（≥{2}{3}），无★项为零，无否决", "reached {1} (≥ {2}{3}), no ★ item at zero, no veto"),
    "floorClause": ("，各一级指标≥{1}%", ", every section ≥ {1}%"),
    "reviewCount": ("专家评审 {1} 份", "{1} reviews"),
    "topTierShare": ("权重扰动下保持示范的概率 {1}%", "top tier in {1}% of draws"),
    "separator": ("；", "; "),
    "consensusUnits": ("需协商的单位", "Units needing consensus"),
    "meanGap": ("平均自评−核定", "Mean self − verified"),
    "notDefined": ("无法计算（{1}）", "not defined ({1})"),
    "everyoneElse": ("其他单位", "Everyone else"),
    "htmlLang": ("zh-CN", "en"),
    // Trends across rounds (trends.html, and the verdicts of the terminal table).
    "trends": ("多轮趋势", "Trends across rounds"),
    "roundsCompared": ("比较轮次", "Rounds compared"),
    "basis": ("得分口径", "Basis"),
    "basis.points": ("分值", "points"),
    "basis.percent": ("得分率（%）", "percent of total"),
    "percentNote": (
      "各轮满分不同，本页所有得分、变化与离散指标均按得分率（占该轮满分的百分比）计算。",
      "Totals differ between rounds, so every score, change and dispersion figure on this page is a percent of the round's total."
    ),
    "unitsFollowed": ("跟踪单位", "Units followed"),
    "inEveryRound": ("每轮都参评 {1} 个", "{1} in every round"),
    "sigmaTitle": ("差距是否缩小（σ 收敛）", "Is the gap narrowing? (σ-convergence)"),
    "sigma.converging": (
      "差距在缩小：变异系数每一轮都下降，从 {1} 降到 {2}。",
      "The gap is narrowing: the coefficient of variation fell at every step, from {1} to {2}."
    ),
    "sigma.diverging": (
      "差距在扩大：变异系数每一轮都上升，从 {1} 升到 {2}。",
      "The gap is widening: the coefficient of variation rose at every step, from {1} to {2}."
    ),
    "sigma.mixed": (
      "差距没有一致的变化：变异系数有升有降或没有变化，从 {1} 到 {2}。",
      "No steady change in the gap: the coefficient of variation moved both ways or not at all, from {1} to {2}."
    ),
    "sigma.notDefined": ("不足两轮，无法判断差距的变化。", "Fewer than two rounds: no verdict on the gap."),
    "betaTitle": ("后进单位是否追赶更快（β 收敛）", "Did laggards catch up? (β-convergence)"),
    "beta.converging": (
      "后进单位追赶更快：起点越低，每轮提高越多（{1} → {2}，斜率 β = {3}，{4}% 置信区间 [{5}, {6}] 全部小于 0，{7} 个单位）。",
      "Laggards caught up: the lower a unit started, the more it gained per round ({1} → {2}, slope β = {3}, {4}% CI [{5}, {6}] entirely below 0, {7} units)."
    ),
    "beta.diverging": (
      "领先单位进步更快，差距在拉大：起点越高，每轮提高越多（{1} → {2}，斜率 β = {3}，{4}% 置信区间 [{5}, {6}] 全部大于 0，{7} 个单位）。",
      "Leaders pulled ahead: the higher a unit started, the more it gained per round ({1} → {2}, slope β = {3}, {4}% CI [{5}, {6}] entirely above 0, {7} units)."
    ),
    "beta.inconclusive": (
      "尚不能判断后进单位是否追赶更快：{1} → {2} 的斜率 β = {3}，{4}% 置信区间 [{5}, {6}] 包含 0（{7} 个单位）。",
      "Inconclusive: from {1} to {2} the slope β = {3}, and its {4}% CI [{5}, {6}] contains 0 ({7} units)."
    ),
    "beta.notDefined": (
      "无法估计 {1} → {2} 的追赶速度：两轮都参评的单位少于 3 个，或起点得分全部相同（{7} 个单位）。",
      "No estimate for {1} → {2}: fewer than three units were scored in both rounds, or all started at the same score ({7} units)."
    ),
    "noBeta": ("不足两轮，无法估计追赶速度。", "Fewer than two rounds: no estimate of catching up."),
    "boxTitle": ("各轮得分分布", "Scores in each round"),
    "boxDesc": (
      "箱体为中间一半单位的得分范围，粗线为中位数，须线延伸到 1.5 倍四分位距以内最远的单位，空心圆为离群单位。",
      "Each box spans the middle half of the units, the thick line is the median, whiskers reach the farthest unit within 1.5 interquartile ranges, and hollow dots are outliers."
    ),
    "dispersionTitle": ("离散程度变化", "Dispersion over rounds"),
    "dispersionDesc": (
      "变异系数（标准差除以平均分）与基尼系数；数值越低，单位之间的差距越小。",
      "Coefficient of variation (standard deviation over the mean) and Gini coefficient; lower means a smaller gap between units."
    ),
    "theilTitle": ("泰尔指数分解：地区之间与地区内部", "Theil index: between and within regions"),
    "theilDesc": (
      "泰尔指数等于地区之间与地区内部两部分之和；哪一部分大，差距主要就在哪里。",
      "The Theil index is the sum of a between-region and a within-region part; the larger part says where the gap mainly lies."
    ),
    "cv": ("变异系数", "Coefficient of variation"),
    "gini": ("基尼系数", "Gini"),
    "theil": ("泰尔指数", "Theil"),
    "theilBetween": ("泰尔指数·地区间", "Theil between regions"),
    "theilWithin": ("泰尔指数·地区内", "Theil within regions"),
    "mean": ("平均分", "Mean"),
    "sd": ("标准差", "SD"),
    "migrationTitle": ("等级变化 {1} → {2}", "Tier migration {1} → {2}"),
    "migrationDesc": (
      "行为 {1} 的等级，列为 {2} 的等级，格中数字为单位数。",
      "Rows: tier in {1}; columns: tier in {2}; each cell counts units."
    ),
    "migrationSummary": (
      "升级 {1} 个，降级 {2} 个；只参加 {3} 的 {4} 个，只参加 {5} 的 {6} 个。",
      "{1} moved up, {2} moved down; {4} scored in {3} only, {6} in {5} only."
    ),
    "scatterTitle": ("提高幅度与起点得分 {1} → {2}", "Improvement against starting score {1} → {2}"),
    "scatterDesc": (
      "每个点为一个两轮都参评的单位；实线为拟合直线，向下倾斜表示起点低的单位提高更多；虚线为零（没有提高）。",
      "Each dot is a unit scored in both rounds; the solid line is the fitted line, sloping down when units that started lower gained more; the dashed line is zero (no change)."
    ),
    "startScore": ("起点得分", "Starting score"),
    "fitLabel": ("拟合直线（β = {1}，按每轮提高计）", "Fitted line (β = {1}, on gain per round)"),
    "improvementAxis": ("提高 · {1} → {2}", "Improvement · {1} → {2}"),
    "improvement": ("提高", "Improvement"),
    "rubricChanges": ("评分细则变化", "Rubric changes"),
    "pair": ("轮次", "Rounds"),
    "rubric": ("评分细则", "Rubric"),
    "whatChanged": ("变化内容", "What changed"),
    "unchanged": ("没有影响比较的变化", "nothing that affects the comparison"),
    "added": ("新增指标 {1}", "criteria added: {1}"),
    "removed": ("删除指标 {1}", "criteria removed: {1}"),
    "repointed": ("调整分值 {1}", "points changed: {1}"),
    "totalChanged": (
      "满分由 {1} 变为 {2}，各轮得分按得分率（%）比较",
      "total changed from {1} to {2}, so scores are compared on percent of the total"
    ),
    "tiersChanged": ("等级名称或分数线有调整", "tier ids or minimums changed"),
    "mostImproved": ("进步最大的单位", "Most improved"),
    "stalled": ("停滞的后进单位", "Stalled laggards"),
    "stalledDesc": (
      "首次参评时处于最低两个等级或被一票否决、此后提高不足 {1} 分的单位。",
      "Units in the two lowest tiers, or vetoed, in their first round that improved by less than {1} points."
    ),
    "noneListed": ("无", "None."),
    "firstScore": ("起点得分", "First score"),
    "lastScore": ("最近得分", "Last score"),
    "change": ("变化", "Change"),
    "rankChange": ("名次变化", "Rank change"),
    "firstTier": ("起点等级", "First tier"),
    "partnerEffect": ("以先带后成效", "Did learning partners help?"),
    "observational": (
      "这是观察性比较，不是实验：结对单位并非随机指定，差异不能简单归因于结对帮扶。",
      "This is an observational comparison, not an experiment: units were not paired at random, so the difference cannot be put down to the pairing alone."
    ),
    "source.recommended": ("结对为分析推荐", "partners as recommended"),
    "source.arranged": ("结对为实际安排", "partners as arranged"),
    "withPartners": ("有结对", "With partners"),
    "withoutPartners": ("无结对", "Without partners"),
    "meanImprovement": ("平均提高", "Mean improvement"),
    "difference": ("差异", "Difference"),
    "partnerDifference": (
      "与同等级、同地区（或同层级）的可比单位相比，有结对单位的平均提高减去无结对单位的平均提高为 {1}。",
      "Against comparable units (same starting tier and region, else level), mean improvement with partners minus without is {1}."
    ),
    "pairingSource": ("结对来源", "Partners"),
    "strataCount": ("可比组数", "Comparable groups"),
    "unmatchedCount": ("无可比对象", "Unmatched"),
    "noStratum": (
      "没有同时包含有结对和无结对单位的可比组，无法比较。",
      "No group of comparable units holds both kinds of unit, so there is no comparison."
    ),
    "unmatched": (
      "{1} 个有结对的单位找不到可比的无结对单位，未计入差异。",
      "{1} units with partners had no comparable unit without and are left out of the difference."
    ),
    "strata": ("可比组", "Comparable groups"),
    "cohort.region": ("同地区", "same region"),
    "cohort.level": ("同层级", "same level"),
    "verdict": ("结论", "Verdict"),
    "verdict.converging": ("收敛（差距缩小）", "converging"),
    "verdict.diverging": ("发散（差距扩大）", "diverging"),
    "verdict.mixed": ("无一致变化", "mixed"),
    "verdict.inconclusive": ("尚不能判断", "inconclusive"),
    "verdict.notDefined": ("无法估计", "not defined"),
    "slope": ("斜率 β", "Slope β"),
    "confidenceInterval": ("{1}% 置信区间", "{1}% CI"),
    "periods": ("间隔轮数", "Rounds apart"),
    "scoreAxis.points": ("得分", "Score"),
    "scoreAxis.percent": ("得分率（%）", "Score (% of total)"),
    "perRound": ("每轮", "per round"),
    "backToIndex": ("返回本轮总览", "Back to this round"),
  ]

  /// The label for `key` with `{1}`, `{2}` … replaced by `arguments`.
  func format(_ key: String, _ arguments: String...) -> String {
    var text = self[key]
    for (index, argument) in arguments.enumerated() {
      text = text.replacingOccurrences("{\(index + 1)}", with: argument)
    }
    return text
  }

  /// The label for `key` in the report's language.
  subscript(_ key: String) -> String {
    guard let entry = Self.table[key] ?? Self.uncertaintyTable[key] else { return key }
    return language == .zh ? entry.zh : entry.en
  }
}
