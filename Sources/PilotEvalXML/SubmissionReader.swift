public import PilotEvalCore

/// Reads submissions (自评报告) for one rubric: parses them safely, checks their
/// structure, and evaluates the rubric's XPath expressions on them.
///
/// The reader is safe to use from several threads at once.
///
///     let reader = SubmissionReader(rubric: rubric)
///     let loaded = reader.read(path: "Samples/2025H1/submissions/GX-NN-01.xml")
///     loaded.errors.forEach { print($0) }
public struct SubmissionReader: Sendable {
  /// The rubric whose XPath expressions are evaluated.
  public let rubric: Rubric
  /// Files larger than this are rejected unread.
  public let sizeLimit: Int
  private let programs: XPathProgramPool
  private let ns = PilotEvalNamespace.submission

  /// Creates a reader.
  public init(rubric: Rubric, sizeLimit: Int = FileInput.defaultSizeLimit) {
    self.rubric = rubric
    self.sizeLimit = sizeLimit
    self.programs = XPathProgramPool(rubric: rubric)
  }

  /// Reads the submission at `path`.
  public func read(path: String) -> LoadedFile<Submission> {
    switch FileInput.read(path, sizeLimit: sizeLimit) {
    case .failure(let problem): LoadedFile(file: path, errors: [problem.inFile(path)])
    case .success(let bytes): read(bytes: bytes, file: path)
    }
  }

  /// Reads a submission from `bytes`; `file` names it in diagnostics.
  public func read(bytes: [UInt8], file: String) -> LoadedFile<Submission> {
    let parsed = bytes.withUnsafeBytes { ParsedDocument.parse($0, file: file) }
    switch parsed {
    case .failure(let errors):
      return LoadedFile(file: file, errors: errors.map { $0.inFile(file) })
    case .success(let document):
      return read(document: document, file: file)
    }
  }

  func read(document: ParsedDocument, file: String) -> LoadedFile<Submission> {
    var problems = DiagnosticList()
    guard let root = document.root, root.isNamed("submission", in: ns) else {
      problems.error("the root element must be <submission xmlns=\"\(ns)\">", line: document.root?.line ?? 1)
      return LoadedFile(file: file, errors: problems.errors(in: file))
    }
    guard let rubricID = root.attribute("rubric"), let rubricVersion = root.attribute("rubric-version") else {
      problems.error(
        "the submission must name its rubric: <submission rubric=\"\(rubric.id)\" rubric-version=\"\(rubric.version)\">",
        line: root.line)
      return LoadedFile(file: file, errors: problems.errors(in: file))
    }

    var unit = Unit(id: "")
    if let element = root.child(named: "unit", in: ns) {
      unit = Unit(
        id: element.attribute("id") ?? "", name: element.text, region: element.attribute("region"),
        level: element.attribute("level"), category: element.attribute("category"))
      if unit.id.isEmpty { problems.error("the unit id is missing: <unit id=\"…\">", line: element.line) }
    } else {
      problems.error("the submission has no <unit id=\"…\"> element", line: root.line)
    }
    var round = ""
    var submitted: String?
    if let element = root.child(named: "round", in: ns) {
      round = element.attribute("id") ?? ""
      submitted = element.attribute("submitted")
      if round.isEmpty { problems.error("the round id is missing: <round id=\"…\">", line: element.line) }
    } else {
      problems.error("the submission has no <round id=\"…\"> element", line: root.line)
    }

    var responses: [Response] = []
    var bonuses: [Claim] = []
    var deductions: [Claim] = []
    root.forEachChild { element in
      guard element.isIn(ns) else { return }
      if element.hasName("response") {
        let applicable = element.attribute("applicable").map { $0 != "false" && $0 != "0" } ?? true
        var response = Response(
          criterion: element.attribute("criterion") ?? "", applicable: applicable,
          reason: element.attribute("reason"), level: element.attribute("level"),
          value: problems.number(element, "value"), points: problems.number(element, "points"),
          line: element.line)
        element.forEachChild { child in
          guard child.isIn(ns) else { return }
          if child.hasName("evidence") {
            response.evidenceCount += 1
          } else if child.hasName("check") {
            let item = child.attribute("item") ?? ""
            if !response.checks.contains(item) { response.checks.append(item) }
          } else if child.hasName("note") {
            response.notes.append(child.text)
          }
        }
        responses.append(response)
      } else if element.hasName("bonus") {
        bonuses.append(
          Claim(
            id: element.attribute("id") ?? "", evidenceCount: element.count(named: "evidence", in: ns),
            line: element.line))
      } else if element.hasName("deduction") {
        deductions.append(
          Claim(id: element.attribute("id") ?? "", count: problems.number(element, "count") ?? 1, line: element.line))
      }
    }
    if !problems.isEmpty {
      return LoadedFile(file: file, errors: problems.errors(in: file))
    }
    let derived = programs.withProgram { $0.derive(from: document) }
    let submission = Submission(
      rubricID: rubricID, rubricVersion: rubricVersion, unit: unit, round: round, submitted: submitted,
      responses: responses, bonusClaims: bonuses, deductionClaims: deductions, derived: derived, line: root.line)
    return LoadedFile(file: file, value: submission)
  }
}

/// Structural problems found while reading one document.
struct DiagnosticList {
  private(set) var items: [Diagnostic] = []

  var isEmpty: Bool { items.isEmpty }

  mutating func error(_ message: String, line: Int) {
    items.append(.error(message, line: line))
  }

  /// A numeric attribute; records an error when it is present but not a number.
  mutating func number(_ element: some AttributeSource, _ attribute: String) -> Double? {
    guard let text = element.attribute(attribute) else { return nil }
    guard let value = parseNumber(text) else {
      error("\(attribute) is not a number: '\(text)'", line: element.line)
      return nil
    }
    return value
  }

  func errors(in file: String) -> [Diagnostic] { items.map { $0.inFile(file) } }
}

/// Something with unqualified attributes and a line: a tree element or a streamed one.
protocol AttributeSource {
  func attribute(_ name: String) -> String?
  var line: Int { get }
}

extension Element: AttributeSource {}
extension SAXElement: AttributeSource {}
