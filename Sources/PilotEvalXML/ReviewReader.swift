public import PilotEvalCore

/// Reads expert reviews (专家评审): parses them safely and checks their structure.
/// Checking them against the rubric is `ReviewChecker`'s job.
///
/// Reviews are streamed (no tree is built: no XPath runs on them), which keeps
/// a round of hundreds of thousands of reviews cheap.
public struct ReviewReader: Sendable {
  /// Files larger than this are rejected unread.
  public let sizeLimit: Int
  /// Whether reviewers' comments and veto reasons are kept (a batch that only
  /// scores can leave them, and the memory they take, behind).
  public let keepsComments: Bool

  /// Creates a reader.
  public init(sizeLimit: Int = FileInput.defaultSizeLimit, keepsComments: Bool = true) {
    self.sizeLimit = sizeLimit
    self.keepsComments = keepsComments
  }

  /// Reads the review at `path`.
  public func read(path: String) -> LoadedFile<Review> {
    switch FileInput.read(path, sizeLimit: sizeLimit) {
    case .failure(let problem): LoadedFile(file: path, errors: [problem.inFile(path)])
    case .success(let bytes): read(bytes: bytes, file: path)
    }
  }

  /// Reads a review from `bytes`; `file` names it in diagnostics.
  public func read(bytes: [UInt8], file: String) -> LoadedFile<Review> {
    let builder = ReviewBuilder(keepsComments: keepsComments)
    let parsed = bytes.withUnsafeBytes { ParsedDocument.parse($0, file: file, receiver: builder) }
    switch parsed {
    case .failure(let errors):
      return LoadedFile(file: file, errors: errors.map { $0.inFile(file) })
    case .success:
      return builder.result(file: file)
    }
  }
}

/// Builds a `Review` from the elements of a review document as they stream by.
private final class ReviewBuilder: SAXReceiver {
  /// All the state, in one value. Only the parser's callbacks reach it, one at a time,
  /// so the run-time exclusivity check of every event is left out.
  @exclusivity(unchecked) private var stream: ReviewStream

  init(keepsComments: Bool) {
    stream = ReviewStream(keepsComments: keepsComments)
  }

  func start(_ element: SAXElement) { stream.start(element) }

  func end() { stream.end() }

  func text(_ bytes: UnsafeBufferPointer<UInt8>) { stream.text(bytes) }

  func result(file: String) -> LoadedFile<Review> { stream.result(file: file) }

  var wantsText: Bool { stream.wantsText }
}

/// `ReviewBuilder`'s state and work.
private struct ReviewStream {
  private let ns = PilotEvalNamespace.review
  private let keepsComments: Bool
  private var depth = 0
  private var problems = DiagnosticList()
  /// What the reader has to say about an accepted review (a veto that is not a boolean).
  private var warnings: [Diagnostic] = []
  private var review = Review(rubricID: "", unitID: "", round: "", reviewer: "", line: 0)
  /// Whether the root is a review (`review` is then being filled in).
  private var hasReview = false
  private var sawRoot = false
  /// What the top-level child being read is, with its text gathered so far.
  private var reading = Reading.other
  private var change = ScoreChange(criterion: "", line: 0)
  private var finding = VetoFinding(id: "", triggered: false)
  private var text: [UInt8] = []

  private enum Reading {
    case score
    case veto
    case other
  }

  init(keepsComments: Bool) {
    self.keepsComments = keepsComments
  }

  mutating func start(_ element: SAXElement) {
    defer { depth += 1 }
    switch depth {
    case 0: startRoot(element)
    case 1: if hasReview { startChild(element) }
    case 2:
      if reading == .score, element.named("check"), element.isIn(ns) {
        let item = element.attribute("item") ?? ""
        if change.checks == nil { change.checks = [] }
        if change.checks?.contains(item) == false { change.checks?.append(item) }
      }
    default: break
    }
  }

