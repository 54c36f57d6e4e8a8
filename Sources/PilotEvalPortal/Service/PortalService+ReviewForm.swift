public import Foundation
import PilotEvalCore
import PilotEvalXML

extension PortalService {
  /// The review form of `unit` for `principal`: refused unless they are an expert of the round
  /// assigned to the unit (404/403 as `expertAccess`), and while the round is still
  /// `submitting` (409: the unit's answers may still change).
  public func reviewSheet(_ principal: Principal, unit: String) async throws -> ReviewSheet {
    let round = try await expertAccess(principal, round: principal.round ?? "", unit: unit)
    guard round.phase != .submitting else {
      throw PortalFailure(409, "conflict", .errorPhase, [round.id, round.phase.rawValue])
    }
    let uploads = try await store.uploads(round: round.id, unit: unit)
    guard let accepted = uploads.last(where: { $0.status == .accepted }),
      let bytes = try await store.bytes(round: round.id, unit: unit, version: accepted.version)
    else { throw PortalFailure(404, "not-found", .errorNoAcceptedVersion, [unit, round.id]) }
    let rubric = try await rubric(for: round)
    let sizeLimit = configuration.sizeLimit
    let (loaded, evidence) = await pool.run {
      (
        SubmissionReader(rubric: rubric, sizeLimit: sizeLimit).read(bytes: bytes, file: "\(unit).xml"),
        EvidenceReader(sizeLimit: sizeLimit).read(bytes: bytes)
      )
    }
    guard let submission = loaded.value else { throw PortalFailure.internalError }
    let store = try reviewStore()
    let reviewer = principal.subject
    let draft = try await store.draft(round: round.id, unit: unit, reviewer: reviewer).flatMap { stored in
      ReviewForm.decode(stored.fields).map { (form: $0, savedAt: stored.savedAt) }
    }
    let reviewed = try store.assignments(round: round.id).contains {
      $0.unit == unit && $0.reviewer == reviewer && $0.reviewed
    }
    return ReviewSheet(
      round: round, rubric: rubric, submission: submission, evidence: evidence,
      baseline: ReviewForm.prefilled(rubric: rubric, submission: submission), draft: draft, reviewed: reviewed)
  }

  /// Replaces the expert's draft of `unit` by `form` (only while the round is `reviewing`);
  /// returns when it was saved.
  @discardableResult
  public func saveDraft(
    _ form: ReviewForm, sheet: ReviewSheet, unit: String, reviewer: String, at date: Date
  ) async throws -> String {
    guard sheet.round.phase == .reviewing else {
      throw PortalFailure(409, "conflict", .errorPhase, [sheet.round.id, sheet.round.phase.rawValue])
    }
    let savedAt = PortalClock.timestamp(date, offsetSeconds: configuration.offsetSeconds)
    try await reviewStore().saveDraft(
      round: sheet.round.id, unit: unit, reviewer: reviewer, fields: form.json(), savedAt: savedAt)
    return savedAt
  }

  /// Submits `form` as `reviewer`'s review of `unit`: saves it as the draft, makes its review
  /// XML, and — unless the form says what the format cannot — validates and keeps it exactly
  /// as the API's PUT does (`review`). Returns the XML and the stored review, if any.
  public func submitReviewForm(
    _ form: ReviewForm, sheet: ReviewSheet, unit: String, reviewer: String, received: Date, audit: AuditEntry
  ) async throws -> (document: ReviewForm.Document, record: ReviewRecord?) {
    try await saveDraft(form, sheet: sheet, unit: unit, reviewer: reviewer, at: received)
    let document = form.xml(
      rubric: sheet.rubric, submission: sheet.submission, baseline: sheet.baseline, evidence: sheet.evidence,
      unit: unit, round: sheet.round.id, reviewer: reviewer)
    guard document.unsayable.isEmpty else { return (document, nil) }
    let record = try await review(
      document.bytes, round: sheet.round, unit: unit, reviewer: reviewer, received: received, audit: audit)
    return (document, record)
  }
}
