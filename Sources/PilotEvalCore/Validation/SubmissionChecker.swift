import Foundation

/// Checks a submission's references against the rubric (SPEC §2 rejection rules
/// that need the rubric), and notes what a unit should fix before submitting.
///
/// Structural problems (not XML, wrong root, missing ids, non-numbers) are the
/// XML layer's; round and duplicate rules are the batch's.
public struct SubmissionChecker: Sendable {
  /// The rubric submissions are checked against.
  public let rubric: Rubric

  /// Creates a checker for `rubric`.
  public init(rubric: Rubric) {
    self.rubric = rubric
  }

  /// Every rejection rule `submission` breaks, in document order.
  public func errors(in submission: Submission) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    if submission.rubricID != rubric.id || submission.rubricVersion != rubric.version {
      problems.append(
        .wrongRubric(
          id: submission.rubricID, version: submission.rubricVersion, expected: rubric, line: submission.line))
    }
    var firstLine = [Int?](repeating: nil, count: rubric.criteria.count)
    for response in submission.responses {
      guard let position = rubric.criterionPosition(response.criterion) else {
        problems.append(.unknownCriterion(response.criterion, line: response.line))
        continue
      }
      let criterion = rubric.criteria[position]
      if let first = firstLine[position] {
        problems.append(.answeredTwice(criterion.id, line: response.line, first: first))
      } else {
        firstLine[position] = response.line
      }
      if !response.applicable && !criterion.isOptional {
        problems.append(.requiredNotApplicable(criterion, line: response.line))
      }
      answerErrors(
        criterion, level: response.level, points: response.points, checks: response.checks, line: response.line,
        into: &problems)
    }
    for claim in submission.bonusClaims where !rubric.bonuses.contains(where: { $0.id == claim.id }) {
      problems.append(.unknownBonus(claim.id, line: claim.line))
    }
    for claim in submission.deductionClaims {
      if !rubric.deductions.contains(where: { $0.id == claim.id }) {
        problems.append(.unknownDeduction(claim.id, line: claim.line))
      }
      if claim.count < 0 { problems.append(.negative("count", claim.count, line: claim.line)) }
    }
    return problems
  }

  /// What a unit should fix before submitting, though the file is accepted.
  public func warnings(in submission: Submission, scorecard: Scorecard) -> [Diagnostic] {
    var notes: [Diagnostic] = []
    for (criterion, result) in zip(rubric.criteria, scorecard.criteria) {
      let response = submission.response(to: criterion.id)
      // A criterion left out is pointed at the <submission> element that should hold it.
      let line = response?.line ?? submission.line
      if let response { notes += ignoredParts(of: response, criterion: criterion) }
      notes += valueWarnings(criterion, response: response, derived: submission.derived)
      switch result.selfStatus {
      case .missing:
        notes.append(Diagnostic.unanswered(criterion).located(line))
      case .insufficientEvidence:
        notes.append(.tooLittleEvidence(criterion, has: response?.evidenceCount ?? 0, line: line))
      case .scored, .notApplicable:
        break
      }
      if criterion.isKey && result.selfStatus != .notApplicable && isZero(result.selfPoints) {
        notes.append(.keyItemAtZero(criterion, line: line))
      }
    }
    return notes
  }

  /// Errors in one answer (a response or a reviewer's score): unknown level or
  /// item, judgement out of range or off step.
  func answerErrors(
    _ criterion: Criterion, level: String?, points: Double?, checks: [String]?, line: Int,
    into problems: inout [Diagnostic]
  ) {
    switch criterion.method {
    case .levels(let levels):
      if let level, !levels.contains(where: { $0.code == level }) {
        problems.append(.unknownLevel(level, criterion: criterion, levels: levels, line: line))
      }
    case .checklist(let items):
      for item in checks ?? [] where !items.contains(where: { $0.id == item }) {
        problems.append(.unknownItem(item, criterion: criterion, items: items, line: line))
      }
    case .judgement(let step):
      if let points {
        if points < -scoringEpsilon || points > criterion.points + scoringEpsilon {
          problems.append(.judgementOutOfRange(points, criterion: criterion, line: line))
        } else if let step, step > 0, abs(points - (points / step).rounded() * step) > scoringEpsilon {
          problems.append(.judgementOffStep(points, step: step, criterion: criterion, line: line))
        }
      }
    case .scale, .bands:
      break
    }
  }

  /// A value its criterion cannot score (a percentage written as 92 for 0.92), a measured
  /// data value that is not a number, and 合理缺项 without a reason.
  private func valueWarnings(_ criterion: Criterion, response: Response?, derived: DerivedData) -> [Diagnostic] {
    if let response, !response.applicable {
      let reason = response.reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
      guard reason.isEmpty else { return [] }
      return [
        .warning(
          Message(.submissionNotApplicableWithoutReason, criterion.id), line: response.line, subject: criterion.id)
      ]
    }
    guard let range = criterion.method.scorableRange else { return [] }
    let (low, high) = (range.lowerBound, range.upperBound)
    if criterion.measure != nil {
      guard let value = derived.measured[criterion.id], let source = derived.measuredSources[criterion.id] else {
        return []
      }
      if value.isNaN || parseNumber(source.text) == nil {
        let message =
          Message.percentAsFraction(source.text).map {
            Message(.submissionDataNotANumberPercent, criterion.id, source.text, $0)
          } ?? Message(.submissionDataNotANumber, criterion.id, source.text)
        return [.warning(message, line: source.line, subject: criterion.id)]
      }
      guard criterion.method.isImplausible(value) else { return [] }
      return [
        .warning(
          .outsideRange(value, criterion: criterion.id, low: low, high: high, measured: true), line: source.line,
          subject: criterion.id)
      ]
    }
    guard let response, let value = response.value, criterion.method.isImplausible(value) else { return [] }
    return [
      .warning(
        .outsideRange(value, criterion: criterion.id, low: low, high: high, measured: false), line: response.line,
        subject: criterion.id)
    ]
  }

  private func ignoredParts(of response: Response, criterion: Criterion) -> [Diagnostic] {
    guard response.applicable else { return [] }
    var notes: [Diagnostic] = []
    let line = response.line
    switch criterion.method {
    case .levels:
      if response.value != nil { notes.append(.attributeIgnored("value", criterion: criterion, line: line)) }
      if response.points != nil { notes.append(.attributeIgnored("points", criterion: criterion, line: line)) }
    case .scale, .bands:
      if response.level != nil { notes.append(.attributeIgnored("level", criterion: criterion, line: line)) }
      if response.points != nil { notes.append(.attributeIgnored("points", criterion: criterion, line: line)) }
      if response.value != nil && criterion.measure != nil {
        notes.append(.valueReplacedByMeasure(criterion, line: line))
      }
    case .judgement:
      if response.level != nil { notes.append(.attributeIgnored("level", criterion: criterion, line: line)) }
      if response.value != nil { notes.append(.attributeIgnored("value", criterion: criterion, line: line)) }
    case .checklist(let items):
      for item in response.checks {
        if items.first(where: { $0.id == item })?.select != nil {
          notes.append(.checkIgnored(item, criterion: criterion, line: line))
        }
      }
    }
    if !criterion.method.isChecklist && !response.checks.isEmpty {
      notes.append(.attributeIgnored("check", criterion: criterion, line: line))
    }
    return notes
  }
}

extension ScoringMethod {
  /// Whether `value` is one a unit most likely did not mean: outside the range the method
  /// scores (a scale's bounds, the bands' outer edges) and either a percentage written as a
  /// whole number (92 for 0.92: above 1 in size, inside the range once divided by 100) or
  /// farther outside than the range is wide. A value just past a scale's full-marks bound
  /// (it scores full marks) or below the first band of a count (it scores 0) is ordinary.
  public func isImplausible(_ value: Double) -> Bool {
    guard value.isFinite, let range = scorableRange, !range.contains(value) else { return false }
    if abs(value) > 1 && range.contains(value / 100) { return true }
    let width = range.upperBound - range.lowerBound
    guard width.isFinite else { return false }
    return value > range.upperBound + width || value < range.lowerBound - width
  }

  var isChecklist: Bool {
    if case .checklist = self { return true }
    return false
  }
}

extension Diagnostic {
  func located(_ line: Int) -> Diagnostic {
    var copy = self
    copy.line = line
    return copy
  }
}
