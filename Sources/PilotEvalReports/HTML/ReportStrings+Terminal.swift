extension ReportStrings {
  /// The headings, column titles and sentences of the terminal tables of `rank` and `trend` (and the text
  /// files written with them) that the report pages do not already hold.
  static let terminal: [String: (zh: String, en: String)] = [
    // rank
    "t.analysisTitle": ("== 以先带后分析：{1} {2}", "== Learning-from-the-best analysis: {1} {2}"),
    "t.overview": ("参评单位 {1} 个 · 中位分 {2} · {3}", "units {1} · median {2} · {3}"),
    "t.exemplarCount": (
      "示范单位 {1} 个，其中稳健 {2} 个（在不少于 {3}% 的随机扰动中保持最高等级，并计入抽样误差：P − 1.96 SE ≥ {3}%）",
      "exemplars {1}, robust {2} (top tier in ≥ {3}% of draws, allowing for Monte Carlo error: P − 1.96 SE ≥ {3}%)"
    ),
    "t.pTop": ("示范概率", "P(top tier)"),
    "t.se": ("标准误 ±", "± SE"),
    "t.nearMisses": ("== 差一步的单位：未入选原因", "== Near misses: what kept them out"),
    "t.topTier": ("最高等级", "top tier"),
    "t.partners": (
      "== 结对帮扶对象（每个单位至多 {1} 个：先找同地区，再找同层级，再找其他单位）",
      "== Learning partners (up to {1}; same region, then same level, then anywhere)"
    ),
    "t.deaDiffer": ("⚠ 与 DEA 参照单位不一致", "⚠ DEA peers differ"),
    "t.consensus": (
      "需专家协商的指标（专家评分极差超过该项分值的 {1}%）：{2}", "consensus needed (range > {1}% of points): {2}"
    ),
    "t.self": ("== 自评准确性", "== Self-assessment"),
    "t.meanGap": (
      "平均自评−核定：{1}，基于 {2} 个经专家评审的单位（另有 {3} 个未经评审）",
      "mean self − verified: {1} over {2} reviewed units ({3} unreviewed)"
    ),
    "t.noReviewed": ("无法计算（没有单位经过专家评审）", "not defined (no unit was reviewed)"),
    "t.overstating": ("自评比核定得分高出 {1} 分以上：{2}", "overstating by > {1}: {2}"),
    // the panel design (rank's table and the report's panel page)
    "design.noSubjects": ("没有单位获得专家评审，无法判断评审设计。", "No unit was reviewed, so there is no panel design to judge."),
    "design.oneRater": (
      "本轮只有 1 位专家评审，没有第二位专家可比，ICC 与 α 均无法计算。",
      "Only one expert reviewed this round: with no second expert to compare, neither ICC nor α can be computed."
    ),
    "design.samePanel": (
      "所有单位由同一组 {1} 位专家评审：采用双向随机模型（绝对一致性），基于全部 {2} 个单位。",
      "The same {1} experts rated every unit: two-way random model (absolute agreement) on all {2} units."
    ),
    "design.samePanelFew": (
      "所有单位由同一组专家评审，但单位少于 3 个，双向模型无法计算。",
      "The same experts rated every unit, but there are fewer than 3 units, so the two-way model cannot be computed."
    ),
    "design.differ": (
      "各单位的评审专家组不同（共 {1} 种组合），专家效应无法与误差分开：采用单向随机模型；",
      "Panels differ between units ({1} different panels), so expert effects cannot be separated from error: one-way random model; "
    ),
    "design.noBlock": (
      "没有 3 个单位由同一组（至少 2 位）专家共同评审，双向模型无法计算。",
      "no 3 units share a panel of at least 2 experts, so the two-way model cannot be computed."
    ),
    "design.block": (
      "双向模型仅基于由 {1} 共同评审的 {2} 个单位（{3}）。", "the two-way figures rest only on the {2} units rated by all of {1}: {3}."
    ),
    // trend
    "t.trendTitle": ("== 多轮趋势：{1}", "== Trends across rounds: {1}"),
    "t.basis": ("得分口径：{1}", "basis: {1}"),
    "t.basis.points": ("分值（各轮满分相同）", "points (every round's rubric has the same total)"),
    "t.basis.percent": ("得分率（各轮满分不同，按占满分的百分比计）", "percent of the rubric total (totals differ between rounds)"),
    "t.unitsSeen": ("参评单位：共 {1} 个，每轮都参评 {2} 个", "units: {1} seen, {2} in every round"),
    "t.oneRound": ("（只有一轮，无可比较）", "(one round: nothing to compare)"),
    "t.dispersion": ("== 离散程度（{1}）", "== Dispersion ({1})"),
    "t.between": ("= 地区间", "= between"),
    "t.within": ("+ 地区内", "+ within"),
    "t.sigma": ("σ 收敛：{1}。{2}", "σ-convergence: {1}. {2}"),
    "t.beta": (
      "== β 收敛（每轮提高幅度对起点得分回归）", "== β-convergence (growth per round regressed on the earlier score)"
    ),
    "t.ci": ("置信区间", "CI"),
    "t.correctedCI": ("扣除后区间", "CI"),
    "t.migration": ("== 等级变化 {1} → {2}（行为起点等级，列为终点等级）", "== Tier migration {1} → {2} (rows: from, columns: to)"),
    "t.fromTo": ("起点 \\ 终点", "from \\ to"),
    "t.mostImproved": ("== 进步最大的单位（从首次参评到最近一轮）", "== Most improved (first round a unit appears in to the last)"),
    "t.stalled": (
      "== 停滞的后进单位（首次参评时处于最低两个等级或被一票否决，此后提高不足 {1} 分）",
      "== Stalled laggards (lowest two tiers or vetoed at first; improved by less than {1})"
    ),
    "t.none": ("（无）", "(none)"),
    "t.partnerEffect": ("== 以先带后成效", "== Partner effect"),
    "t.effectLine": (
      "{1} → {2}（{3}）：有结对 {4} 个{5}；无结对 {6} 个{7}；可比组内差异 {8}，共 {9} 个可比组，{10} 个无可比对象",
      "{1} → {2} ({3}): with partners n = {4}{5}; without n = {6}{7}; difference within strata {8} over {9} strata, {10} unmatched"
    ),
    "t.effectMean": ("，平均提高 {1}", ", mean {1}"),
    "t.noStratum": ("—（没有同时包含两类单位的可比组）", "— (no stratum holds both kinds)"),
    "t.withN": ("有结对数", "with n"),
    "t.withoutN": ("无结对数", "without n"),
    "t.cohort": ("可比条件", "cohort"),
  ]
}
