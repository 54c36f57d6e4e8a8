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

  func run() throws {
    let rubric = try rubricOption.load()
    let configuration = round.configuration
    let submissionSchema = SchemaValidator(kind: .submission)
    let reviewSchema = SchemaValidator(kind: .review)
    var warnings: [String: [Diagnostic]] = [:]

    let reviewReader = ReviewReader(sizeLimit: configuration.sizeLimit)
    let reviewEntries = InputCollector.collect(configuration.reviewPaths)
    let reviews = reviewEntries.map { entry -> LoadedFile<Review> in
      let (loaded, schemaFindings) = read(entry, schema: reviewSchema) {
        reviewReader.read(bytes: $0, file: entry.path)
      }
      warnings[entry.path] = schemaFindings
      return loaded
    }

    var builder = RoundBuilder(rubric: rubric, round: configuration.round, reviews: reviews)
    let reader = SubmissionReader(rubric: rubric, sizeLimit: configuration.sizeLimit)
    let checker = SubmissionChecker(rubric: rubric)
    let entries = InputCollector.collect(configuration.paths)
    for entry in entries {
      let (loaded, schemaFindings) = read(entry, schema: submissionSchema) { reader.read(bytes: $0, file: entry.path) }
      var notes = schemaFindings
      if let card = builder.add(loaded), let submission = loaded.value {
        notes += checker.warnings(in: submission, scorecard: card).map { $0.inFile(entry.path) }
      }
      warnings[entry.path] = notes
    }
    let result = builder.finish()
    let rejections = Dictionary(result.rejected.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })

    var rejectedCount = 0
    var warningCount = 0
    for path in (reviewEntries + entries).map(\.path) {
      let errors = rejections[path]?.errors.map { $0.file.isEmpty ? $0.inFile(path) : $0 } ?? []
      let notes = warnings[path] ?? []
      for diagnostic in (errors + notes).sorted(by: { $0.line < $1.line }) {
        Console.output(sanitized(diagnostic.description) + "\n")
      }
      if !errors.isEmpty { rejectedCount += 1 }
      warningCount += notes.count
    }
    let checked = reviewEntries.count + entries.count
    Console.error(
      "piloteval: \(checked) file(s) checked: \(checked - rejectedCount) accepted, \(rejectedCount) rejected, \(warningCount) warning(s)"
    )
    if rejectedCount > 0 || (strict && warningCount > 0) { throw ExitCode(1) }
  }

  /// Reads one entry, with the schema's findings on it when it parses.
  private func read<Value>(
    _ entry: InputEntry, schema: SchemaValidator, using load: ([UInt8]) -> LoadedFile<Value>
  ) -> (LoadedFile<Value>, [Diagnostic]) {
    if let problem = entry.problem { return (LoadedFile(file: entry.path, errors: [problem.inFile(entry.path)]), []) }
    switch FileInput.read(entry.path, sizeLimit: round.maxSize) {
    case .failure(let problem):
      return (LoadedFile(file: entry.path, errors: [problem.inFile(entry.path)]), [])
    case .success(let bytes):
      return (load(bytes), schema.validate(bytes: bytes, file: entry.path))
    }
  }
}
