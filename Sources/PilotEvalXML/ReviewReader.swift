public import PilotEvalCore

/// Reads expert reviews (专家评审): parses them safely and checks their structure.
/// Checking them against the rubric is `ReviewChecker`'s job.
public struct ReviewReader: Sendable {
  /// Files larger than this are rejected unread.
  public let sizeLimit: Int
  private let ns = PilotEvalNamespace.review

  /// Creates a reader.
  public init(sizeLimit: Int = FileInput.defaultSizeLimit) {
    self.sizeLimit = sizeLimit
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
    let parsed = bytes.withUnsafeBytes { ParsedDocument.parse($0, file: file) }
    switch parsed {
    case .failure(let errors):
      return LoadedFile(file: file, errors: errors.map { $0.inFile(file) })
    case .success(let document):
      return read(document: document, file: file)
    }
  }

  func read(document: ParsedDocument, file: String) -> LoadedFile<Review> {
    var problems = DiagnosticList()
    guard let root = document.root, root.isNamed("review", in: ns) else {
      problems.error("the root element must be <review xmlns=\"\(ns)\">", line: document.root?.line ?? 1)
      return LoadedFile(file: file, errors: problems.errors(in: file))
    }
    var header: [String: String] = [:]
    for attribute in ["rubric", "unit", "round", "reviewer"] {
      if let value = root.attribute(attribute), !value.isEmpty {
        header[attribute] = value
      } else {
        problems.error("the review must name its \(attribute): <review \(attribute)=\"…\">", line: root.line)
      }
    }
    var review = Review(
      rubricID: header["rubric"] ?? "", unitID: header["unit"] ?? "", round: header["round"] ?? "",
      reviewer: header["reviewer"] ?? "", line: root.line)
    root.forEachChild { element in
      guard element.isIn(ns) else { return }
      let line = element.line
      if element.hasName("score") {
        var checks: [String]?
        element.forEachChild { child in
          guard child.isNamed("check", in: ns) else { return }
          let item = child.attribute("item") ?? ""
          if checks == nil { checks = [] }
          if checks?.contains(item) == false { checks?.append(item) }
        }
        review.scores.append(
          ScoreChange(
            criterion: element.attribute("criterion") ?? "", level: element.attribute("level"),
            value: problems.number(element, "value"), points: problems.number(element, "points"),
            checks: checks, comment: element.text, line: line))
      } else if element.hasName("evidence") {
        review.evidenceRejections.append(
          EvidenceRejection(
            criterion: element.attribute("criterion") ?? "", count: problems.number(element, "rejected") ?? 1,
            line: line))
      } else if element.hasName("bonus") {
        review.bonusVerdicts.append(
          BonusVerdict(id: element.attribute("id") ?? "", rejected: isTrue(element.attribute("rejected")), line: line))
      } else if element.hasName("deduction") {
        review.deductions.append(
          Claim(id: element.attribute("id") ?? "", count: problems.number(element, "count") ?? 1, line: line))
      } else if element.hasName("veto") {
        review.vetoes.append(
          VetoFinding(
            id: element.attribute("id") ?? "", triggered: isTrue(element.attribute("triggered")),
            reason: element.text, line: line))
      }
    }
    if !problems.isEmpty {
      return LoadedFile(file: file, errors: problems.errors(in: file))
    }
    return LoadedFile(file: file, value: review)
  }
}
