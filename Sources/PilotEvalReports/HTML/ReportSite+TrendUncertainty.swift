import PilotEvalCore

extension ReportSite {
  /// The regression-to-the-mean caveat of the first-to-last β (`all: false`) or of every β entry, one paragraph
  /// each, the first-to-last pair first.
  func betaCaveatParagraph(_ trend: TrendReport, all: Bool = false) -> String {
    let overall = trend.overallBeta
    let ordered = (overall.map { [$0] } ?? []) + (all ? trend.beta.filter { $0 != overall } : [])
    return ordered.compactMap { entry -> String? in
      guard let caveat = entry.caveat(strings, resamples: trend.options.resamples) else { return nil }
      return "<p class=\"note caveat\">\(HTML.text("\(entry.from) → \(entry.to)：" + caveat))</p>"
    }.joined()
  }

  /// The β table: pair, n, rounds apart, β with its interval and R², the verdict, r, and the corrected slope with
  /// its bootstrap interval; figures that are not defined show `—`.
  func betaRows(_ trend: TrendReport) -> String {
    let level = trend.confidenceLabel(trend.options.confidence)
    return table(
      [
        strings["pair"], "n", strings["periods"], strings["slope"], strings.format("confidenceInterval", level), "R²",
        strings["verdict"], "r", strings["uq.corrected"], strings.format("confidenceInterval", level),
      ],
      trend.beta.map { entry in
        let defined = entry.verdict != .notDefined
        return [
          HTML.text("\(entry.from)\u{00A0}→\u{00A0}\(entry.to)"), String(entry.count), String(entry.periods),
          defined ? fixed(entry.slope, places: 3) : "—",
          defined ? "[\(fixed(entry.lower, places: 3)), \(fixed(entry.upper, places: 3))]" : "—",
          defined ? fixed(entry.rSquared, places: 3) : "—",
          HTML.text(defined ? strings["verdict.\(entry.verdict.rawValue)"] : strings["verdict.notDefined"]),
          entry.r.number.map { fixed($0, places: 3) } ?? "—",
          entry.corrected.number.map { fixed($0, places: 3) } ?? "—",
          entry.correctedInterval.map { "[\(fixed($0.lower, places: 3)), \(fixed($0.upper, places: 3))]" } ?? "—",
        ]
      }, numeric: [1, 2, 3, 4, 5, 7, 8, 9])
  }

  /// " [lower, upper]" for a difference's interval, nothing without one.
  func intervalSuffix(_ interval: ConfidenceInterval?) -> String {
    interval.map { " [\(signed($0.lower)), \(signed($0.upper))]" } ?? ""
  }

  /// A group's mean improvement, or "no units" for an empty group (never a 0.00 mean for nobody).
  func groupMean(_ group: PartnerEffect.Group) -> String {
    group.count > 0 ? signed(group.meanImprovement) : HTML.text(strings["uq.nobody"])
  }
}
