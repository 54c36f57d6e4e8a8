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
  /// Whether submissions are parsed into a pruned tree: the root element and its
  /// `<data>` children, everything else streamed. True when every XPath
  /// expression of the rubric is confined to `<data>` (`XPathConfinement`);
  /// otherwise the tree is whole, and the root's other children are streamed
  /// to the same builder as well (one reader of the format: `SubmissionStream`).
  let prunes: Bool
  /// Whether the responses' `<note>` texts are kept (a batch that only scores leaves
  /// them, and the work of decoding them, behind: scorecards do not carry them).
  let keepsNotes: Bool
  private let programs: XPathProgramPool
  private let ns = PilotEvalNamespace.submission

  /// Creates a reader.
  public init(rubric: Rubric, sizeLimit: Int = FileInput.defaultSizeLimit) {
    self.init(rubric: rubric, sizeLimit: sizeLimit, pruning: true)
  }

  /// Creates a reader that builds the whole tree of every submission when `pruning` is false,
  /// bounds each XPath evaluation by `operationLimit` operations, and leaves the responses'
  /// notes out when `keepsNotes` is false.
  init(
    rubric: Rubric, sizeLimit: Int = FileInput.defaultSizeLimit, pruning: Bool,
    operationLimit: UInt = XPathContext.operationLimit, keepsNotes: Bool = true
  ) {
    self.rubric = rubric
    self.sizeLimit = sizeLimit
    self.keepsNotes = keepsNotes
    self.prunes = pruning && XPathConfinement.confines(rubric)
    self.programs = XPathProgramPool(rubric: rubric, operationLimit: operationLimit)
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
    let builder = SubmissionBuilder(keepsNotes: keepsNotes)
    let kept =
      prunes
      ? KeptChildren(name: "data", namespace: ns) : KeptChildren.everything(streamingAllBut: "data", namespace: ns)
    let parsed = bytes.withUnsafeBytes { ParsedDocument.parse($0, file: file, receiver: builder, kept: kept) }
    switch parsed {
    case .failure(let errors):
      return LoadedFile(file: file, errors: errors.map { $0.inFile(file) })
    case .success(let document):
      return document.withRoot { root in
        read(root: root, document: document, file: file, parts: builder.parts)
      }
    }
  }

  /// Checks `root`, the root of `document`, then takes the rest from `parts` (streamed while it was parsed).
  private func read(
    root: Element?, document: ParsedDocument, file: String, parts content: SubmissionParts
  ) -> LoadedFile<Submission> {
    var problems = DiagnosticList()
    guard let root, root.isNamed("submission", in: ns) else {
      problems.error(Message(.submissionRootElement, ns), line: root?.line ?? 1)
      return LoadedFile(file: file, errors: problems.errors(in: file))
    }
    // An empty id counts as missing (SPEC v1.1).
    guard let rubricID = root.attribute("rubric"), !rubricID.isEmpty,
      let rubricVersion = root.attribute("rubric-version")
    else {
      problems.error(
        Message(.submissionNoRubric, rubric.id, rubric.version),
        line: root.line)
      return LoadedFile(file: file, errors: problems.errors(in: file))
    }

    var unit = Unit(id: "")
    // Fields a unit must fill that do not reject the file: named so an unfilled template lists every one.
    var unfilled: [Diagnostic] = []
    if let found = content.unit {
      unit = found.0
      if unit.id.isEmpty { problems.error(Message(.submissionUnitIDMissing), line: found.line) }
      if unit.name.isEmpty { unfilled.append(.warning(Message(.submissionUnitNameMissing), line: found.line)) }
    } else {
      problems.error(Message(.submissionNoUnit), line: root.line)
    }
    var round = ""
    var submitted: String?
    if let found = content.round {
      round = found.id
      submitted = found.submitted
      if round.isEmpty { problems.error(Message(.submissionRoundIDMissing), line: found.line) }
      // An empty date is a template's blank; a round without the attribute is allowed.
      if submitted?.isEmpty == true { unfilled.append(.warning(Message(.submissionDateMissing), line: found.line)) }
    } else {
      problems.error(Message(.submissionNoRound), line: root.line)
    }
    problems.append(content.problems)
    let notes = unfilled.map { $0.inFile(file) }
    if !problems.isEmpty {
      return LoadedFile(file: file, errors: problems.errors(in: file), warnings: notes)
    }
    let derived: DerivedData
    switch programs.withProgram({ $0.derive(from: document) }) {
    case .derived(let data):
      derived = data
    case .tooCostly(let site):
      problems.append(.evaluationTooCostly(owner: site.owner, limit: programs.operationLimit, line: root.line))
      return LoadedFile(file: file, errors: problems.errors(in: file))
    case .failed(let site, let reason):
      let failure = Diagnostic.xpathFailedWhileScoring(owner: site.owner, reason: reason, file: file, line: site.line)
      return LoadedFile(file: file, stoppingRun: failure)
    }
    let submission = Submission(
      rubricID: rubricID, rubricVersion: rubricVersion, unit: unit, round: round, submitted: submitted,
      responses: content.responses, bonusClaims: content.bonuses, deductionClaims: content.deductions,
      derived: derived, line: root.line)
    return LoadedFile(file: file, value: submission, warnings: notes)
  }
}

