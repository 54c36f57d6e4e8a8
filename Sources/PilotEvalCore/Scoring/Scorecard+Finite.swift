extension Scorecard {
  /// The name of the first number of this scorecard that is not finite, or `nil`
  /// when all are. SPEC v1.1 keeps every input number below 10¹², so a non-finite
  /// number here is a defect of PilotEval: the batch reports it for the file
  /// instead of writing NaN or ∞ into a result.
  public var firstNonFinite: Message? {
    let totals: [(MessageKey, Double)] = [
      (.submissionFiniteScore, score), (.submissionFiniteSelfScore, selfScore), (.submissionFiniteBase, base),
      (.submissionFiniteSelfBase, selfBase), (.submissionFiniteBonus, bonus), (.submissionFiniteSelfBonus, selfBonus),
      (.submissionFiniteDeduction, deduction), (.submissionFiniteSelfDeduction, selfDeduction),
      (.submissionFiniteApplicableMax, applicableMax),
    ]
    if let (name, _) = totals.first(where: { !$0.1.isFinite }) { return Message(name) }
    for section in sections where !(section.earned.isFinite && section.selfEarned.isFinite && section.max.isFinite) {
      return Message(.submissionFiniteSection, section.id)
    }
    for index in criteria.indices
    where !(criteria.points(at: index).isFinite && criteria.selfPoints(at: index).isFinite) {
      return Message(.submissionFiniteCriterion, criteria.id(at: index))
    }
    for adjustment in bonuses + deductions
    where !(adjustment.count.isFinite && adjustment.selfCount.isFinite && adjustment.points.isFinite) {
      return Message(.submissionFiniteAdjustment, adjustment.id)
    }
    return nil
  }
}
