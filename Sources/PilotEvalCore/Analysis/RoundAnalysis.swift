/// What the 以先带后 analysis of a round is asked to do.
public struct AnalysisOptions: Sendable {
  /// How exemplars are picked.
  public var exemplars: ExemplarPolicy
  /// Draws, seed and noise of the ranking's uncertainty analysis.
  public var robustness: RobustnessOptions
  /// How many learning partners each unit gets.
  public var partners: PartnerPolicy
  /// A self score this many points above the verified score is an overstatement.
  public var overstatement: Double
  /// An exemplar is robust when it reaches the top tier in at least this share of draws.
  public var robustShare: Double
  /// A criterion's experts disagree when their range exceeds this share of its points.
  public var disagreement: Double
  /// Threads for the parts that run in parallel (results do not depend on it).
  public var jobs: Int

  /// Creates options; every default is the one the documentation states.
  public init(
    exemplars: ExemplarPolicy = .init(), robustness: RobustnessOptions = .init(), partners: PartnerPolicy = .init(),
    overstatement: Double = 5, robustShare: Double = 0.9, disagreement: Double = 0.30, jobs: Int = 1
  ) {
    self.exemplars = exemplars
    self.robustness = robustness
    self.partners = partners
    self.overstatement = overstatement
    self.robustShare = robustShare
    self.disagreement = disagreement
    self.jobs = jobs
  }
}

/// The 以先带后 analysis of one scored round: who leads, how sure that is, who
/// should learn from whom, how reliable the expert panels were, and how far
/// self-assessments can be trusted.
///
///     let analysis = RoundAnalysis(result, options: AnalysisOptions(jobs: 2))
///     for exemplar in analysis.exemplars.exemplars where analysis.isRobust(exemplar) { … }
public struct RoundAnalysis: Sendable {
  /// The options used.
  public var options: AnalysisOptions
  /// Rank order of the round's scorecards.
  public var placements: [Placement]
  /// Exemplars and near misses.
  public var exemplars: ExemplarReport
  /// Median rank, 5–95% rank interval and top-tier probability of every unit, in scorecard order.
  public var robustness: RobustnessReport
  /// Learning partners of each non-exemplary unit, keyed by scorecard position.
  public var partners: [Int: [Partnership]]
  /// DEA efficiency and peers of every unit (outputs: top-level section percentages, one unit input, VRS;
  /// vetoed units are measured but never peers).
  public var peers: [DEAResult]
  /// Expert-panel reliability.
  public var panel: PanelReport
  /// Self score against verified score.
  public var selfAssessment: SelfAssessmentReport
  /// Every cohort's tier counts and medians.
  public var cohorts: [CohortSummary]
  /// The whole round's tier counts and medians.
  public var overall: CohortSummary
  /// Positions of the vetoed scorecards.
  public var vetoedIndexes: Set<Int>

  /// Analyses `result`.
  public init(_ result: RoundResult, options: AnalysisOptions = .init()) {
    let cards = result.scorecards
    let rubric = result.rubric
    self.options = options
    placements = result.placements()
    exemplars = ExemplarReport(cards, placements: placements, rubric: rubric, policy: options.exemplars)
    robustness =
      cards.isEmpty
      ? RobustnessReport.empty(options.robustness)
      : Robustness.analyse(cards, rubric: rubric, options: options.robustness, jobs: options.jobs)
    partners = LearningPartners.partners(
      for: cards, exemplars: exemplars.exemplars.map(\.index), rubric: rubric, policy: options.partners)
    peers = DEA.efficiency(
      outputs: cards.map { Self.sectionShares($0, rubric: rubric) }, peerEligible: cards.map { !$0.vetoed })
    panel = PanelReliability.report(cards, rubric: rubric, rangeThreshold: options.disagreement)
    selfAssessment = SelfAssessmentReport(cards, threshold: options.overstatement)
    cohorts = CohortSummary.summaries(cards, rubric: rubric)
    overall = CohortSummary.overall(cards, rubric: rubric)
    vetoedIndexes = Set(cards.indices.filter { cards[$0].vetoed })
  }

  /// Whether `exemplar` is robust: its top-tier probability's 95% Monte Carlo interval lies at or above
  /// `robustShare` (see `UnitRobustness.verdict(robustShare:)`).
  public func isRobust(_ exemplar: Exemplar) -> Bool { robustness(of: exemplar) == .robust }

  /// How sure it is that `exemplar` holds the top tier; `.notRobust` when no draws were made.
  public func robustness(of exemplar: Exemplar) -> RobustnessVerdict {
    guard robustness.units.indices.contains(exemplar.index) else { return .notRobust }
    return robustness.units[exemplar.index].verdict(robustShare: options.robustShare)
  }

  /// How discriminating DEA was: units on the frontier (efficient) among the units that are not vetoed, and
  /// their share; the share is not defined without such units.
  public var deaEfficientShare: (efficient: Int, units: Int, share: ReliabilityValue) {
    let eligible = peers.indices.filter { index in
      placements.contains { $0.index == index } && !vetoedIndexes.contains(index)
    }
    let efficient = eligible.filter { peers[$0].isEfficient }.count
    return (
      efficient, eligible.count,
      eligible.isEmpty ? .notDefined("no unit that is not vetoed") : .value(Double(efficient) / Double(eligible.count))
    )
  }

  /// Whether the learning partners and the DEA peers of the unit at `index` have no unit in common
  /// (the two methods disagree on whom it should learn from).
  public func methodsDisagree(at index: Int) -> Bool {
    guard let chosen = partners[index], !chosen.isEmpty, peers.indices.contains(index) else { return false }
    let peerSet = Set(peers[index].peers.map(\.unit).filter { $0 != index })
    guard !peerSet.isEmpty else { return false }
    return peerSet.isDisjoint(with: chosen.map(\.partnerIndex))
  }

  /// A unit's share of each top-level section's applicable points; a section that does not apply counts as 1.
  static func sectionShares(_ card: Scorecard, rubric: Rubric) -> [Double] {
    zip(rubric.sections, card.sections).filter { $0.0.parent == nil }.map { _, result in
      result.max > 0 ? result.earned / result.max : 1
    }
  }
}

extension RobustnessReport {
  static func empty(_ options: RobustnessOptions) -> RobustnessReport {
    RobustnessReport(options: options, units: [], description: "no units: no draws were made")
  }
}
