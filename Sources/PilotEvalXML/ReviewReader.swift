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
  private let ns = PilotEvalNamespace.review
  private let keepsComments: Bool
  private var depth = 0
  private var problems = DiagnosticList()
  private var review: Review?
  private var sawRoot = false
  /// The top-level child being read, with its text gathered so far.
  private var current: Pending?
  private var text: [UInt8] = []

  private enum Pending {
    case score(ScoreChange)
    case veto(VetoFinding)
  }

  init(keepsComments: Bool) {
    self.keepsComments = keepsComments
  }

  func start(_ element: SAXElement) {
    defer { depth += 1 }
    switch depth {
    case 0: startRoot(element)
    case 1: if review != nil { startChild(element) }
    case 2:
      if case .score(var change) = current, element.isNamed("check", in: ns) {
        let item = element.attribute("item") ?? ""
        if change.checks == nil { change.checks = [] }
        if change.checks?.contains(item) == false { change.checks?.append(item) }
        current = .score(change)
      }
    default: break
    }
  }

  func end() {
    depth -= 1
    guard depth == 1, let pending = current else { return }
    let content = keepsComments ? String(decoding: text, as: UTF8.self).trimmingWhitespace() : ""
    switch pending {
    case .score(var change):
      change.comment = content
      review?.scores.append(change)
    case .veto(var finding):
      finding.reason = content
      review?.vetoes.append(finding)
    }
    current = nil
    text.removeAll(keepingCapacity: true)
  }

  func text(_ bytes: UnsafeBufferPointer<UInt8>) {
    if keepsComments && current != nil { text.append(contentsOf: bytes) }
  }

  func result(file: String) -> LoadedFile<Review> {
    if !sawRoot { problems.error("the document has no root element", line: 1) }
    guard problems.isEmpty, let review else { return LoadedFile(file: file, errors: problems.errors(in: file)) }
    return LoadedFile(file: file, value: review)
  }

  // MARK: - Elements

  private func startRoot(_ element: SAXElement) {
    sawRoot = true
    guard element.isNamed("review", in: ns) else {
      problems.error("the root element must be <review xmlns=\"\(ns)\">", line: element.line)
      return
    }
    var header: [String: String] = [:]
    for attribute in ["rubric", "unit", "round", "reviewer"] {
      if let value = element.attribute(attribute), !value.isEmpty {
        header[attribute] = value
      } else {
        problems.error("the review must name its \(attribute): <review \(attribute)=\"…\">", line: element.line)
      }
    }
    review = Review(
      rubricID: header["rubric"] ?? "", unitID: header["unit"] ?? "", round: header["round"] ?? "",
      reviewer: header["reviewer"] ?? "", line: element.line)
  }

  private func startChild(_ element: SAXElement) {
    guard element.isIn(ns) else { return }
    let line = element.line
    if element.hasName("score") {
      current = .score(
        ScoreChange(
          criterion: element.attribute("criterion") ?? "", level: element.attribute("level"),
          value: problems.number(element, "value"), points: problems.number(element, "points"), line: line))
    } else if element.hasName("evidence") {
      review?.evidenceRejections.append(
        EvidenceRejection(
          criterion: element.attribute("criterion") ?? "", count: problems.number(element, "rejected") ?? 1,
          line: line))
    } else if element.hasName("bonus") {
      review?.bonusVerdicts.append(
        BonusVerdict(id: element.attribute("id") ?? "", rejected: isTrue(element.attribute("rejected")), line: line))
    } else if element.hasName("deduction") {
      review?.deductions.append(
        Claim(id: element.attribute("id") ?? "", count: problems.number(element, "count") ?? 1, line: line))
    } else if element.hasName("veto") {
      current = .veto(
        VetoFinding(id: element.attribute("id") ?? "", triggered: isTrue(element.attribute("triggered")), line: line))
    }
  }
}
