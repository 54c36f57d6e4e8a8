extension ReportStrings {
  /// The first screen's answers, the unit pages' explanations of the tier, and the words that replace
  /// English phrases of the analysis (robustness, panel model, partner preference).
  static let answers: [String: (zh: String, en: String)] = [
    // MARK: - Cover
    "rubricVersion": ("评分细则 {1}（版本 {2}）", "Rubric {1} (version {2})"),
    // MARK: - The four questions
    "answers": ("本轮要点", "At a glance"),
    "overview": (
      "本轮 {1} 个单位参评：{2}。", "{1} units were scored: {2}."
    ),
    "rejectedSome": (
      "另有 {1} 份文件被拒收、未计分（原因见工作簿“拒收文件”页）。",
      "{1} files were rejected and not scored (reasons in the workbook's Rejected sheet)."
    ),
    "rejectedNone": ("所有提交的文件均已计分，没有拒收。", "Every file submitted was scored; none was rejected."),
    "tierCount": ("{1} {2} 个", "{2} {1}"),
    "listSeparator": ("、", ", "),
    "sentenceGap": ("", " "),
    "q.lead": ("谁在领先，强在哪里", "Who leads, and why"),
    "q.lag": ("谁落后，向谁学", "Who lags, and whom to learn from"),
    "q.gap": ("差距是否在缩小", "Is the gap closing?"),
    "q.trust": ("结果有多可靠", "How sure are we?"),
    "exemplarLead": (
      "示范单位 {1} 个（{2} 个稳健）。名称后为高出全体中位数最多的分项（百分点）：",
      "{1} exemplars ({2} robust). After each name, the sections where it is furthest above the median of all units (percentage points):"
    ),
    "noExemplar": ("本轮没有单位达到{1}等级。", "No unit reached {1} this round."),
    "strength": ("{1} +{2}", "{1} +{2}"),
    "noStrength": ("各一级指标均接近中位数", "close to the median in every section"),
    "notRobust": ("（不稳健）", " (not robust)"),
    "laggardLead": (
      "{1} 个单位为{2}或被一票否决，建议结对学习（“重点”为可提升最多的指标）：",
      "{1} units are {2} or vetoed. Suggested learning partners; \"focus\" names the criteria where the group has most to gain:"
    ),
    "noLaggard": ("本轮没有{1}或被一票否决的单位。", "No unit is {1} or vetoed this round."),
    "learnFrom": ("向 {1} 学习：{2}", "Learn from {1}: {2}"),
    "focus": ("重点 {1}", "focus {1}"),
    "gainPoints": ("{1}（+{2} 分）", "{1} (+{2})"),
    "gainPointsGroup": ("{1}（{3} 个单位共 +{2} 分）", "{1} (+{2} over {3} units)"),
    "noPartnerFor": ("暂无合适的结对对象：{1}", "No suitable partner yet: {1}"),
    "gapOneRound": (
      "只有本轮数据，尚不能判断差距是否缩小；记录多轮结果后，报告会给出结论。",
      "Only this round is available, so there is no verdict on the gap yet; record several rounds to get one."
    ),
    "seeTrends": ("详见多轮趋势页。", "See the trends page."),
    "trust.high": (
      "专家评分高度一致，可以信赖（评审组平均分的信度 ICC = {1}，1 为完全一致）。",
      "The expert panels agree closely: their scores can be trusted (reliability of the panel mean ICC = {1}; 1 is perfect agreement)."
    ),
    "trust.good": (
      "专家评分较为一致，基本可信（评审组平均分的信度 ICC = {1}，1 为完全一致）。",
      "The expert panels agree well: their scores are broadly reliable (ICC = {1}; 1 is perfect agreement)."
    ),
    "trust.moderate": (
      "专家评分一致性一般，分歧较大的指标宜复核（评审组平均分的信度 ICC = {1}，1 为完全一致）。",
      "The expert panels agree only moderately: review the criteria where they differ (ICC = {1}; 1 is perfect agreement)."
    ),
    "trust.poor": (
      "专家评分一致性偏低，结果宜复核后再使用（评审组平均分的信度 ICC = {1}，1 为完全一致）。",
      "The expert panels agree poorly: review the results before using them (ICC = {1}; 1 is perfect agreement)."
    ),
    "trust.none": ("无法评估专家评分的一致性（评审数据不足）。", "The panels' agreement cannot be measured (too few reviews)."),
    "trust.raters": (
      "与其他专家相比，平均打分明显偏宽或偏严（相差 {1} 分以上）的专家：{2}。",
      "Experts whose scores run clearly above or below the rest of their panel (by more than {1} points): {2}."
    ),
    "lenient": ("{1} 偏宽 +{2}", "{1} lenient +{2}"),
    "harsh": ("{1} 偏严 −{2}", "{1} harsh −{2}"),
    "trust.robust": (
      "名次区间来自 {1} 次随机扰动：指标权重上下浮动至多 {2}%{3}，随机种子 {4}，结果可重复。",
      "Rank intervals come from {1} random draws: criterion weights varied by up to {2}%{3}, seed {4}, so the result can be repeated."
    ),
    "resampled": ("，专家评审重抽样", ", reviews resampled"),
    "trust.self": (
      "{1} 个单位的自评比核定得分高出 {2} 分以上。", "{1} units rated themselves more than {2} points above their verified score."
    ),
    // MARK: - Panel model and partner preference in words
    "headline.twoWay": (
      "同一组专家评审了全部单位，采用双向随机模型 ICC(2)。", "The same experts rated every unit, so the two-way model ICC(2) is quoted."
    ),
    "headline.oneWay": (
      "各单位的评审专家不完全相同，采用单向随机模型 ICC(1)。",
      "Panels differ between units, so the one-way model ICC(1) is quoted."
    ),
    "iccSingle": ("单个专家评分的信度", "Reliability of one expert's score"),
    "iccAverage": ("评审组平均分的信度", "Reliability of the panel's mean"),
    "alpha": ("Krippendorff α 一致性系数", "Krippendorff's α"),
    "preference.same-region": ("同地区", "same region"),
    "preference.same-level": ("同层级", "same level"),
    "preference.anywhere": ("其他地区、其他层级", "another region and level"),
    "range": ("（{1}–{2}）", " ({1}–{2})"),
    "ofUnits": ("（{1} / {2} 个单位）", " ({1} of {2} units)"),
    "everyExemplar": ("每个示范单位都{1}。", "Every exemplar {1}."),
    "moreLessons": ("另有 {1} 项差距较小的指标未列出。", "{1} smaller gaps are not listed."),
    // MARK: - Why this tier (unit pages)
    "whyTier": ("为什么是这个等级", "Why this tier"),
    "scoreParts": ("核定得分 {1} = 基础分 {2} + 加分 {3} − 扣分 {4}。", "Score {1} = base {2} + bonus {3} − deductions {4}."),
    "scoreBaseOnly": ("核定得分 {1}，没有加分或扣分。", "Score {1}, with no bonus or deduction."),
    "bonusLine": ("加分 {1} {2}：+{3}", "Bonus {1} {2}: +{3}"),
    "deductionLine": ("扣分 {1} {2}：−{3}", "Deduction {1} {2}: −{3}"),
    "vetoLine": (
      "一票否决 {1} {2}（{3}）：被否决的单位不评等级，也不能作为示范。",
      "Veto {1} {2} ({3}): a vetoed unit gets no tier and cannot be an exemplar."
    ),
    "vetoFromData": ("依据填报数据认定", "found in the submitted data"),
    "vetoByExperts": ("由专家 {1} 认定", "found by experts {1}"),
    "wouldReach": ("按得分本可评为{1}，但{2}，因此为{3}。", "The score would make it {1}, but {2}, so it is {3}."),
    "reason.keyZero": ("关键指标 {1} 得 0 分", "key item {1} scored zero"),
    "reason.floor": ("一级指标 {1} 低于{2}要求的各项得分率 {3}", "{1} is below the {3} every section needs for {2}"),
    "reason.veto": ("触发一票否决", "a veto applies"),
    "nextGap": ("距{1}（{2} 分）还差 {3} 分。", "{3} points short of {1} ({2})."),
    "closeWith": ("失分最多、最值得补回的指标：{1}。", "Where most points were lost and can be won back: {1}."),
    "lostPoints": ("{1}（失 {2} 分）", "{1} ({2} lost)"),
    "alsoNeeds": ("要评为{1}，还须{2}。", "To reach {1} it must also {2}."),
    "fixKey": ("使关键指标 {1} 得分", "score above zero on key item {1}"),
    "fixFloor": ("使 {1} 的得分率达到 {2}", "bring {1} to {2}"),
    "topReached": ("已是最高等级{1}。", "Already in the top tier, {1}."),
    "strengthsLine": (
      "强项（得分率高出全体中位数的百分点）：{1}。", "Strengths (percentage points above the median of all units): {1}."
    ),
    "sectionShare": ("{1}（{2}）", "{1} ({2})"),
    // MARK: - Charts
    "axis.score": ("核定得分", "Verified score"),
    "axis.units": ("单位数", "Units"),
    "medianColumn": ("中位数", "median"),
    "ranking.note": (
      "名次区间为 90% 的随机扰动下名次所在的范围；★ 为示范单位，“稳健”表示在至少 {1}% 的扰动中保持示范。",
      "The rank interval holds the rank in 90% of the random draws; ★ marks an exemplar, \"robust\" one that stays in the top tier in at least {1}% of draws."
    ),
  ]
}
