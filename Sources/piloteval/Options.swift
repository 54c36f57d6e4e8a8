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
      for diagnostic in refusal.diagnostics { Console.error(diagnostic.description) }
      Console.error("error: the rubric \(rubric) cannot be used; run `piloteval check-rubric \(rubric)` for details")
      throw ExitCode(2)
    }
  }

  /// Exits with status 2 when scoring found a fault of the rubric (an XPath that
  /// raised an error on some file): no result of such a run is written.
  func stopIfFailed(_ result: RoundResult) throws {
    guard let failure = result.rubricFailure else { return }
    Console.error(sanitized(failure.inFile(rubric).description))
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

  @Option(name: .long, help: ArgumentHelp("Worker threads. Default: all cores.", valueName: "n"))
  var jobs: Int?

  @Option(
    name: .customLong("max-size"),
    help: ArgumentHelp("Reject submissions and reviews larger than this many bytes.", valueName: "bytes"))
  var maxSize: Int = FileInput.defaultSizeLimit

  @Argument(help: ArgumentHelp("Submission files or folders (searched recursively for *.xml).", valueName: "path"))
  var paths: [String]

  mutating func validate() throws {
    if paths.isEmpty { throw ValidationError("name at least one submission file or folder") }
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    if let jobs, jobs > UsageLimits.jobs { throw UsageLimits.tooLarge("jobs", limit: UsageLimits.jobs) }
    if maxSize < 1 { throw ValidationError("--max-size must be positive") }
    if maxSize > UsageLimits.maxSize { throw UsageLimits.tooLarge("max-size", limit: UsageLimits.maxSize) }
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
    let rubric = try rubricOption.load()
    let progress = ProgressLine(label: "scoring", enabled: !quiet)
    let result = RoundReader(rubric: rubric).run(configuration) { progress.update(done: $0, total: $1) }
    progress.finish()
    try rubricOption.stopIfFailed(result)
    return result
  }
}

/// Writing to the terminal.
enum Console {
  static func output(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  static func error(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  static var stderrIsTerminal: Bool { isatty(2) == 1 }
}
