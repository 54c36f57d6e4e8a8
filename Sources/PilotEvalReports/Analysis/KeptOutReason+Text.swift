public import PilotEvalCore

extension KeptOutReason {
  /// One line for a reader, naming sections and items by title: Chinese, English,
  /// or (`language` nil, for terminals and JSON) both.
  public func text(rubric: Rubric, topTier: Tier?, language: ReportLanguage? = nil) -> String {
    let tierName = topTier.map(\.name) ?? ReportStrings(language: language ?? .en)["t.topTier"]
    let (zh, en): (String, String)
    switch self {
    case .vetoed(let vetoes):
      let titles = vetoes.map { id in rubric.vetoes.first { $0.id == id }.map { "\(id) \($0.title)" } ?? id }
        .joined(separator: "; ")
      (zh, en) = ("一票否决：\(titles)", "vetoed: \(titles)")
    case .sectionFloor(let sections):
      let floor = topTier?.sectionFloor.map { "\(Int(($0 * 100).rounded()))%" } ?? "—"
      let titles = sections.map { id in rubric.section(id).map { "\(id) \($0.title)" } ?? id }.joined(separator: ", ")
      (zh, en) = ("分项未达 \(floor)：\(titles)", "section below \(floor): \(titles)")
    case .keyItemAtZero(let criteria):
      let titles = criteria.map { id in rubric.criterion(id).map { "★\(id) \($0.title)" } ?? id }
        .joined(separator: ", ")
      (zh, en) = ("★必须完成项为 0：\(titles)", "key item at zero: \(titles)")
    case .belowTopTier(let gap):
      (zh, en) = ("距\(tierName)还差 \(fixed2(gap)) 分", "\(fixed2(gap)) points below \(tierName)")
    case .tooFewReviewers(let have, let need):
      (zh, en) = ("专家评审不足：\(have) < \(need)", "too few reviews: \(have) < \(need)")
    case .cohortQuota(let cohort, let value, let allowance):
      (zh, en) = (
        "\(cohort.chineseName)名额（\(allowance)）已满：\(value ?? "—")",
        "\(cohort.rawValue) quota of \(allowance) filled in \(value ?? "—")"
      )
    }
    switch language {
    case .zh: return zh
    case .en: return en
    case nil: return "\(zh) · \(en)"
    }
  }
}

extension Cohort {
  /// 地区, 层级 or 类别.
  public var chineseName: String {
    switch self {
    case .region: "地区"
    case .level: "层级"
    case .category: "类别"
    }
  }
}
