public import PilotEvalCore

/// What a run reads, and how.
public struct RunConfiguration: Sendable {
  /// Submission files or folders (searched recursively for `*.xml`).
  public var paths: [String]
  /// Review files or folders.
  public var reviewPaths: [String]
  /// The round to score; `nil`: the round of the first accepted submission.
  public var round: String?
  /// Worker threads.
  public var jobs: Int
  /// Files larger than this are rejected unread.
  public var sizeLimit: Int

  /// Creates a configuration.
  public init(
    paths: [String], reviewPaths: [String] = [], round: String? = nil, jobs: Int = 1,
    sizeLimit: Int = FileInput.defaultSizeLimit
  ) {
    self.paths = paths
    self.reviewPaths = reviewPaths
    self.round = round
    self.jobs = jobs
    self.sizeLimit = sizeLimit
  }
}

/// Reads and scores one run: every review, then every submission in path byte
/// order, in parallel, keeping only scorecards.
///
///     let result = RoundReader(rubric: rubric).run(RunConfiguration(paths: ["Samples/2025H1/submissions"]))
///     for unit in result.ranked() { print(unit.rank, unit.scorecard.unit.id) }
public struct RoundReader: Sendable {
  /// The rubric of the run.
  public let rubric: Rubric

  /// Creates a reader for `rubric`.
  public init(rubric: Rubric) {
    self.rubric = rubric
  }

  /// Runs the round; `progress` is called after each submission with (done, total).
  public func run(_ configuration: RunConfiguration, progress: ((Int, Int) -> Void)? = nil) -> RoundResult {
    read(configuration, advice: nil, progress: progress) { _, _ in }
  }

  /// Runs the round as `run` does and also gathers what each file should fix
  /// though it is accepted: the published XSD's findings on every file, and for
  /// each accepted submission `SubmissionChecker.warnings`.
  public func validate(_ configuration: RunConfiguration, progress: ((Int, Int) -> Void)? = nil) -> ValidatedRound {
    var warnings: [String: [Diagnostic]] = [:]
    var files: [String] = []
    let advice = Advice(
      reviewSchema: SchemaValidator(kind: .review), submissionSchema: SchemaValidator(kind: .submission),
      checker: SubmissionChecker(rubric: rubric))
    let result = read(configuration, advice: advice, progress: progress) { file, notes in
      files.append(file)
      warnings[file] = notes
    }
    return ValidatedRound(result: result, files: files, warnings: warnings)
  }

  /// What `validate` gathers beside the run.
  private struct Advice: Sendable {
    let reviewSchema: SchemaValidator
    let submissionSchema: SchemaValidator
    let checker: SubmissionChecker
  }

  /// The one pipeline of `run` and `validate`: every review, then every
  /// submission, read and checked on `configuration.jobs` workers and taken in
  /// path order. With `advice`, `note` gets each file's warnings in that order.
  private func read(
    _ configuration: RunConfiguration, advice: Advice?, progress: ((Int, Int) -> Void)?,
    note: (String, [Diagnostic]) -> Void
  ) -> RoundResult {
    let sizeLimit = configuration.sizeLimit
    let reviewEntries = InputCollector.collect(configuration.reviewPaths)
    let reviewReader = ReviewReader(sizeLimit: sizeLimit, keepsComments: false)
    var pool = ReviewPool(rubric: rubric)
    var notes: [Diagnostic] = []
    let reviewChecker = pool
    OrderedParallel.forEach(
      count: reviewEntries.count, jobs: configuration.jobs,
      transform: { index in
        let entry = reviewEntries[index]
        let (loaded, findings) = Self.load(entry, sizeLimit: sizeLimit, schema: advice?.reviewSchema) {
          reviewReader.read(bytes: $0, file: entry.path)
        }
        return (prepared: reviewChecker.prepare(loaded), findings: findings, warnings: loaded.warnings)
      },
      consume: { index, read in
        pool.add(read.prepared)
        notes += read.warnings
        if advice != nil { note(reviewEntries[index].path, read.warnings + read.findings) }
      })

    var builder = RoundBuilder(rubric: rubric, round: configuration.round, pool: pool)
    let entries = InputCollector.collect(configuration.paths)
    // Scorecards carry no notes: the batch leaves them unread, as it does reviewers' comments.
    let reader = SubmissionReader(rubric: rubric, sizeLimit: sizeLimit, pruning: true, keepsNotes: false)
    builder.reserveCapacity(entries.count)
    let scorer = builder
    OrderedParallel.forEach(
      count: entries.count, jobs: configuration.jobs,
      transform: { index in
        let entry = entries[index]
        let (loaded, findings) = Self.load(entry, sizeLimit: sizeLimit, schema: advice?.submissionSchema) {
          reader.read(bytes: $0, file: entry.path)
        }
        let prepared = scorer.prepare(loaded)
        // What to fix if the file is accepted; whether it is is decided in path order.
        var fixes: [Diagnostic] = []
        if let advice, let card = prepared.scorecard, let submission = prepared.submission {
          fixes = advice.checker.warnings(in: submission, scorecard: card).map { $0.inFile(entry.path) }
        }
        return (prepared: prepared, findings: findings, fixes: fixes)
      },
      consume: { index, read in
        let accepted = builder.add(read.prepared) != nil
        if advice != nil { note(entries[index].path, read.findings + (accepted ? read.fixes : [])) }
        progress?(index + 1, entries.count)
      })
    var result = builder.finish()
    result.notes = notes
    return result
  }

  /// Reads one entry (a problem known from the walk, unreadable, or its value),
  /// with `schema`'s findings on it when one is given and the file parses.
  private static func load<Value>(
    _ entry: InputEntry, sizeLimit: Int, schema: SchemaValidator?, parse: ([UInt8]) -> LoadedFile<Value>
  ) -> (LoadedFile<Value>, [Diagnostic]) {
    if let problem = entry.problem { return (LoadedFile(file: entry.path, errors: [problem.inFile(entry.path)]), []) }
    switch FileInput.read(entry.path, sizeLimit: sizeLimit) {
    case .failure(let problem):
      return (LoadedFile(file: entry.path, errors: [problem.inFile(entry.path)]), [])
    case .success(let bytes):
      let loaded = parse(bytes)
      return (loaded, loaded.warnings + (schema?.validate(bytes: bytes, file: entry.path) ?? []))
    }
  }
}

/// A round read by `RoundReader.validate`: the run, and what each file should fix.
public struct ValidatedRound: Sendable {
  /// The run, as `RoundReader.run` gives it.
  public var result: RoundResult
  /// Every file read: the reviews, then the submissions, each in path byte order.
  public var files: [String]
  /// Warnings by file: the XSD's findings, and for accepted submissions `SubmissionChecker.warnings`.
  public var warnings: [String: [Diagnostic]]
}
