/// Every message PilotEval gives about submissions and reviews, defined once.
///
/// Messages are lowercase and quote the offending value; where it helps they
/// say what would be accepted instead.
extension Diagnostic {
  // MARK: - Submissions

  /// The submission names another rubric id or version.
  public static func wrongRubric(id: String, version: String, expected rubric: Rubric, line: Int) -> Diagnostic {
    .error("submission is for rubric \(id) \(version), not \(rubric.id) \(rubric.version)", line: line)
  }

  /// A response names a criterion the rubric does not have.
  public static func unknownCriterion(_ id: String, line: Int) -> Diagnostic {
    .error("unknown criterion '\(id)'", line: line, subject: id)
  }

  /// A level code the criterion does not define.
  public static func unknownLevel(_ code: String, criterion: Criterion, levels: [Level], line: Int) -> Diagnostic {
    .error(
      "unknown level '\(code)' for criterion \(criterion.id) (expected \(levels.map(\.code).joined(separator: ", ")))",
      line: line, subject: criterion.id)
  }

  /// A checklist item the criterion does not define.
  public static func unknownItem(_ item: String, criterion: Criterion, items: [ChecklistItem], line: Int) -> Diagnostic
  {
    .error(
      "unknown checklist item '\(item)' for criterion \(criterion.id) (expected \(items.map(\.id).joined(separator: ", ")))",
      line: line, subject: criterion.id)
  }

  /// A bonus id the rubric does not define.
  public static func unknownBonus(_ id: String, line: Int) -> Diagnostic {
    .error("unknown bonus '\(id)'", line: line, subject: id)
  }

  /// A deduction id the rubric does not define.
  public static func unknownDeduction(_ id: String, line: Int) -> Diagnostic {
    .error("unknown deduction '\(id)'", line: line, subject: id)
  }

  /// A veto id the rubric does not define.
  public static func unknownVeto(_ id: String, line: Int) -> Diagnostic {
    .error("unknown veto '\(id)'", line: line, subject: id)
  }

  /// A required criterion answered not applicable.
  public static func requiredNotApplicable(_ criterion: Criterion, line: Int) -> Diagnostic {
    .error(
      "criterion \(criterion.id) is required and cannot be declared not applicable (applicable=\"false\")",
      line: line, subject: criterion.id)
  }

  /// The same criterion answered twice.
  public static func answeredTwice(_ id: String, line: Int, first: Int) -> Diagnostic {
    .error("criterion \(id) is answered twice (first at line \(first))", line: line, subject: id)
  }

  /// A judgement outside 0…points.
  public static func judgementOutOfRange(_ points: Double, criterion: Criterion, line: Int) -> Diagnostic {
    .error(
      "points \(formatted(points)) for criterion \(criterion.id) are out of range (0 to \(formatted(criterion.points)))",
      line: line, subject: criterion.id)
  }

  /// A judgement that is not a multiple of the step.
  public static func judgementOffStep(_ points: Double, step: Double, criterion: Criterion, line: Int) -> Diagnostic {
    .error(
      "points \(formatted(points)) for criterion \(criterion.id) are not a multiple of the step \(formatted(step))",
      line: line, subject: criterion.id)
  }

  /// A negative count.
  public static func negative(_ attribute: String, _ value: Double, line: Int) -> Diagnostic {
    .error("\(attribute) must not be negative: '\(formatted(value))'", line: line)
  }

  /// Another accepted file earlier in the run holds the same unit and round.
  public static func duplicateSubmission(unit: String, round: String, firstFile: String) -> Diagnostic {
    .error("duplicate submission for unit \(unit) round \(round) (already read from \(firstFile))", line: 1)
  }

  /// The submission belongs to another round than the run's.
  public static func wrongRound(_ round: String, runRound: String, line: Int) -> Diagnostic {
    .error("submission is for round \(round), but this run scores round \(runRound) (see --round)", line: line)
  }

  // MARK: - Reviews

  /// The review names another rubric id.
  public static func reviewWrongRubric(_ id: String, expected rubric: Rubric, line: Int) -> Diagnostic {
    .error("review is for rubric \(id), not \(rubric.id)", line: line)
  }

  /// No accepted submission has the review's unit and round.
  public static func reviewWithoutSubmission(unit: String, round: String, line: Int) -> Diagnostic {
    .error("review names no known submission (unit \(unit), round \(round))", line: line)
  }

  /// The same reviewer already reviewed the unit.
  public static func duplicateReviewer(_ reviewer: String, unit: String, firstFile: String, line: Int) -> Diagnostic {
    .error("reviewer \(reviewer) already reviewed unit \(unit) in \(firstFile)", line: line)
  }

  /// A review scores one criterion twice.
  public static func scoredTwice(_ id: String, line: Int, first: Int) -> Diagnostic {
    .error("criterion \(id) is scored twice (first at line \(first))", line: line, subject: id)
  }

  // MARK: - Warnings (validate)

  /// A criterion the unit did not answer.
  public static func unanswered(_ criterion: Criterion) -> Diagnostic {
    .warning(
      "criterion \(criterion.id) (\(criterion.title)) has no answer: it will score 0 as missing", subject: criterion.id)
  }

  /// Less evidence than the rubric asks for.
  public static func tooLittleEvidence(_ criterion: Criterion, has: Int, line: Int) -> Diagnostic {
    .warning(
      "criterion \(criterion.id) needs at least \(criterion.minimumEvidence) evidence item(s) but has \(has): it will score 0 (无佐证材料不得分)",
      line: line, subject: criterion.id)
  }

  /// A ★ key item that scores zero.
  public static func keyItemAtZero(_ criterion: Criterion, line: Int) -> Diagnostic {
    .warning(
      "★ key criterion \(criterion.id) (\(criterion.title)) scores 0: the unit will be placed in the lowest tier",
      line: line, subject: criterion.id)
  }

  /// An attribute that the criterion's method does not use.
  public static func attributeIgnored(_ attribute: String, criterion: Criterion, line: Int) -> Diagnostic {
    .warning(
      "'\(attribute)' is ignored: criterion \(criterion.id) is scored by \(criterion.method.name)",
      line: line, subject: criterion.id)
  }

  /// A value the unit wrote that a rubric measure replaces.
  public static func valueReplacedByMeasure(_ criterion: Criterion, line: Int) -> Diagnostic {
    .warning(
      "the value written for criterion \(criterion.id) is not used: the rubric measures it from <data>",
      line: line, subject: criterion.id)
  }

  /// A check of an item that the rubric decides from data.
  public static func checkIgnored(_ item: String, criterion: Criterion, line: Int) -> Diagnostic {
    .warning(
      "<check item=\"\(item)\"/> is ignored: item \(item) of criterion \(criterion.id) is decided from <data>",
      line: line, subject: criterion.id)
  }
}

/// A number as people write it: no trailing `.0`.
public func formatted(_ value: Double) -> String {
  if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
  return String(value)
}
