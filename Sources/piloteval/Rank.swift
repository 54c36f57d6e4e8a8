import ArgumentParser
import PilotEvalCore
import PilotEvalReports
import PilotEvalXML

/// `piloteval rank`: the 以先带后 analysis of a round.
struct Rank: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Pick exemplars, test how robust they are, pair every unit with partners to learn from (以先带后).",
    discussion: """
      按 score 的方式计分，然后给出：示范单位（最高等级，可按分组限额；本轮有专家评审时，默认至少须有 1 份\
      专家评审）及差一步的单位和原因；排名的蒙特卡洛稳健性分析；每个单位最多 k 个结对帮扶单位及可学习的指标；\
      专家评审质量；自评偏高程度。

      Scores the round as `score` does, then reports: exemplars (the top tier, with an optional quota \
      per cohort and a minimum number of reviews — by default 1 when the round has any accepted \
      review) and the units just outside with every rule that kept them out; a Monte Carlo \
      uncertainty analysis of the ranking with each unit's median rank, 5–95% rank interval and \
      probability of reaching the top tier; up to k learning partners per unit with the criteria to \
      learn, beside DEA peers; expert-panel reliability; and how far self scores overstate. JSON keys: \
      docs/ANALYTICS.md.

      Examples:
        R=Rubrics/jgsw-pilot.xml S=Samples/2025H1
        piloteval rank --rubric $R --reviews $S/reviews $S/submissions
        piloteval rank --rubric $R --reviews $S/reviews --per region:2 \\
          --min-reviewers 3 --draws 2000 --seed 7 --format json $S/submissions
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
  }

  @OptionGroup var language: LanguageOption
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
    let analysis = RoundAnalysis(result, options: analysisArguments.options(jobs: jobs, for: result))
    if let out {
      let folder = try ResultFolder(path: out, jobs: jobs)
      try folder.write(result)
      try folder.write(analysis, of: result)
    }
    switch format {
    case .json: Console.output(analysis.jsonText(result))
    case .csv: Console.output(analysis.csv(result))
    case .table: Console.output(analysis.table(result, in: Console.language))
    }
    if !quiet {
      Console.account(result)
    }
  }
}