/// What a submission says below its root, streamed (`SubmissionStream`); the
/// root's own checks and the XPath expressions are the reader's.
struct SubmissionParts {
  /// The first `<unit>`, with its line.
  var unit: (Unit, line: Int)?
  /// The first `<round>`: id, submission date, line.
  var round: (id: String, submitted: String?, line: Int)?
  var responses: [Response] = []
  var bonuses: [Claim] = []
  var deductions: [Claim] = []
  /// Numbers that are not numbers, in document order.
  var problems = DiagnosticList()

  init() {}

  /// A `<response>` from its attributes, without what its children say.
  mutating func response(
    criterion: String?, applicable: String?, reason: String?, level: String?, value: String?, points: String?,
    line: Int
  ) -> Response {
    Response(
      criterion: criterion ?? "", applicable: applicable.map { $0 != "false" && $0 != "0" } ?? true,
      reason: reason, level: level, value: problems.number(value, "value", line: line),
      points: problems.number(points, "points", line: line), line: line)
  }

  /// A checked item, kept once.
  static func check(_ item: String, in response: inout Response) {
    if !response.checks.contains(item) { response.checks.append(item) }
  }

  /// A `<deduction>` from its attributes.
  mutating func addDeduction(id: String?, count: String?, line: Int) {
    deductions.append(Claim(id: id ?? "", count: problems.number(count, "count", line: line) ?? 1, line: line))
  }
}

/// Reads a submission's parts from the children of its root as they stream by
/// (all but `<data>`, which the tree keeps), whether the tree is pruned or whole.
private final class SubmissionBuilder: SAXReceiver {
  /// All the state, in one value. Only the parser's callbacks reach it, one at a time,
  /// so the run-time exclusivity check of every event is left out.
  @exclusivity(unchecked) private var stream: SubmissionStream

  init(keepsNotes: Bool) {
    stream = SubmissionStream(keepsNotes: keepsNotes)
  }

  var parts: SubmissionParts { stream.parts }

  func start(_ element: SAXElement) { stream.start(element) }

  func end() { stream.end() }

  func text(_ bytes: UnsafeBufferPointer<UInt8>) { stream.text(bytes) }

  var wantsText: Bool { stream.wantsText }
}

/// `SubmissionBuilder`'s state and work.
private struct SubmissionStream {
  private let ns = PilotEvalNamespace.submission
  /// Whether a note's text is gathered (see `SubmissionReader.keepsNotes`).
  private let keepsNotes: Bool
  private(set) var parts = SubmissionParts()
  /// Open elements inside the root.
  private var depth = 0
  /// What the root's child being read is.
  private var reading = Reading.other
  /// The response or bonus being read (`reading` says which).
  private var response = Response(criterion: "")
  private var bonus = Claim(id: "")
  /// The unit whose name is being gathered.
  private var unit = Unit(id: "")
  private var unitLine = 0
  /// The depth of the element whose text is being gathered (the unit: 0, a note: 1), and its text so far.
  private var gatheringDepth = -1
  private var text: [UInt8] = []

  private enum Reading {
    case response
    case bonus
    case other
  }

  init(keepsNotes: Bool) {
    self.keepsNotes = keepsNotes
  }

