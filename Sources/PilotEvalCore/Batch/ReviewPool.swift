import Foundation

/// Every review of a run, checked against the rubric and indexed by unit, ready
/// to be matched with submissions (SPEC §3). Built before the submissions are
/// read; while they are scored, `RoundBuilder` shares it between threads behind
/// a lock (`SharedReviewPool`), and each unit's reviews are released once a
/// submission of the unit has been accepted.
public struct ReviewPool: Sendable {
  /// A review that passed its own checks, with where it came from.
  public struct Entry: Sendable {
    /// The file, as found.
    public var file: String
    /// The review, as scoring sees it (comments are not kept).
    public var review: Review
  }

  /// A review of a unit whose reviewer already reviewed it in an earlier file.
  public struct Duplicate: Sendable {
    /// The later review.
    public var entry: Entry
    /// The earlier file of the same reviewer.
    public var firstFile: String
  }

  fileprivate struct Stored: Sendable {
    var file: Int32
    var review: PackedReview
  }

  private let rubric: Rubric
  private let checker: ReviewChecker
  private var files: [String] = []
  private var byUnit: [String: [Stored]] = [:]
  /// Reviews rejected on their own (unreadable, malformed, unknown ids …), in path order.
  public private(set) var rejected: [Rejection] = []

  /// An empty pool for `rubric`; `add` the review files in path byte order.
  public init(rubric: Rubric) {
    self.rubric = rubric
    checker = ReviewChecker(rubric: rubric)
  }

  /// A pool of `reviews` (every review file, in path byte order).
  public init(rubric: Rubric, reviews: [LoadedFile<Review>]) {
    self.init(rubric: rubric)
    for review in reviews { add(review) }
  }

  /// How many review files were added.
  public var fileCount: Int { files.count }

  /// A review file checked and packed, ready to be added; made on any thread.
  public struct Prepared: Sendable {
    fileprivate var file: String
    fileprivate var outcome: Result<PackedReview, Rejection>
  }

  /// Checks and packs `loaded`; pure, so workers can prepare files in parallel
  /// (and the memory a packed review takes comes from the worker that scores).
  public func prepare(_ loaded: LoadedFile<Review>) -> Prepared {
    guard let review = loaded.value else {
      return Prepared(
        file: loaded.file, outcome: .failure(Rejection(file: loaded.file, kind: .review, errors: loaded.errors)))
    }
    let errors = checker.errors(in: review)
    guard errors.isEmpty else {
      return Prepared(file: loaded.file, outcome: .failure(Rejection(file: loaded.file, kind: .review, errors: errors)))
    }
    return Prepared(file: loaded.file, outcome: .success(PackedReview(review, rubric: rubric)))
  }

  /// Adds the next review file (in path byte order): checked, then kept packed or rejected.
  public mutating func add(_ loaded: LoadedFile<Review>) {
    add(prepare(loaded))
  }

  /// Adds the next prepared review file (in path byte order).
  public mutating func add(_ prepared: Prepared) {
    files.append(prepared.file)
    switch prepared.outcome {
    case .failure(let rejection):
      rejected.append(rejection)
    case .success(let review):
      byUnit[review.unitID, default: []].append(Stored(file: Int32(files.count - 1), review: review))
    }
  }

  /// The reviews of `unit` in `round`, in path order: the first of each reviewer is
  /// accepted, a reviewer's later ones are duplicates.
  public func matching(unit: String, round: String) -> (accepted: [Entry], duplicates: [Duplicate]) {
    split(byUnit[unit] ?? [], round: round)
  }

  /// Forgets the reviews of `unit` in `round` once they have been used, so memory
  /// does not grow with the round.
  mutating func release(unit: String, round: String) {
    guard let stored = byUnit[unit] else { return }
    let others = stored.filter { $0.review.round != round }
    byUnit[unit] = others.isEmpty ? nil : others
  }

  /// Rejections for every review still held: none matched an accepted submission.
  func unmatched() -> [Rejection] {
    byUnit.values.flatMap { stored in
      stored.map { stored in
        Rejection(
          file: files[Int(stored.file)], kind: .review,
          errors: [
            .reviewWithoutSubmission(
              unit: stored.review.unitID, round: stored.review.round, line: Int(stored.review.line))
          ])
      }
    }
  }

  /// The stored reviews of `unit`, cheap to copy (for matching outside a lock).
  fileprivate func stored(for unit: String) -> [Stored] { byUnit[unit] ?? [] }

  /// The review file paths, in path order; never changed once the pool is built.
  fileprivate var paths: [String] { files }

  fileprivate func split(_ stored: [Stored], round: String) -> (accepted: [Entry], duplicates: [Duplicate]) {
    Self.split(stored, round: round, files: files, rubric: rubric)
  }

  fileprivate static func split(
    _ stored: [Stored], round: String, files: [String], rubric: Rubric
  ) -> (accepted: [Entry], duplicates: [Duplicate]) {
    var accepted: [Entry] = []
    var duplicates: [Duplicate] = []
    var firstFile: [String: String] = [:]
    for stored in stored where stored.review.round == round {
      let entry = Entry(file: files[Int(stored.file)], review: stored.review.unpacked(rubric: rubric))
      if let first = firstFile[entry.review.reviewer] {
        duplicates.append(Duplicate(entry: entry, firstFile: first))
      } else {
        firstFile[entry.review.reviewer] = entry.file
        accepted.append(entry)
      }
    }
    return (accepted, duplicates)
  }
}

/// A review pool shared by the workers that score submissions and the thread
/// that accepts them, which releases each unit's reviews once they are used.
/// Workers copy only one unit's entries under the lock (never the whole pool,
/// which would make every release copy it).
final class SharedReviewPool: @unchecked Sendable {
  private var pool: ReviewPool
  private let lock = NSLock()
  private let paths: [String]
  private let rubric: Rubric

  init(_ pool: ReviewPool, rubric: Rubric) {
    self.pool = pool
    self.paths = pool.paths
    self.rubric = rubric
  }

  func matching(unit: String, round: String) -> (accepted: [ReviewPool.Entry], duplicates: [ReviewPool.Duplicate]) {
    let stored = lock.withLock { pool.stored(for: unit) }
    return ReviewPool.split(stored, round: round, files: paths, rubric: rubric)
  }

  func release(unit: String, round: String) {
    lock.withLock { pool.release(unit: unit, round: round) }
  }

  var rejected: [Rejection] { lock.withLock { pool.rejected } }

  func unmatched() -> [Rejection] { lock.withLock { pool.unmatched() } }
}
