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

  @OptionGroup var analysisArguments: AnalysisArguments

  @Option(
    help: ArgumentHelp(
      "Write analysis.json, analysis.csv and the score results into this folder (each replaced atomically).",
      valueName: "dir"))
  var out: String?

  @Flag(name: .shortAndLong, help: "Print no progress or summary on standard error.")
  var quiet = false

  func run() throws {
    let result = try round.score(rubricOption, quiet: quiet)
    let jobs = round.configuration.jobs
    let analysis = RoundAnalysis(result, options: analysisArguments.options(jobs: jobs))
    if let out {
      let folder = try ResultFolder(path: out, jobs: jobs)
      try folder.write(result)
      try folder.write(analysis, of: result)
    }
    switch format {
    case .json: Console.output(analysis.jsonText(result))
    case .csv: Console.output(analysis.csv(result))
    case .table: Console.output(analysis.table(result))
    }
    if !quiet {
      for line in result.rejectionLines() { Console.error(line) }
      Console.error(result.summaryLine())
    }
  }
}
