import ArgumentParser
import Foundation
import PilotEvalCore
import PilotEvalReports
import PilotEvalXML

/// The rubric every command that reads submissions needs.
struct RubricOption: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("The scoring rubric (评估细则/计分表), an XML file.", valueName: "rubric.xml"))
  var rubric: String

  /// Loads the rubric or exits with status 2, printing why.
  func load() throws -> Rubric {
    switch RubricReader.load(path: rubric) {
    case .success(let loaded):
      return loaded.rubric
    case .failure(let refusal):
      for diagnostic in refusal.diagnostics { Console.error(Console.line(diagnostic, file: rubric)) }
      Console.fail(Message(.commandRubricUnusable, rubric))
      throw ExitCode(2)
    }
  }

  /// Exits with status 2 when scoring found a fault of the rubric (an XPath that
  /// raised an error on some file): no result of such a run is written.
  func stopIfFailed(_ result: RoundResult) throws {
    guard let failure = result.rubricFailure else { return }
    Console.error(Console.line(failure, file: rubric))
    throw ExitCode(2)
  }
}

/// Options shared by every command that reads a round of submissions.
struct RoundOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp("A folder of expert reviews (专家评审), searched recursively for *.xml.", valueName: "dir"))
  var reviews: [String] = []

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The round to score. Default: the round of the first accepted submission in path order; other rounds are rejected.",
      valueName: "id"))
  var round: String?

  @Option(
    name: .long, parsing: .unconditional, help: ArgumentHelp("Worker threads. Default: all cores.", valueName: "n"))
  var jobs: Int?

  @Option(
    name: .customLong("max-size"), parsing: .unconditional,
    help: ArgumentHelp("Reject submissions and reviews larger than this many bytes.", valueName: "bytes"))
  var maxSize: Int = FileInput.defaultSizeLimit

  @Argument(help: ArgumentHelp("Submission files or folders (searched recursively for *.xml).", valueName: "path"))
  var paths: [String]

  mutating func validate() throws {
    if paths.isEmpty { throw Console.usage(Message(.commandNameSubmissions)) }
    if let jobs, jobs < 1 { throw Console.usage(Message(.commandAtLeastOne, "--jobs", String(jobs))) }
    if let jobs, jobs > UsageLimits.jobs { throw UsageLimits.tooLarge("jobs", limit: UsageLimits.jobs) }
    if maxSize < 1 { throw Console.usage(Message(.commandPositive, "--max-size", String(maxSize))) }
    if maxSize > UsageLimits.maxSize { throw UsageLimits.tooLarge("max-size", limit: UsageLimits.maxSize) }
  }

  /// Stops the command (exit 1, nothing written) when a named path does not exist, or when
  /// the submission paths hold no `*.xml` at all. A reviews folder without XML is a round
  /// without reviews, which is allowed.
  func checkPaths() throws {
    var missing = false
    for path in paths where !FileManager.default.fileExists(atPath: path) {
      Console.fail(Message(.commandPathMissing, path))
      missing = true
    }
    for path in reviews where !FileManager.default.fileExists(atPath: path) {
      Console.fail(Message(.commandReviewsMissing, path))
      missing = true
    }
    if missing { throw ExitCode(1) }
    if InputCollector.collect(paths).isEmpty {
      Console.fail(Message(.commandNoXML, paths.joined(separator: " ")))
      throw ExitCode(1)
    }
  }

  var configuration: RunConfiguration {
    RunConfiguration(
      paths: paths, reviewPaths: reviews, round: round,
      jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, sizeLimit: maxSize)
  }
}

extension RoundOptions {
  /// Loads the rubric and scores the round, with a progress line on a terminal unless `quiet`.
  func score(_ rubricOption: RubricOption, quiet: Bool) throws -> RoundResult {
    try checkPaths()
    let rubric = try rubricOption.load()
    let progress = ProgressLine(label: Console.text(Message(.commandProgressScoring)), enabled: !quiet)
    let result = RoundReader(rubric: rubric).run(configuration) { progress.update(done: $0, total: $1) }
    progress.finish()
    try rubricOption.stopIfFailed(result)
    return result
  }
}
