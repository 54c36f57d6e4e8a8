/// Checks a review's references against the rubric (SPEC §3 rejection rules
/// that need only the rubric). Matching a review to its submission and the
/// one-review-per-reviewer rule are the batch's.
public struct ReviewChecker: Sendable {
  /// The rubric reviews are checked against.
  public let rubric: Rubric
  private let answers: SubmissionChecker

  /// Creates a checker for `rubric`.
  public init(rubric: Rubric) {
    self.rubric = rubric
    self.answers = SubmissionChecker(rubric: rubric)
  }

  /// Every rejection rule `review` breaks, in document order.
  public func errors(in review: Review) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    if review.rubricID != rubric.id {
      problems.append(.reviewWrongRubric(review.rubricID, expected: rubric, line: review.line))
    }
    var firstLine = [Int?](repeating: nil, count: rubric.criteria.count)
    for score in review.scores {
      guard let position = rubric.criterionPosition(score.criterion) else {
        problems.append(.unknownCriterion(score.criterion, line: score.line))
        continue
      }
      let criterion = rubric.criteria[position]
      if let first = firstLine[position] {
        problems.append(.scoredTwice(criterion.id, line: score.line, first: first))
      } else {
        firstLine[position] = score.line
      }
      answers.answerErrors(
        criterion, level: score.level, points: score.points, checks: score.checks, line: score.line,
        into: &problems)
    }
    for rejection in review.evidenceRejections {
      if rubric.criterionPosition(rejection.criterion) == nil {
        problems.append(.unknownCriterion(rejection.criterion, line: rejection.line))
      }
      if rejection.count < 0 { problems.append(.negative("rejected", rejection.count, line: rejection.line)) }
    }
    for verdict in review.bonusVerdicts where !rubric.bonuses.contains(where: { $0.id == verdict.id }) {
      problems.append(.unknownBonus(verdict.id, line: verdict.line))
    }
    for claim in review.deductions {
      if !rubric.deductions.contains(where: { $0.id == claim.id }) {
        problems.append(.unknownDeduction(claim.id, line: claim.line))
      }
      if claim.count < 0 { problems.append(.negative("count", claim.count, line: claim.line)) }
    }
    for finding in review.vetoes where !rubric.vetoes.contains(where: { $0.id == finding.id }) {
      problems.append(.unknownVeto(finding.id, line: finding.line))
    }
    return problems
  }
}
