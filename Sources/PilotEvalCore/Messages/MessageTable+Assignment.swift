// Messages of the review assignment planner (issue 17): exceptions to the rules a plan could not
// keep, problems of a hand swap, and refusals of a malformed roster.

extension MessageTable {
  static let zhAssignment: [MessageKey: String] = [
    .assignmentUnderstaffed: "单位 {0}：回避后只有 {1} 名专家可以评审，少于每单位 {2} 名；已分配 {3} 名",
    .assignmentKeptConflictRegion: "单位 {0}：专家 {1} 与该单位同一地区，违反回避；因已完成评审而保留",
    .assignmentKeptConflictOrganisation: "单位 {0}：专家 {1} 与该单位同一单位，违反回避；因已完成评审而保留",
    .assignmentUnevenLoads: "专家任务量为 {0} 至 {1} 件：在回避规则和已完成的评审下，没有相差不超过 1 件的方案",
    .assignmentDisconnectedRuleSeparates:
      "专家分为 {0} 组（各 {1} 人），回避规则使不同组的专家不能评审同一单位；评审网络不连通，面板统计只能在组内估计",
    .assignmentDisconnectedTooFewUnits: "单位太少，无法让 {2} 名专家通过共同评审的单位连成一体（现分为 {0} 组，各 {1} 人）",
    .assignmentDisconnectedEvenLoadsFirst:
      "专家分为 {0} 组（各 {1} 人）：回避使任务量无法相差不超过 1 件，在保持任务量尽量均衡的前提下，未能把各组连通",
    .assignmentDisconnectedNotFound: "未找到连通的分配方案：专家分为 {0} 组（各 {1} 人）",
    .assignmentSwapUnknownUnit: "没有单位 {0}",
    .assignmentSwapUnknownExpert: "没有专家 {0}",
    .assignmentSwapSameExpert: "调出和调入的是同一位专家 {0}",
    .assignmentSwapNotAssigned: "专家 {1} 没有被分配单位 {0}",
    .assignmentSwapAlreadyAssigned: "专家 {1} 已被分配单位 {0}",
    .assignmentSwapRegionConflict: "专家 {1} 与单位 {0} 同属 {2}，违反回避",
    .assignmentSwapOrganisationConflict: "专家 {1} 与单位 {0} 同属 {2}，违反回避",
    .assignmentSwapUnevenLoads: "调整后专家任务量为 {0} 至 {1} 件，相差超过 1 件",
    .assignmentSwapReviewed: "专家 {1} 已完成单位 {0} 的评审，调整后该评审不再计入",
    .assignmentSwapDisconnects: "调整后专家不再通过共同单位连成一体（分为 {0} 组）",
    .assignmentPerUnitOutOfRange: "每单位专家数 {0} 不在 2 至 {1} 之间",
    .assignmentTooLarge: "名单过大：{0} 个单位、{1} 名专家（上限 {2} 个单位、{3} 名专家）",
    .assignmentEmptyId: "单位或专家的编号为空",
    .assignmentEmptyRegion: "{0} 没有地区，无法执行回避",
    .assignmentDuplicateUnit: "单位编号 {0} 重复",
    .assignmentDuplicateExpert: "专家编号 {0} 重复",
    .assignmentUnknownUnit: "已完成的评审指向未列出的单位 {0}",
    .assignmentUnknownExpert: "已完成的评审指向未列出的专家 {0}",
  ]

  static let enAssignment: [MessageKey: String] = [
    .assignmentUnderstaffed:
      "unit {0}: only {1} experts may review it under 回避, fewer than the {2} per unit; {3} assigned",
    .assignmentKeptConflictRegion:
      "unit {0}: expert {1} is from the unit's own region, against 回避; kept because the review is done",
    .assignmentKeptConflictOrganisation:
      "unit {0}: expert {1} is from the unit's own organisation, against 回避; kept because the review is done",
    .assignmentUnevenLoads:
      "expert loads range from {0} to {1}: under 回避 and the reviews already done, no plan keeps them within one",
    .assignmentDisconnectedRuleSeparates:
      "the experts fall into {0} groups ({1} experts) that 回避 keeps from sharing any unit; the design is not connected, so panel statistics can only be estimated within each group",
    .assignmentDisconnectedTooFewUnits:
      "too few units to link all {2} experts through shared units ({0} groups of {1} experts)",
    .assignmentDisconnectedEvenLoadsFirst:
      "the experts fall into {0} groups ({1} experts): 回避 keeps the loads more than one apart, and holding them as even as it allows, the planner found no way to link the groups",
    .assignmentDisconnectedNotFound: "no connected plan was found: the experts fall into {0} groups ({1} experts)",
    .assignmentSwapUnknownUnit: "no unit '{0}'",
    .assignmentSwapUnknownExpert: "no expert '{0}'",
    .assignmentSwapSameExpert: "{0} would be swapped for themselves",
    .assignmentSwapNotAssigned: "{1} is not assigned unit {0}",
    .assignmentSwapAlreadyAssigned: "{1} already reviews unit {0}",
    .assignmentSwapRegionConflict: "{1} is from {2}, the region of unit {0}: against 回避",
    .assignmentSwapOrganisationConflict: "{1} is from {2}, the organisation of unit {0}: against 回避",
    .assignmentSwapUnevenLoads: "after the swap expert loads range from {0} to {1}, more than one apart",
    .assignmentSwapReviewed: "{1} has already reviewed unit {0}; the review would no longer count",
    .assignmentSwapDisconnects: "after the swap the experts are no longer linked through shared units ({0} groups)",
    .assignmentPerUnitOutOfRange: "experts per unit must be 2 to {1}, not {0}",
    .assignmentTooLarge: "too large: {0} units and {1} experts (at most {2} units and {3} experts)",
    .assignmentEmptyId: "a unit or expert has an empty id",
    .assignmentEmptyRegion: "'{0}' has no region, so 回避 cannot be checked",
    .assignmentDuplicateUnit: "unit id '{0}' appears twice",
    .assignmentDuplicateExpert: "expert id '{0}' appears twice",
    .assignmentUnknownUnit: "a finished review names unit '{0}', which is not listed",
    .assignmentUnknownExpert: "a finished review names expert '{0}', who is not listed",
  ]
}
