/// Every message PilotEval gives about submissions and reviews, defined once.
///
/// Messages are lowercase and quote the offending value; where it helps they
/// say what would be accepted instead.
extension Diagnostic {
  // MARK: - Submissions

  /// The submission names another rubric id or version.
  public static func wrongRubric(id: String, version: String, expected rubric: Rubric, line: Int) -> Diagnostic {
    .error(Message(.submissionWrongRubric, id, version, rubric.id, rubric.version), line: line)
  }

  /// A response names a criterion the rubric does not have.
  public static func unknownCriterion(_ id: String, line: Int) -> Diagnostic {
    .error(Message(.submissionUnknownCriterion, id), line: line, subject: id)
  }

  /// A level code the criterion does not define.
  public static func unknownLevel(_ code: String, criterion: Criterion, levels: [Level], line: Int) -> Diagnostic {
    .error(
      Message(.submissionUnknownLevel, code, criterion.id, levels.map(\.code).joined(separator: ", ")),
      line: line, subject: criterion.id)
  }

  /// A checklist item the criterion does not define.
  public static func unknownItem(_ item: String, criterion: Criterion, items: [ChecklistItem], line: Int) -> Diagnostic
  {
    .error(
      Message(.submissionUnknownItem, item, criterion.id, items.map(\.id).joined(separator: ", ")),
      line: line, subject: criterion.id)
  }

  /// A bonus id the rubric does not define.
  public static func unknownBonus(_ id: String, line: Int) -> Diagnostic {
    .error(Message(.submissionUnknownBonus, id), line: line, subject: id)
  }

  /// A deduction id the rubric does not define.
  public static func unknownDeduction(_ id: String, line: Int) -> Diagnostic {
    .error(Message(.submissionUnknownDeduction, id), line: line, subject: id)
  }

  /// A veto id the rubric does not define.
  public static func unknownVeto(_ id: String, line: Int) -> Diagnostic {
    .error(Message(.submissionUnknownVeto, id), line: line, subject: id)
  }

  /// A required criterion answered not applicable.
  public static func requiredNotApplicable(_ criterion: Criterion, line: Int) -> Diagnostic {
    .error(
      Message(.submissionRequiredNotApplicable, criterion.id),
      line: line, subject: criterion.id)
  }

  /// The same criterion answered twice.
  public static func answeredTwice(_ id: String, line: Int, first: Int) -> Diagnostic {
    .error(Message(.submissionAnsweredTwice, id, String(first)), line: line, subject: id)
  }

  /// A judgement outside 0…points.
  public static func judgementOutOfRange(_ points: Double, criterion: Criterion, line: Int) -> Diagnostic {
    .error(
      Message(.submissionPointsOutOfRange, formatted(points), criterion.id, formatted(criterion.points)),
      line: line, subject: criterion.id)
  }

  /// A judgement that is not a multiple of the step.
  public static func judgementOffStep(_ points: Double, step: Double, criterion: Criterion, line: Int) -> Diagnostic {
    .error(
      Message(.submissionPointsOffStep, formatted(points), criterion.id, formatted(step)),
      line: line, subject: criterion.id)
  }

  /// A negative count.
  public static func negative(_ attribute: String, _ value: Double, line: Int) -> Diagnostic {
    .error(Message(.submissionNegative, attribute, formatted(value)), line: line)
  }

  /// Another accepted file earlier in the run holds the same unit and round.
  public static func duplicateSubmission(unit: String, round: String, firstFile: String) -> Diagnostic {
    .error(Message(.submissionDuplicate, unit, round, firstFile), line: 1)
  }

  /// The submission belongs to another round than the run's.
  public static func wrongRound(_ round: String, runRound: String, line: Int) -> Diagnostic {
    .error(Message(.submissionWrongRound, round, runRound), line: line)
  }

  // MARK: - Reviews

  /// The review names another rubric id.
  public static func reviewWrongRubric(_ id: String, expected rubric: Rubric, line: Int) -> Diagnostic {
    .error(Message(.reviewWrongRubric, id, rubric.id), line: line)
  }

  /// No accepted submission has the review's unit and round.
  public static func reviewWithoutSubmission(unit: String, round: String, line: Int) -> Diagnostic {
    .error(Message(.reviewWithoutSubmission, unit, round), line: line)
  }

  /// The same reviewer already reviewed the unit.
  public static func duplicateReviewer(_ reviewer: String, unit: String, firstFile: String, line: Int) -> Diagnostic {
    .error(Message(.reviewDuplicateReviewer, reviewer, unit, firstFile), line: line)
  }

  /// A review scores one criterion twice.
  public static func scoredTwice(_ id: String, line: Int, first: Int) -> Diagnostic {
    .error(Message(.reviewScoredTwice, id, String(first)), line: line, subject: id)
  }

  // MARK: - Warnings (validate)

  /// A criterion the unit did not answer.
  public static func unanswered(_ criterion: Criterion) -> Diagnostic {
    .warning(
      Message(.submissionUnanswered, criterion.id, criterion.title), subject: criterion.id)
  }

  /// Less evidence than the rubric asks for.
  public static func tooLittleEvidence(_ criterion: Criterion, has: Int, line: Int) -> Diagnostic {
    .warning(
      Message(.submissionTooLittleEvidence, criterion.id, String(criterion.minimumEvidence), String(has)),
      line: line, subject: criterion.id)
  }

  /// A ★ key item that scores zero.
  public static func keyItemAtZero(_ criterion: Criterion, line: Int) -> Diagnostic {
    .warning(
      Message(.submissionKeyItemAtZero, criterion.id, criterion.title),
      line: line, subject: criterion.id)
  }

  /// An attribute that the criterion's method does not use.
  public static func attributeIgnored(_ attribute: String, criterion: Criterion, line: Int) -> Diagnostic {
    .warning(
      Message(.submissionAttributeIgnored, attribute, criterion.id, criterion.method.name),
      line: line, subject: criterion.id)
  }

  /// A value the unit wrote that a rubric measure replaces.
  public static func valueReplacedByMeasure(_ criterion: Criterion, line: Int) -> Diagnostic {
    .warning(
      Message(.submissionValueReplacedByMeasure, criterion.id),
      line: line, subject: criterion.id)
  }

  /// A check of an item that the rubric decides from data.
  public static func checkIgnored(_ item: String, criterion: Criterion, line: Int) -> Diagnostic {
    .warning(
      Message(.submissionCheckIgnored, item, criterion.id),
      line: line, subject: criterion.id)
  }
}

/// A number as people write it: no trailing `.0`.
public func formatted(_ value: Double) -> String {
  if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
  return String(value)
}
