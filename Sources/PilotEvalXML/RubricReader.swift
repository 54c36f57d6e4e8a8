public import PilotEvalCore

/// A rubric that loaded, with what `check-rubric` has to say about it.
public struct LoadedRubric: Sendable {
  /// The rubric.
  public var rubric: Rubric
  /// Things worth fixing that do not refuse the rubric.
  public var warnings: [Diagnostic]
}

/// Why a rubric cannot be used: every refusal found (SPEC §1), with warnings.
public struct RubricRefusal: Error, Sendable {
  /// The file.
  public var file: String
  /// Errors first found in document order, then warnings.
  public var diagnostics: [Diagnostic]
}

/// Loads rubrics and enforces SPEC §1's refusal rules, each located by line and id.
///
///     switch RubricReader.load(path: "Rubrics/jgsw-pilot.xml") {
///     case .success(let loaded): print(loaded.rubric.total)
///     case .failure(let refusal): refusal.diagnostics.forEach { print($0) }
///     }
public enum RubricReader {
  /// Rubrics are trusted input, but still bounded: 64 MiB.
  public static let sizeLimit = 64 * 1024 * 1024

  /// Loads the rubric at `path`.
  public static func load(path: String) -> Result<LoadedRubric, RubricRefusal> {
    switch FileInput.read(path, sizeLimit: sizeLimit) {
    case .failure(let problem):
      return .failure(RubricRefusal(file: path, diagnostics: [problem.inFile(path)]))
    case .success(let bytes):
      return load(bytes: bytes, file: path)
    }
  }

  /// Loads a rubric from `bytes`; `file` names it in diagnostics.
  public static func load(bytes: [UInt8], file: String) -> Result<LoadedRubric, RubricRefusal> {
    let parsed = bytes.withUnsafeBytes { ParsedDocument.parse($0, file: file) }
    switch parsed {
    case .failure(let errors):
      return .failure(RubricRefusal(file: file, diagnostics: errors.map { $0.inFile(file) }))
    case .success(let document):
      var builder = RubricBuilder()
      let rubric = builder.build(document)
      var diagnostics = builder.diagnostics.map { $0.inFile(file) }
      if let rubric, !diagnostics.hasErrors {
        diagnostics += BlankSubmission.check(rubric).map { $0.inFile(file) }
      }
      if let rubric, !diagnostics.hasErrors {
        return .success(LoadedRubric(rubric: rubric, warnings: diagnostics))
      }
      return .failure(RubricRefusal(file: file, diagnostics: diagnostics.errors + diagnostics.warnings))
    }
  }
}

// MARK: - Building

/// Reads a rubric document into a `Rubric`, collecting every problem.
struct RubricBuilder {
  var diagnostics: [Diagnostic] = []
  var sections: [Section] = []
  var criteria: [Criterion] = []
  var treeIDs: [String: Int] = [:]
  var namespaces: [NamespaceBinding] = []
  var namespaceLines: [Int] = []
  var xpathContext: XPathContext?
  let ns = PilotEvalNamespace.rubric

  mutating func build(_ document: ParsedDocument) -> Rubric? {
    document.withRoot { build(root: $0) }
  }

