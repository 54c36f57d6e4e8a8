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

  private static let table: [String: (zh: String, en: String)] = [
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
    guard let entry = Self.table[key] else { return key }
    return language == .zh ? entry.zh : entry.en
  }
}
