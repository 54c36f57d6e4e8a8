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
    var builder = RoundBuilder(rubric: rubric, round: configuration.round, pool: readReviews(configuration))
    let entries = InputCollector.collect(configuration.paths)
    let reader = SubmissionReader(rubric: rubric, sizeLimit: configuration.sizeLimit)
    builder.reserveCapacity(entries.count)
    let scorer = builder
    OrderedParallel.forEach(
      count: entries.count, jobs: configuration.jobs,
      transform: { index in
        let entry = entries[index]
        if let problem = entry.problem {
          return scorer.prepare(LoadedFile<Submission>(file: entry.path, errors: [problem.inFile(entry.path)]))
        }
        return scorer.prepare(reader.read(path: entry.path))
      },
      consume: { index, prepared in
        builder.add(prepared)
        progress?(index + 1, entries.count)
      })
    return builder.finish()
  }

  private func readReviews(_ configuration: RunConfiguration) -> ReviewPool {
    let entries = InputCollector.collect(configuration.reviewPaths)
    let reader = ReviewReader(sizeLimit: configuration.sizeLimit, keepsComments: false)
    var pool = ReviewPool(rubric: rubric)
    let checker = pool
    OrderedParallel.forEach(
      count: entries.count, jobs: configuration.jobs,
      transform: { index in
        let entry = entries[index]
        if let problem = entry.problem {
          return checker.prepare(LoadedFile<Review>(file: entry.path, errors: [problem.inFile(entry.path)]))
        }
        return checker.prepare(reader.read(path: entry.path))
      },
      consume: { _, prepared in pool.add(prepared) })
    return pool
  }
}
