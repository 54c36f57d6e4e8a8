public import PilotEvalCore

/// What an expert's review form of one unit is made from.
public struct ReviewSheet: Sendable {
  /// The round (phase `reviewing` or `published`).
  public var round: RoundRecord
  /// The round's rubric.
  public var rubric: Rubric
  /// The unit's latest accepted submission, read as the CLI reads it.
  public var submission: Submission
  /// Its evidence items.
  public var evidence: EvidenceList
  /// The form filled with the unit's own answers.
  public var baseline: ReviewForm
  /// The expert's draft and when it was saved, if there is one.
  public var draft: (form: ReviewForm, savedAt: String)?
  /// Whether the expert has an accepted review of the unit.
  public var reviewed: Bool

  /// The form to show: the draft, else the unit's answers.
  public var form: ReviewForm { draft?.form ?? baseline }
}
