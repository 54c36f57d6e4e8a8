import ArgumentParser
import PilotEvalCore
import PilotEvalReports
import PilotEvalXML

/// `piloteval rank`: the 以先带后 analysis of a round.
struct Rank: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Pick exemplars, test how robust they are, pair every unit with partners to learn from (以先带后).",
    discussion: """
      Scores the round as `score` does, then reports: exemplars (the top tier, with an optional
      quota per cohort and a minimum number of reviewers) and the units just outside with every
      rule that kept them out; a Monte Carlo uncertainty analysis of the ranking (section weights
      perturbed, experts resampled) with each unit's median rank, 5–95% rank interval and
      probability of reaching the top tier; up to k learning partners per unit with the criteria to
      learn, beside DEA peers; expert-panel reliability (ICC, Krippendorff's α, lenient and harsh
      raters); and how far self scores overstate. JSON keys: docs/ANALYTICS.md.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
  }

  @OptionGroup var rubricOption: RubricOption
  @OptionGroup var round: RoundOptions

  @Option(help: ArgumentHelp("Output format: table, json or csv.", valueName: "format"))
  var format: Format = .table

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

  @Option(
    help: ArgumentHelp(
      "Write analysis.json, analysis.csv and the score results into this folder (each replaced atomically).",
      valueName: "dir"))
  var out: String?

  @Flag(name: .shortAndLong, help: "Print no progress or summary on standard error.")
  var quiet = false

  mutating func validate() throws {
    if let per, ExemplarPolicy.CohortQuota(parsing: per) == nil {
      throw ValidationError("--per takes region:N, level:N, category:N or a share such as region:10%")
    }
    if draws < 1 { throw ValidationError("--draws must be at least 1") }
    if !(0..<1).contains(noise) { throw ValidationError("--noise must be at least 0 and below 1") }
    if partners < 0 { throw ValidationError("--partners must not be negative") }
  }

  func run() throws {
    let rubric = try rubricOption.load()
    let progress = ProgressLine(label: "scoring", enabled: !quiet)
    let configuration = round.configuration
    let result = RoundReader(rubric: rubric).run(configuration) { progress.update(done: $0, total: $1) }
    progress.finish()
    let options = AnalysisOptions(
      exemplars: ExemplarPolicy(
        quota: per.flatMap(ExemplarPolicy.CohortQuota.init(parsing:)), minimumReviewers: minimumReviewers,
        nearMargin: near),
      robustness: RobustnessOptions(draws: draws, seed: seed, weightNoise: noise, resampleReviewers: !noResample),
      partners: PartnerPolicy(count: partners), overstatement: overstatement, jobs: configuration.jobs)
    let analysis = RoundAnalysis(result, options: options)
    let json = analysis.jsonText(result)
    if let out {
      try ResultFolder(path: out, jobs: configuration.jobs).write(result)
      let folder = out.hasSuffix("/") ? out : out + "/"
      try AtomicFile.write(json, to: folder + "analysis.json")
      try AtomicFile.write(analysis.csv(result), to: folder + "analysis.csv")
    }
    switch format {
    case .json: Console.output(json)
    case .csv: Console.output(analysis.csv(result))
    case .table: Console.output(analysis.table(result))
    }
    if !quiet { Console.error(result.summaryLine()) }
  }
}
