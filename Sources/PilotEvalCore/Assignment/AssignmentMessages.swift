/// Every message of the review assignment planner, in Chinese and English, defined once.
///
/// Placeholders in braces (`{unit}`) are filled from the arguments of the exception, swap problem or
/// input error that owns the message.
public enum AssignmentMessages {
  /// A message id.
  public enum Key: String, Sendable, CaseIterable {
    case understaffed, keptConflictRegion, keptConflictOrganisation, unevenLoads
    case disconnectedRuleSeparates, disconnectedTooFewUnits, disconnectedEvenLoadsFirst, disconnectedNotFound
    case swapUnknownUnit, swapUnknownExpert, swapSameExpert, swapNotAssigned, swapAlreadyAssigned
    case swapRegionConflict, swapOrganisationConflict, swapUnevenLoads, swapReviewed, swapDisconnects
    case perUnitOutOfRange, tooLarge, emptyId, emptyRegion, duplicateUnit, duplicateExpert
    case unknownUnit, unknownExpert
  }

  /// The table: one Chinese and one English text per key.
  public static let table: [Key: [Language: String]] = [
    .understaffed: [
      .zh: "单位 {unit}：回避后只有 {eligible} 名专家可以评审，少于每单位 {required} 名；已分配 {assigned} 名",
      .en: "unit {unit}: only {eligible} experts may review it under 回避, fewer than the {required} per unit; "
        + "{assigned} assigned",
    ],
    .keptConflictRegion: [
      .zh: "单位 {unit}：专家 {expert} 与该单位同一地区，违反回避；因已完成评审而保留",
      .en: "unit {unit}: expert {expert} is from the unit's own region, against 回避; kept because the review is done",
    ],
    .keptConflictOrganisation: [
      .zh: "单位 {unit}：专家 {expert} 与该单位同一单位，违反回避；因已完成评审而保留",
      .en: "unit {unit}: expert {expert} is from the unit's own organisation, against 回避; kept because the review "
        + "is done",
    ],
    .unevenLoads: [
      .zh: "专家任务量为 {lowest} 至 {highest} 件：在回避规则和已完成的评审下，没有相差不超过 1 件的方案",
      .en: "expert loads range from {lowest} to {highest}: under 回避 and the reviews already done, no plan keeps "
        + "them within one",
    ],
    .disconnectedRuleSeparates: [
      .zh: "专家分为 {count} 组（各 {sizes} 人），回避规则使不同组的专家不能评审同一单位；评审网络不连通，面板统计只能在组内估计",
      .en: "the experts fall into {count} groups ({sizes} experts) that 回避 keeps from sharing any unit; the design "
        + "is not connected, so panel statistics can only be estimated within each group",
    ],
    .disconnectedTooFewUnits: [
      .zh: "单位太少，无法让 {experts} 名专家通过共同评审的单位连成一体（现分为 {count} 组）",
      .en: "too few units to link all {experts} experts through shared units ({count} groups)",
    ],
    .disconnectedEvenLoadsFirst: [
      .zh: "专家分为 {count} 组（各 {sizes} 人）：回避使任务量无法相差不超过 1 件，在保持任务量尽量均衡的前提下，未能把各组连通",
      .en: "the experts fall into {count} groups ({sizes} experts): 回避 keeps the loads more than one apart, and "
        + "holding them as even as it allows, the planner found no way to link the groups",
    ],
    .disconnectedNotFound: [
      .zh: "未找到连通的分配方案：专家分为 {count} 组（各 {sizes} 人）",
      .en: "no connected plan was found: the experts fall into {count} groups ({sizes} experts)",
    ],
    .swapUnknownUnit: [.zh: "没有单位 {unit}", .en: "no unit '{unit}'"],
    .swapUnknownExpert: [.zh: "没有专家 {expert}", .en: "no expert '{expert}'"],
    .swapSameExpert: [.zh: "调出和调入的是同一位专家 {expert}", .en: "{expert} would be swapped for themselves"],
    .swapNotAssigned: [.zh: "专家 {expert} 没有被分配单位 {unit}", .en: "{expert} is not assigned unit {unit}"],
    .swapAlreadyAssigned: [.zh: "专家 {expert} 已被分配单位 {unit}", .en: "{expert} already reviews unit {unit}"],
    .swapRegionConflict: [
      .zh: "专家 {expert} 与单位 {unit} 同属 {value}，违反回避",
      .en: "{expert} is from {value}, the region of unit {unit}: against 回避",
    ],
    .swapOrganisationConflict: [
      .zh: "专家 {expert} 与单位 {unit} 同属 {value}，违反回避",
      .en: "{expert} is from {value}, the organisation of unit {unit}: against 回避",
    ],
    .swapUnevenLoads: [
      .zh: "调整后专家任务量为 {lowest} 至 {highest} 件，相差超过 1 件",
      .en: "after the swap expert loads range from {lowest} to {highest}, more than one apart",
    ],
    .swapReviewed: [
      .zh: "专家 {expert} 已完成单位 {unit} 的评审，调整后该评审不再计入",
      .en: "{expert} has already reviewed unit {unit}; the review would no longer count",
    ],
    .swapDisconnects: [
      .zh: "调整后专家不再通过共同单位连成一体（分为 {count} 组）",
      .en: "after the swap the experts are no longer linked through shared units ({count} groups)",
    ],
    .perUnitOutOfRange: [
      .zh: "每单位专家数 {k} 不在 2 至 {max} 之间",
      .en: "experts per unit must be 2 to {max}, not {k}",
    ],
    .tooLarge: [
      .zh: "名单过大：{units} 个单位、{experts} 名专家（上限 {maxUnits} 个单位、{maxExperts} 名专家）",
      .en: "too large: {units} units and {experts} experts (at most {maxUnits} units and {maxExperts} experts)",
    ],
    .emptyId: [.zh: "单位或专家的编号为空", .en: "a unit or expert has an empty id"],
    .emptyRegion: [.zh: "{id} 没有地区，无法执行回避", .en: "'{id}' has no region, so 回避 cannot be checked"],
    .duplicateUnit: [.zh: "单位编号 {unit} 重复", .en: "unit id '{unit}' appears twice"],
    .duplicateExpert: [.zh: "专家编号 {expert} 重复", .en: "expert id '{expert}' appears twice"],
    .unknownUnit: [.zh: "已完成的评审指向未列出的单位 {unit}", .en: "a finished review names unit '{unit}', which is not listed"],
    .unknownExpert: [
      .zh: "已完成的评审指向未列出的专家 {expert}", .en: "a finished review names expert '{expert}', who is not listed",
    ],
  ]

  /// The text of `key` in `language`, its `{name}` placeholders replaced by `arguments[name]`.
  public static func text(_ key: Key, _ language: Language, _ arguments: [String: String]) -> String {
    let template = table[key]?[language] ?? key.rawValue
    var output = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      output += rest[..<open]
      let name = String(rest[rest.index(after: open)..<close])
      output += arguments[name] ?? "{\(name)}"
      rest = rest[rest.index(after: close)...]
    }
    return output + rest
  }
}