  mutating func start(_ element: SAXElement) {
    switch depth {
    case 0: startChild(element)
    case 1: startGrandchild(element)
    default: break
    }
    depth += 1
  }

  mutating func end() {
    depth -= 1
    if depth == gatheringDepth {
      let content = String(decoding: text, as: UTF8.self).trimmingWhitespace()
      if depth == 0 {
        unit.name = content
        parts.unit = (unit, unitLine)
      } else {
        response.notes.append(content)
      }
      gatheringDepth = -1
      text.removeAll(keepingCapacity: true)
    }
    guard depth == 0 else { return }
    switch reading {
    case .response: parts.responses.append(response)
    case .bonus: parts.bonuses.append(bonus)
    case .other: break
    }
    reading = .other
  }

  mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
    if gatheringDepth >= 0 { text.append(contentsOf: bytes) }
  }

  /// Whether the unit's or a note's text is being gathered.
  var wantsText: Bool { gatheringDepth >= 0 }

  private mutating func startChild(_ element: SAXElement) {
    guard element.isIn(ns) else { return }
    if element.named("response") {
      var criterion: String?
      var applicable: String?
      var reason: String?
      var level: String?
      var value: String?
      var points: String?
      // One pass over the attributes; the first of each name counts, as `attribute(_:)` has it.
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
        } else if SAXElement.equal(name, "applicable") {
          if applicable == nil { applicable = element.value(at: index) }
        } else if SAXElement.equal(name, "reason") {
          if reason == nil { reason = element.value(at: index) }
        }
      }
      response = parts.response(
        criterion: criterion, applicable: applicable, reason: reason, level: level, value: value, points: points,
        line: element.line)
      reading = .response
    } else if element.named("bonus") {
      bonus = Claim(id: element.attribute("id") ?? "", evidenceCount: 0, line: element.line)
      reading = .bonus
    } else if element.named("deduction") {
      parts.addDeduction(id: element.attribute("id"), count: element.attribute("count"), line: element.line)
    } else if element.named("unit") {
      guard parts.unit == nil else { return }
      unit = Unit(
        id: element.attribute("id") ?? "", region: element.attribute("region"), level: element.attribute("level"),
        category: element.attribute("category"))
      unitLine = element.line
      gatheringDepth = 0
    } else if element.named("round") {
      guard parts.round == nil else { return }
      parts.round = (element.attribute("id") ?? "", element.attribute("submitted"), element.line)
    }
  }

  private mutating func startGrandchild(_ element: SAXElement) {
    switch reading {
    case .response:
      guard element.isIn(ns) else { return }
      if element.named("evidence") {
        response.evidenceCount += 1
      } else if element.named("check") {
        SubmissionParts.check(element.attribute("item") ?? "", in: &response)
      } else if element.named("note") {
        if keepsNotes { gatheringDepth = 1 }
      }
    case .bonus:
      if element.isIn(ns) && element.named("evidence") { bonus.evidenceCount += 1 }
    case .other: break
    }
  }
}

/// Structural problems found while reading one document.
struct DiagnosticList {
  private(set) var items: [Diagnostic] = []

  var isEmpty: Bool { items.isEmpty }

  mutating func error(_ message: Message, line: Int) {
    items.append(.error(message, line: line))
  }

  /// Adds `diagnostic` after the problems found so far.
  mutating func append(_ diagnostic: Diagnostic) {
    items.append(diagnostic)
  }

  /// A numeric attribute; records an error when it is present but not a number.
  mutating func number(_ element: some AttributeSource, _ attribute: String) -> Double? {
    number(element.attribute(attribute), attribute, line: element.line)
  }

  /// The value `text` of a numeric attribute of the element on `line`; records an
  /// error when it is present but not a number.
  mutating func number(_ text: String?, _ attribute: String, line: Int) -> Double? {
    guard let text else { return nil }
    guard let value = parseNumber(text) else {
      error(.notANumber(attribute, clipped(text)), line: line)
      return nil
    }
    guard isWithinMagnitudeLimit(value) else {
      append(.numberTooLarge(attribute, text: text, line: line))
      return nil
    }
    return value
  }

  /// Adds `other`'s problems after these.
  mutating func append(_ other: DiagnosticList) {
    items += other.items
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