  /// Reads the rubric below `root`, the document's root element.
  private mutating func build(root: Element?) -> Rubric? {
    guard let root, root.isNamed("rubric", in: ns) else {
      error(Message(.rubricRootElement, ns), line: root?.line ?? 1)
      return nil
    }
    let id = root.attribute("id") ?? ""
    let version = root.attribute("version") ?? ""
    if id.isEmpty { warning(Message(.rubricNoID), line: root.line) }
    if version.isEmpty { warning(Message(.rubricNoVersion), line: root.line) }

    for binding in root.children(named: "namespace", in: ns) {
      guard let prefix = binding.attribute("prefix"), let uri = binding.attribute("uri") else {
        error(Message(.rubricNamespaceIncomplete), line: binding.line)
        continue
      }
      if let first = namespaces.firstIndex(where: { $0.prefix == prefix }) {
        diagnostics.append(.prefixDeclaredTwice(prefix, firstLine: namespaceLines[first], line: binding.line))
        continue
      }
      if prefix == "xml" || prefix == "xmlns" {
        diagnostics.append(.reservedPrefix(prefix, line: binding.line))
        continue
      }
      if !isNCName(prefix) {
        diagnostics.append(.prefixNotNCName(prefix, line: binding.line))
        continue
      }
      namespaces.append(NamespaceBinding(prefix: prefix, uri: uri))
      namespaceLines.append(binding.line)
    }
    xpathContext = XPathContext(namespaces: namespaces.map { ($0.prefix, $0.uri) })

    let tiers = readTiers(root)
    let aggregation = readAggregation(root)
    for element in root.children where element.namespace == ns {
      switch element.name {
      case "section": _ = readSection(element, parent: nil, depth: 0)
      case "criterion": readCriterion(element, section: nil)
      default: break
      }
    }
    if criteria.isEmpty { warning(Message(.rubricNoCriteria), line: root.line) }
    let tiebreak = readTiebreak(root)
    let vetoes = readVetoes(root)
    let (bonuses, bonusCap) = readAdjustments(root, list: "bonuses", item: "bonus")
    let (deductions, deductionCap) = readAdjustments(root, list: "deductions", item: "deduction")

    return Rubric(
      id: id, version: version, title: root.child(named: "title", in: ns)?.text ?? "",
      namespaces: namespaces, tiers: tiers, aggregation: aggregation, tiebreak: tiebreak,
      sections: sections, criteria: criteria, vetoes: vetoes,
      bonuses: bonuses, bonusCap: bonusCap, deductions: deductions, deductionCap: deductionCap)
  }

  // MARK: Tree

  mutating func claimTreeID(_ id: String?, kind: MessageKey, line: Int) -> String? {
    guard let id, !id.isEmpty else {
      error(Message(.rubricNoID2, parts: [.message(Message(kind))]), line: line)
      return nil
    }
    if let first = treeIDs[id] {
      error(Message(.rubricTreeDuplicate, id, String(first)), line: line, subject: id)
    } else {
      treeIDs[id] = line
    }
    return id
  }

  /// Reads a section and everything inside; returns the criteria it holds at any depth.
  mutating func readSection(_ element: Element, parent: Int?, depth: Int) -> [Int] {
    let id = claimTreeID(element.attribute("id"), kind: .rubricKindSection, line: element.line) ?? ""
    let position = sections.count
    sections.append(
      Section(
        id: id, title: element.attribute("title") ?? "", parent: parent, depth: depth, criteria: [],
        line: element.line))
    var held: [Int] = []
    for child in element.children where child.namespace == ns {
      switch child.name {
      case "section": held += readSection(child, parent: position, depth: depth + 1)
      case "criterion": held += readCriterion(child, section: position).map { [$0] } ?? []
      default: break
      }
    }
    if held.isEmpty { warning(Message(.rubricSectionEmpty, id), line: element.line, subject: id) }
    sections[position].criteria = held
    return held
  }