  mutating func end() {
    depth -= 1
    guard depth == 1, reading != .other else { return }
    let content = keepsComments ? String(decoding: text, as: UTF8.self).trimmingWhitespace() : ""
    switch reading {
    case .score:
      change.comment = content
      review.scores.append(change)
    case .veto:
      finding.reason = content
      review.vetoes.append(finding)
    case .other: break
    }
    reading = .other
    text.removeAll(keepingCapacity: true)
  }

  mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
    if wantsText { text.append(contentsOf: bytes) }
  }

  /// Whether a comment (score) or a reason (veto) is being gathered.
  var wantsText: Bool { keepsComments && reading != .other }

  func result(file: String) -> LoadedFile<Review> {
    var problems = problems
    if !sawRoot { problems.error(Message(.reviewNoRoot), line: 1) }
    guard problems.isEmpty, hasReview else { return LoadedFile(file: file, errors: problems.errors(in: file)) }
    return LoadedFile(file: file, value: review, warnings: warnings.map { $0.inFile(file) })
  }

  // MARK: - Elements

  private mutating func startRoot(_ element: SAXElement) {
    sawRoot = true
    guard element.isNamed("review", in: ns) else {
      problems.error(Message(.reviewRootElement, ns), line: element.line)
      return
    }
    let rubric = header(element, "rubric")
    let unit = header(element, "unit")
    let round = header(element, "round")
    let reviewer = header(element, "reviewer")
    review = Review(rubricID: rubric, unitID: unit, round: round, reviewer: reviewer, line: element.line)
    hasReview = true
  }

  /// A required attribute of the root; records an error when it is missing or empty.
  private mutating func header(_ element: SAXElement, _ attribute: String) -> String {
    if let value = element.attribute(attribute), !value.isEmpty { return value }
    problems.error(Message(.reviewHeaderMissing, attribute), line: element.line)
    return ""
  }

  private mutating func startChild(_ element: SAXElement) {
    guard element.isIn(ns) else { return }
    let line = element.line
    if element.named("score") {
      // One pass over the attributes; the first of each name counts, as `attribute(_:)` has it. Written out
      // here and in SubmissionStream: a shared helper returning an array cost 2.5% of a batch's instructions.
      var criterion: String?
      var level: String?
      var value: String?
      var points: String?
      for index in 0..<element.count {
        guard let name = element.unqualifiedName(at: index) else { continue }
        if SAXElement.equal(name, "criterion") {
          if criterion == nil { criterion = element.value(at: index) }
        } else if SAXElement.equal(name, "level") {
          if level == nil { level = element.value(at: index) }
        } else if SAXElement.equal(name, "value") {
          if value == nil { value = element.value(at: index) }
        } else if SAXElement.equal(name, "points") {
          if points == nil { points = element.value(at: index) }
        }
      }
      change = ScoreChange(
        criterion: criterion ?? "", level: level, value: problems.number(value, "value", line: line),
        points: problems.number(points, "points", line: line), line: line)
      reading = .score
    } else if element.named("evidence") {
      review.evidenceRejections.append(
        EvidenceRejection(
          criterion: element.attribute("criterion") ?? "", count: problems.number(element, "rejected") ?? 1,
          line: line))
    } else if element.named("bonus") {
      review.bonusVerdicts.append(
        BonusVerdict(id: element.attribute("id") ?? "", rejected: isTrue(element.attribute("rejected")), line: line))
    } else if element.named("deduction") {
      review.deductions.append(
        Claim(id: element.attribute("id") ?? "", count: problems.number(element, "count") ?? 1, line: line))
    } else if element.named("veto") {
      let id = element.attribute("id") ?? ""
      let triggered = element.attribute("triggered")
      // XML Schema's booleans are exactly true, 1, false and 0: anything else is not a veto, said loudly.
      if let triggered, !["true", "1", "false", "0"].contains(triggered) {
        warnings.append(.vetoTriggeredUnclear(triggered, veto: id, line: line))
      }
      finding = VetoFinding(id: id, triggered: isTrue(triggered), line: line)
      reading = .veto
    }
  }
}
