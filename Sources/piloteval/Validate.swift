import ArgumentParser
import PilotEvalCore
import PilotEvalReports
import PilotEvalXML

/// `piloteval validate`: every problem in every file, line by line, before submitting.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check submissions (and reviews) line by line before they are submitted.",
    discussion: """
      Reports every problem in every file, compiler style (FILE:LINE: error|warning: …).
      Errors are what would make `score` reject the file (exit 1). Warnings are worth
      fixing but do not reject: what the published XSD flags, unanswered criteria,
      missing evidence, ★ key items at zero, attributes that are ignored (exit 0 unless
      --strict).
      """)

  @OptionGroup var rubricOption: RubricOption
  @OptionGroup var round: RoundOptions

  @Flag(help: "Exit 1 on warnings too.")
  var strict = false

  @Flag(
    name: .shortAndLong,
    help: "Print no progress or closing count on standard error (findings still go to standard output).")
  var quiet = false

  func run() throws {
    let rubric = try rubricOption.load()
    let progress = ProgressLine(label: "validating", enabled: !quiet)
    let validated = RoundReader(rubric: rubric).validate(round.configuration) {
      progress.update(done: $0, total: $1)
    }
    progress.finish()
    try rubricOption.stopIfFailed(validated.result)
    let rejections = Dictionary(
      validated.result.rejected.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })

    var rejectedCount = 0
    var warningCount = 0
    let output = BufferedOutput(.standardOutput)
    for path in validated.files {
      let errors = rejections[path]?.errors.map { $0.file.isEmpty ? $0.inFile(path) : $0 } ?? []
      let notes = validated.warnings[path] ?? []
      for diagnostic in (errors + notes).sorted(by: { $0.line < $1.line }) {
        output.write(sanitized(diagnostic.description) + "\n")
      }
      if !errors.isEmpty { rejectedCount += 1 }
      warningCount += notes.count
    }
    output.flush()
    let checked = validated.files.count
    if !quiet {
      Console.error(
        "piloteval: \(checked) file(s) checked: \(checked - rejectedCount) accepted, \(rejectedCount) rejected, \(warningCount) warning(s)"
      )
    }
    if rejectedCount > 0 || (strict && warningCount > 0) { throw ExitCode(1) }
  }
}
