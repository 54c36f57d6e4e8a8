/// The uncertainty analysis' settings as one sentence, in any language.
extension RobustnessOptions {
  /// What the draws do, for the report (`RobustnessReport.description` is the English form).
  public var summary: Message {
    Message(
      .reportRobustness,
      parts: [
        .text(String(draws)), .text(String(seed)), .text(String(weightNoise)),
        .message(Message(resampleReviewers ? .reportRobustnessResample : .reportRobustnessNoResample)),
      ])
  }
}
