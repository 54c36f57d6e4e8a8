/// How every input of a run was accounted for: submissions = scored + rejected.
public struct RunSummary: Sendable, Hashable {
  /// Submission files considered.
  public var submissions: Int
  /// Submissions accepted and scored.
  public var scored: Int
  /// Submissions rejected.
  public var rejectedSubmissions: Int
  /// Reviews accepted and applied.
  public var reviewsApplied: Int
  /// Reviews rejected.
  public var rejectedReviews: Int
}

extension RoundResult {
  /// The run's closing account.
  public var summary: RunSummary {
    let rejectedSubmissions = rejected.filter { $0.kind == .submission }.count
    return RunSummary(
      submissions: submissionsSeen, scored: scorecards.count, rejectedSubmissions: rejectedSubmissions,
      reviewsApplied: reviewsApplied, rejectedReviews: rejected.count - rejectedSubmissions)
  }
}
