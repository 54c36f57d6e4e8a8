import ArgumentParser
import PilotEvalCore

/// Options shared by `rank` and `report`: how exemplars are picked and how the round is analysed.
struct AnalysisArguments: ParsableArguments {
  @Option(
    help: ArgumentHelp("At most so many exemplars per cohort: region:2, level:1, category:10%.", valueName: "cohort:n"))
  var per: String?

  @Option(name: .customLong("min-reviewers"), help: ArgumentHelp("Exemplars need this many reviews.", valueName: "n"))
  var minimumReviewers = 0

  @Option(help: ArgumentHelp("Report units this many points below the top tier as near misses.", valueName: "points"))
  var near = 5.0

  @Option(help: ArgumentHelp("Monte Carlo draws.", valueName: "n"))
  var draws = 1000

  @Option(help: ArgumentHelp("Random seed (the analysis is reproducible).", valueName: "n"))
  var seed: UInt64 = 1

  @Option(help: ArgumentHelp("Weight noise per top-level section, as a share (0.2 = ±20%).", valueName: "share"))
  var noise = 0.2

  @Flag(name: .customLong("no-resample"), help: "Do not resample which experts count in the draws.")
  var noResample = false

  @Option(help: ArgumentHelp("Learning partners per unit.", valueName: "k"))
  var partners = 3

  @Option(help: ArgumentHelp("Self score above verified by more than this is an overstatement.", valueName: "points"))
  var overstatement = 5.0

  mutating func validate() throws {
    if let per, ExemplarPolicy.CohortQuota(parsing: per) == nil {
      throw ValidationError("--per takes region:N, level:N, category:N or a share such as region:10%")
    }
    if draws < 1 { throw ValidationError("--draws must be at least 1") }
    if draws > UsageLimits.draws { throw UsageLimits.tooLarge("draws", limit: UsageLimits.draws) }
    if partners > UsageLimits.partners { throw UsageLimits.tooLarge("partners", limit: UsageLimits.partners) }
    if !near.isFinite { throw UsageLimits.notFinite("near") }
    if !overstatement.isFinite { throw UsageLimits.notFinite("overstatement") }
    if !(0..<1).contains(noise) { throw ValidationError("--noise must be at least 0 and below 1") }
    if partners < 0 { throw ValidationError("--partners must not be negative") }
  }

  /// The analysis options these arguments describe.
  func options(jobs: Int) -> AnalysisOptions {
    AnalysisOptions(
      exemplars: ExemplarPolicy(
        quota: per.flatMap(ExemplarPolicy.CohortQuota.init(parsing:)), minimumReviewers: minimumReviewers,
        nearMargin: near),
      robustness: RobustnessOptions(draws: draws, seed: seed, weightNoise: noise, resampleReviewers: !noResample),
      partners: PartnerPolicy(count: partners), overstatement: overstatement, jobs: jobs)
  }
}
