/// Every review of a run, checked against the rubric and indexed by unit, ready
/// to be matched with submissions (SPEC §3). Immutable once built, so workers
/// can score submissions against it in parallel.
public struct ReviewPool: Sendable {
  /// A review that passed its own checks, with where it came from.
  public struct Entry: Sendable {
    /// Position in path byte order among all review files.
    public var order: Int
    /// The file, as found.
    public var file: String
    /// The review.
    public var review: Review
  }

  /// A review of a unit whose reviewer already reviewed it in an earlier file.
  public struct Duplicate: Sendable {
    /// The later review.
    public var entry: Entry
    /// The earlier file of the same reviewer.
    public var firstFile: String
  }

  private var byUnit: [String: [Entry]] = [:]
  /// Reviews rejected on their own (unreadable, malformed, unknown ids …), in path order.
  public private(set) var rejected: [Rejection] = []
  /// How many review files there were.
  public private(set) var fileCount = 0

  /// Checks `reviews` (every review file, in path byte order) and indexes those that pass.
  public init(rubric: Rubric, reviews: [LoadedFile<Review>]) {
    let checker = ReviewChecker(rubric: rubric)
    fileCount = reviews.count
    for (order, loaded) in reviews.enumerated() {
      guard let review = loaded.value else {
        rejected.append(Rejection(file: loaded.file, kind: .review, errors: loaded.errors))
        continue
      }
      let errors = checker.errors(in: review)
      if errors.isEmpty {
        byUnit[review.unitID, default: []].append(Entry(order: order, file: loaded.file, review: review))
      } else {
        rejected.append(Rejection(file: loaded.file, kind: .review, errors: errors))
      }
    }
  }

  /// The reviews of `unit` in `round`, in path order: the first of each reviewer is
  /// accepted, a reviewer's later ones are duplicates.
  public func matching(unit: String, round: String) -> (accepted: [Entry], duplicates: [Duplicate]) {
    var accepted: [Entry] = []
    var duplicates: [Duplicate] = []
    var firstFile: [String: String] = [:]
    for entry in byUnit[unit] ?? [] where entry.review.round == round {
      if let first = firstFile[entry.review.reviewer] {
        duplicates.append(Duplicate(entry: entry, firstFile: first))
      } else {
        firstFile[entry.review.reviewer] = entry.file
        accepted.append(entry)
      }
    }
    return (accepted, duplicates)
  }

  /// Every indexed review, grouped by unit (for accounting at the end of a run).
  var all: [String: [Entry]] { byUnit }
}
