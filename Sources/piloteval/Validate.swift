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
    let configuration = round.configuration
    let sizeLimit = configuration.sizeLimit
    let submissionSchema = SchemaValidator(kind: .submission)
    let reviewSchema = SchemaValidator(kind: .review)
    var warnings: [String: [Diagnostic]] = [:]

    // Files are read, schema-checked and checked against the rubric on every
    // core; results are taken in path order, as `score` does.
    let reviewReader = ReviewReader(sizeLimit: sizeLimit)
    let reviewEntries = InputCollector.collect(configuration.reviewPaths)
    var pool = ReviewPool(rubric: rubric)
    let reviewChecker = pool
    OrderedParallel.forEach(
      count: reviewEntries.count, jobs: configuration.jobs,
      transform: { index in
        let entry = reviewEntries[index]
        let (loaded, findings) = Self.read(entry, schema: reviewSchema, sizeLimit: sizeLimit) {
          reviewReader.read(bytes: $0, file: entry.path)
        }
        return (prepared: reviewChecker.prepare(loaded), findings: findings)
      },
      consume: { index, read in
        pool.add(read.prepared)
        warnings[reviewEntries[index].path] = read.findings
      })

    var builder = RoundBuilder(rubric: rubric, round: configuration.round, pool: pool)
    let scorer = builder
    let reader = SubmissionReader(rubric: rubric, sizeLimit: sizeLimit)
    let checker = SubmissionChecker(rubric: rubric)
    let entries = InputCollector.collect(configuration.paths)
    let progress = ProgressLine(label: "validating", enabled: !quiet)
    OrderedParallel.forEach(
      count: entries.count, jobs: configuration.jobs,
      transform: { index in
        let entry = entries[index]
        let (loaded, findings) = Self.read(entry, schema: submissionSchema, sizeLimit: sizeLimit) {
          reader.read(bytes: $0, file: entry.path)
        }
        let prepared = scorer.prepare(loaded)
        // What to fix if the file is accepted; whether it is is decided in path order below.
        var advice: [Diagnostic] = []
        if let card = prepared.scorecard, let submission = prepared.submission {
          advice = checker.warnings(in: submission, scorecard: card).map { $0.inFile(entry.path) }
        }
        return (prepared: prepared, findings: findings, advice: advice)
      },
      consume: { index, read in
        let accepted = builder.add(read.prepared) != nil
        warnings[entries[index].path] = read.findings + (accepted ? read.advice : [])
        progress.update(done: index + 1, total: entries.count)
      })
    progress.finish()
    let result = builder.finish()
    let rejections = Dictionary(result.rejected.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })

    var rejectedCount = 0
    var warningCount = 0
    let output = BufferedOutput(.standardOutput)
    for path in (reviewEntries + entries).map(\.path) {
      let errors = rejections[path]?.errors.map { $0.file.isEmpty ? $0.inFile(path) : $0 } ?? []
      let notes = warnings[path] ?? []
      for diagnostic in (errors + notes).sorted(by: { $0.line < $1.line }) {
        output.write(sanitized(diagnostic.description) + "\n")
      }
      if !errors.isEmpty { rejectedCount += 1 }
      warningCount += notes.count
    }
    output.flush()
    let checked = reviewEntries.count + entries.count
    if !quiet {
      Console.error(
        "piloteval: \(checked) file(s) checked: \(checked - rejectedCount) accepted, \(rejectedCount) rejected, \(warningCount) warning(s)"
      )
    }
    if rejectedCount > 0 || (strict && warningCount > 0) { throw ExitCode(1) }
  }

  /// Reads one entry, with the schema's findings on it when it parses.
  private static func read<Value>(
    _ entry: InputEntry, schema: SchemaValidator, sizeLimit: Int, using load: ([UInt8]) -> LoadedFile<Value>
  ) -> (LoadedFile<Value>, [Diagnostic]) {
    if let problem = entry.problem { return (LoadedFile(file: entry.path, errors: [problem.inFile(entry.path)]), []) }
    switch FileInput.read(entry.path, sizeLimit: sizeLimit) {
    case .failure(let problem):
      return (LoadedFile(file: entry.path, errors: [problem.inFile(entry.path)]), [])
    case .success(let bytes):
      return (load(bytes), schema.validate(bytes: bytes, file: entry.path))
    }
  }
}
