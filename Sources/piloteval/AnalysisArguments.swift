import ArgumentParser
import PilotEvalCore

/// Options shared by `rank` and `report`: how exemplars are picked and how the round is analysed.
struct AnalysisArguments: ParsableArguments {
  @Option(
    help: ArgumentHelp("At most so many exemplars per cohort: region:2, level:1, category:10%.", valueName: "cohort:n"))
  var per: String?

  @Option(
    name: .customLong("min-reviewers"), parsing: .unconditional,
    help: ArgumentHelp(
      "Exemplars and learning partners need this many expert reviews. Default: 1 when the round has any accepted review, else 0.",
      valueName: "n"))
  var minimumReviewers: Int?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Report units this many points below the top tier as near misses.", valueName: "points"))
  var near = 5.0

  @Option(parsing: .unconditional, help: ArgumentHelp("Monte Carlo draws.", valueName: "n"))
  var draws = 1000

  @Option(parsing: .unconditional, help: ArgumentHelp("Random seed (the analysis is reproducible).", valueName: "n"))
  var seed: UInt64 = 1

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Weight noise per top-level section, as a share (0.2 = ±20%).", valueName: "share"))
  var noise = 0.2

  @Flag(name: .customLong("no-resample"), help: "Do not resample which experts count in the draws.")
  var noResample = false

  @Option(parsing: .unconditional, help: ArgumentHelp("Learning partners per unit.", valueName: "k"))
  var partners = 3

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Self score above verified by more than this is an overstatement.", valueName: "points"))
  var overstatement = 5.0

  mutating func validate() throws {
    if let per, ExemplarPolicy.CohortQuota(parsing: per) == nil { throw Console.usage(Message(.commandPer)) }
    if draws < 1 { throw Console.usage(Message(.commandAtLeastOne, "--draws", String(draws))) }
    if !(0..<1).contains(noise) { throw Console.usage(Message(.commandNoise, formatted(noise))) }
    if partners < 0 { throw Console.usage(Message(.commandNotNegative, "--partners", String(partners))) }
    if let minimumReviewers, minimumReviewers < 0 {
      throw Console.usage(Message(.commandNotNegative, "--min-reviewers", String(minimumReviewers)))
    }
    if !near.isFinite { throw UsageLimits.notFinite("near") }
    if !overstatement.isFinite { throw UsageLimits.notFinite("overstatement") }
    if near < 0 { throw Console.usage(Message(.commandNotNegative, "--near", formatted(near))) }
    if overstatement < 0 {
      throw Console.usage(Message(.commandNotNegative, "--overstatement", formatted(overstatement)))
    }
    if draws > UsageLimits.draws { throw UsageLimits.tooLarge("draws", limit: UsageLimits.draws) }
    if partners > UsageLimits.partners { throw UsageLimits.tooLarge("partners", limit: UsageLimits.partners) }
  }

  /// The analysis options these arguments describe, for `result`: without `--min-reviewers`,
  /// a round with any accepted review needs one review for an exemplar or partner, else none.
  func options(jobs: Int, for result: RoundResult) -> AnalysisOptions {
    let minimum = minimumReviewers ?? (result.summary.reviewsApplied > 0 ? 1 : 0)
    return AnalysisOptions(
      exemplars: ExemplarPolicy(
        quota: per.flatMap(ExemplarPolicy.CohortQuota.init(parsing:)), minimumReviewers: minimum,
        nearMargin: near),
      robustness: RobustnessOptions(draws: draws, seed: seed, weightNoise: noise, resampleReviewers: !noResample),
      partners: PartnerPolicy(count: partners), overstatement: overstatement, jobs: jobs)
  }
}
