public import PilotEvalCore

extension KeptOutReason {
  /// One line for a reader, Chinese then English, naming sections and items by title.
  public func text(rubric: Rubric, topTier: Tier?) -> String {
    let tierName = topTier.map { "\($0.name)" } ?? "top tier"
    switch self {
    case .vetoed(let vetoes):
      let titles = vetoes.map { id in rubric.vetoes.first { $0.id == id }.map { "\(id) \($0.title)" } ?? id }
      return "一票否决 vetoed: \(titles.joined(separator: "; "))"
    case .sectionFloor(let sections):
      let floor = topTier?.sectionFloor.map { "\(Int(($0 * 100).rounded()))%" } ?? "the floor"
      let titles = sections.map { id in rubric.section(id).map { "\(id) \($0.title)" } ?? id }
      return "分项未达 \(floor) section below \(floor): \(titles.joined(separator: ", "))"
    case .keyItemAtZero(let criteria):
      let titles = criteria.map { id in rubric.criterion(id).map { "★\(id) \($0.title)" } ?? id }
      return "★必须完成项为 0 key item at zero: \(titles.joined(separator: ", "))"
    case .belowTopTier(let gap):
      return "距\(tierName)还差 \(fixed2(gap)) 分 \(fixed2(gap)) points below \(tierName)"
    case .tooFewReviewers(let have, let need):
      return "专家评审不足 too few reviews: \(have) < \(need)"
    case .cohortQuota(let cohort, let value, let allowance):
      return "\(cohort.chineseName)名额已满 \(cohort.rawValue) quota of \(allowance) filled in \(value ?? "—")"
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
