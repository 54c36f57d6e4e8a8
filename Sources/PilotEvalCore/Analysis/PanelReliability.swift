/// Inter-rater reliability of an expert panel: how far reviewers agree on the units they scored.
///
/// Pure functions of the scorecards; the statistics themselves live on `RatingMatrix`
/// (`oneWayICC()`, `twoWayICC()`, `krippendorffAlpha()`, `raterDeviations()`, `spreads(flaggingAbove:)`).
///
///     let report = PanelReliability.report(scorecards, rubric: rubric)
///     report.headlineICC.single  // .value(0.71)
///     report.criteria.flatMap(\.needingConsensus)
public enum PanelReliability {
  /// The panel report of `scorecards` (one round's), scored against `rubric`.
  ///
  /// - Parameters:
  ///   - scorecards: the scorecards; those without reviews are left out.
  ///   - rubric: the rubric they were scored against, for criterion ids and full points.
  ///   - rangeThreshold: a subject's ratings of a criterion need consensus when their max − min range exceeds
  ///     this fraction of the criterion's full points (`0.30`: more than 30%).
  public static func report(_ scorecards: [Scorecard], rubric: Rubric, rangeThreshold: Double = 0.30) -> PanelReport {
    let totals = RatingMatrix.from(scorecards, criterion: nil)
    let oneWay = totals.oneWayICC()
    let twoWay = totals.twoWayICC()
    let (headline, reason) = headline(totals, twoWay: twoWay)
    let criteria = rubric.criteria.indices.map { index in
      let criterion = rubric.criteria[index]
      let limit = rangeThreshold * criterion.points
      return CriterionSpread(
        criterion: criterion.id, max: criterion.points, limit: limit,
        subjects: RatingMatrix.from(scorecards, criterion: index).spreads(flaggingAbove: limit))
    }
    return PanelReport(
      headline: headline, headlineReason: reason, oneWay: oneWay, twoWay: twoWay, alpha: totals.krippendorffAlpha(),
      panelCount: Set(totals.subjects.indices.map(totals.panel(of:))).count,
      subjects: totals.subjects.count, raters: totals.raters.count, ratings: totals.ratingCount,
      rangeThreshold: rangeThreshold, criteria: criteria, raterDeviations: totals.raterDeviations())
  }

  /// The model to quote first, with the sentence that says why.
  static func headline(_ totals: RatingMatrix, twoWay: ICCEstimate) -> (ICCForm, String) {
    let panels = Set(totals.subjects.indices.map(totals.panel(of:)))
    guard !totals.subjects.isEmpty else {
      return (.oneWay, "no subject has reviews, so no panel design can be read from the data.")
    }
    guard totals.activeRaters >= 2 else {
      return (
        .oneWay,
        "only 1 reviewer rated this round, so there is no second opinion to agree with: no ICC and no alpha "
          + "is defined."
      )
    }
    let search = twoWay.blockSearch == .greedy ? "greedy search" : "exact search"
    if panels.count == 1 {
      guard twoWay.subjects >= 3 else {
        return (
          .twoWay,
          "every subject was rated by the same \(totals.raters.count) raters, but fewer than 3 subjects were "
            + "rated, so the two-way figures are not defined."
        )
      }
      return (
        .twoWay,
        "every subject was rated by the same \(totals.raters.count) raters, so raters are crossed with subjects: "
          + "two-way random model, absolute agreement, on all \(totals.subjects.count) subjects."
      )
    }
    let design =
      "panels differ between subjects (\(panels.count) different panels), so rater effects cannot be separated "
      + "from error: one-way random model; "
    guard twoWay.subjects >= 3 else {
      return (
        .oneWay,
        design + "no 3 subjects share a panel of 2 or more raters, so the two-way figures are not defined."
      )
    }
    return (
      .oneWay,
      design + "the two-way figures rest only on the \(twoWay.subjects) subjects rated by all of "
        + "\(twoWay.raters.joined(separator: ", ")) (the complete block with the most ratings, \(search))."
    )
  }
}