  @discardableResult
  mutating func readCriterion(_ element: Element, section: Int?) -> Int? {
    let line = element.line
    guard let id = claimTreeID(element.attribute("id"), kind: .rubricKindCriterion, line: line) else { return nil }
    // Unreadable points are one error; the checks that compare with them are left out (NaN).
    let readPoints = number(element, "points", required: true, owner: Message(.rubricOwnerCriterion, id))
    let points = readPoints ?? 0
    if points < 0 {
      error(Message(.rubricNegativePoints, id, formatted(points)), line: line, subject: id)
    } else if points == 0 && readPoints != nil {
      warning(Message(.rubricZeroPoints, id), line: line, subject: id)
    }
    if section == nil { warning(Message(.rubricOutsideSection, id), line: line, subject: id) }
    let applicable = element.attribute("applicable")
    if let applicable, applicable != "optional" && applicable != "required" {
      warning(
        Message(.rubricApplicableValue, applicable, id), line: line,
        subject: id)
    }

    let methodNames: Set<String> = ["levels", "scale", "bands", "checklist", "judgement"]
    let methodElements = element.children.filter { $0.namespace == ns && methodNames.contains($0.name) }
    var method = ScoringMethod.judgement(step: nil)
    if methodElements.isEmpty {
      error(
        Message(.rubricNoMethod, id),
        line: line, subject: id)
    } else if methodElements.count > 1 {
      error(
        Message(
          .rubricManyMethods, id, String(methodElements.count),
          methodElements.map { "<\($0.name)>" }.joined(separator: ", ")),
        line: methodElements[1].line, subject: id)
    } else {
      method = readMethod(methodElements[0], criterion: id, points: readPoints ?? .nan)
    }

    var measure: String?
    if let element = element.child(named: "measure", in: ns) {
      if let select = element.attribute("select") {
        checkXPath(select, line: element.line, owner: Message(.rubricOwnerMeasure, id), subject: id)
        if method.takesValue {
          measure = select
        } else {
          warning(
            Message(.rubricMeasureIgnored, id), line: element.line,
            subject: id)
        }
      } else {
        warning(Message(.rubricMeasureNoSelect, id), line: element.line, subject: id)
      }
    }

    var minimumEvidence = 0
    if let evidence = element.child(named: "evidence", in: ns) {
      let minimum = number(evidence, "min", required: false, owner: Message(.rubricOwnerEvidence, id)) ?? 1
      if minimum < 0 {
        error(
          Message(.rubricEvidenceNegative, id, formatted(minimum)), line: evidence.line, subject: id)
      }
      minimumEvidence = Int(Swift.min(Swift.max(0, minimum.rounded(.up)), Double(Int32.max)))
    }

    criteria.append(
      Criterion(
        id: id, title: element.attribute("title") ?? "", points: points,
        isOptional: applicable == "optional", isKey: isTrue(element.attribute("key")),
        method: method, measure: measure, minimumEvidence: minimumEvidence, section: section, line: line))
    return criteria.count - 1
  }

  mutating func readMethod(_ element: Element, criterion id: String, points: Double) -> ScoringMethod {
    switch element.name {
    case "levels":
      var levels: [Level] = []
      var codes: [String: Int] = [:]
      for level in element.children(named: "level", in: ns) {
        let code = level.attribute("code") ?? ""
        if code.isEmpty { error(Message(.rubricLevelNoCode, id), line: level.line, subject: id) }
        if let first = codes[code] {
          error(
            Message(.rubricLevelRepeats, code, id, String(first)), line: level.line, subject: id)
        } else {
          codes[code] = level.line
        }
        let value = itemPoints(
          level, owner: Message(.rubricOwnerLevel, code, id), criterion: id, limit: points, refuseAbove: true)
        levels.append(Level(code: code, points: value, text: level.text))
      }
      if levels.isEmpty { warning(Message(.rubricNoLevels, id), line: element.line, subject: id) }
      if let best = levels.map(\.points).max(), best < points - scoringEpsilon {
        warning(Message(.rubricLevelsShort, id, formatted(points)), line: element.line, subject: id)
      }
      return .levels(levels)
    case "scale":
      let from = number(element, "from", required: true, owner: Message(.rubricOwnerScale, id)) ?? 0
      let to = number(element, "to", required: true, owner: Message(.rubricOwnerScale, id)) ?? 1
      if from == to {
        error(
          Message(.rubricScaleFlat, id, formatted(from)), line: element.line,
          subject: id)
      }
      return .scale(from: from, to: to)
    case "bands":
      var bands: [Band] = []
      for band in element.children(named: "band", in: ns) {
        let low = number(band, "min", required: false, owner: Message(.rubricOwnerBand, id))
        let high = number(band, "max", required: false, owner: Message(.rubricOwnerBand, id))
        if let low, let high, low >= high {
          warning(
            Message(.rubricBandEmpty, id, formatted(low), formatted(high)), line: band.line,
            subject: id)
        }
        let value = itemPoints(
          band, owner: Message(.rubricOwnerBand, id), criterion: id, limit: points, refuseAbove: true)
        bands.append(Band(min: low, max: high, points: value))
      }
      if bands.isEmpty {
        warning(Message(.rubricNoBands, id), line: element.line, subject: id)
      }
      return .bands(bands)
    case "checklist":
      var items: [ChecklistItem] = []
      var ids: [String: Int] = [:]
      for item in element.children(named: "item", in: ns) {
        let itemID = item.attribute("id") ?? ""
        if itemID.isEmpty { error(Message(.rubricItemNoID, id), line: item.line, subject: id) }
        if let first = ids[itemID] {
          error(Message(.rubricItemRepeats, itemID, id, String(first)), line: item.line, subject: id)
        } else {
          ids[itemID] = item.line
        }
        let value = itemPoints(
          item, owner: Message(.rubricOwnerItem, itemID, id), criterion: id, limit: points, refuseAbove: false)
        let select = item.attribute("select")
        if let select { checkXPath(select, line: item.line, owner: Message(.rubricOwnerItem, itemID, id), subject: id) }
        items.append(ChecklistItem(id: itemID, points: value, text: item.text, select: select, line: item.line))
      }
      if items.isEmpty { warning(Message(.rubricEmptyChecklist, id), line: element.line, subject: id) }
      let reachable = items.reduce(0) { $0 + $1.points }
      if reachable < points - scoringEpsilon {
        warning(
          Message(.rubricItemsShort, id, formatted(reachable), formatted(points)),
          line: element.line, subject: id)
      }
      return .checklist(items)
    default:
      let step = number(element, "step", required: false, owner: Message(.rubricOwnerJudgement, id))
      if let step, step <= 0 {
        warning(
          Message(.rubricStepNotPositive, id), line: element.line, subject: id)
        return .judgement(step: nil)
      }
      return .judgement(step: step)
    }
  }

