extension Scorecard {
  /// The name of the first number of this scorecard that is not finite, or `nil`
  /// when all are. SPEC v1.1 keeps every input number below 10¹², so a non-finite
  /// number here is a defect of PilotEval: the batch reports it for the file
  /// instead of writing NaN or ∞ into a result.
  public var firstNonFinite: String? {
    let totals: [(String, Double)] = [
      ("score", score), ("self score", selfScore), ("base", base), ("self base", selfBase), ("bonus", bonus),
      ("self bonus", selfBonus), ("deduction", deduction), ("self deduction", selfDeduction),
      ("applicable max", applicableMax),
    ]
    if let (name, _) = totals.first(where: { !$0.1.isFinite }) { return name }
    for section in sections where !(section.earned.isFinite && section.selfEarned.isFinite && section.max.isFinite) {
      return "points of section \(section.id)"
    }
    for index in criteria.indices
    where !(criteria.points(at: index).isFinite && criteria.selfPoints(at: index).isFinite) {
      return "points of criterion \(criteria.id(at: index))"
    }
    for adjustment in bonuses + deductions
    where !(adjustment.count.isFinite && adjustment.selfCount.isFinite && adjustment.points.isFinite) {
      return "points of \(adjustment.id)"
    }
    return nil
  }
}