  mutating func itemPoints(
    _ element: Element, owner: Message, criterion id: String, limit: Double, refuseAbove: Bool
  ) -> Double {
    let value = number(element, "points", required: true, owner: owner) ?? 0
    if value < 0 {
      error(
        Message(.rubricPartNegative, parts: [.message(owner), .text(formatted(value))]), line: element.line, subject: id
      )
    } else if value > limit + scoringEpsilon {
      let parts: [Message.Argument] = [.message(owner), .text(formatted(value)), .text(formatted(limit))]
      if refuseAbove {
        error(Message(.rubricPartOverLimit, parts: parts), line: element.line, subject: id)
      } else {
        warning(Message(.rubricPartOverLimitCapped, parts: parts), line: element.line, subject: id)
      }
    }
    return value
  }

  // MARK: XPath, numbers, diagnostics

  mutating func checkXPath(_ source: String, line: Int, owner: Message, subject: String) {
    let declared = Set(namespaces.map(\.prefix))
    for finding in XPathScanner.scan(source, declaredPrefixes: declared) {
      switch finding {
      case .undeclaredPrefix(let prefix):
        error(
          Message(.rubricXPathPrefix, parts: [.message(owner), .text(prefix)]),
          line: line, subject: subject)
      case .unknownFunction(let name):
        error(Message(.rubricXPathFunction, parts: [.message(owner), .text(name)]), line: line, subject: subject)
      case .variable(let name):
        diagnostics.append(.xpathVariable(name, owner: owner, line: line, subject: subject))
        return
      }
    }
    if let xpathContext, CompiledXPath(source, context: xpathContext) == nil {
      error(Message(.rubricXPathCompile, parts: [.message(owner), .text(source)]), line: line, subject: subject)
    }
  }

  mutating func number(_ element: Element, _ attribute: String, required: Bool, owner: Message) -> Double? {
    guard let text = element.attribute(attribute) else {
      if required {
        error(Message(.rubricAttributeMissing, parts: [.message(owner), .text(attribute)]), line: element.line)
      }
      return nil
    }
    guard let value = parseNumber(text) else {
      error(Message.rubricNotANumber(owner: owner, attribute: attribute, text: clipped(text)), line: element.line)
      return nil
    }
    guard isWithinMagnitudeLimit(value) else {
      diagnostics.append(.numberTooLarge(attribute: attribute, owner: owner, text: text, line: element.line))
      return nil
    }
    return value
  }

  mutating func error(_ message: Message, line: Int, subject: String? = nil) {
    diagnostics.append(Diagnostic(.error, line: line, message: message, subject: subject))
  }

  mutating func warning(_ message: Message, line: Int, subject: String? = nil) {
    diagnostics.append(Diagnostic(.warning, line: line, message: message, subject: subject))
  }
}

/// `true` for XML Schema's true values, `true` and `1`.
func isTrue(_ text: String?) -> Bool { text == "true" || text == "1" }
