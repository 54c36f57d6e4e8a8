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

/// Reads a rubric document into a `Rubric`, collecting every problem (tiers, aggregation
/// and tiebreak: `RubricBuilder+Tiers.swift`).
struct RubricBuilder {
  var diagnostics: [Diagnostic] = []
  private(set) var sections: [Section] = []
  private var criteria: [Criterion] = []
  private var treeIDs: [String: Int] = [:]
  private var namespaces: [NamespaceBinding] = []
  private var namespaceLines: [Int] = []
  private var xpathContext: XPathContext?
  let ns = PilotEvalNamespace.rubric

  mutating func build(_ document: ParsedDocument) -> Rubric? {
    guard let root = document.root, root.isNamed("rubric", in: ns) else {
      error("the root element must be <rubric xmlns=\"\(ns)\">", line: document.root?.line ?? 1)
      return nil
    }
    let id = root.attribute("id") ?? ""
    let version = root.attribute("version") ?? ""
    if id.isEmpty { warning("the rubric has no id: submissions cannot name it", line: root.line) }
    if version.isEmpty { warning("the rubric has no version", line: root.line) }

    for binding in root.children(named: "namespace", in: ns) {
      guard let prefix = binding.attribute("prefix"), let uri = binding.attribute("uri") else {
        error("<namespace> needs both prefix and uri", line: binding.line)
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
    if criteria.isEmpty { warning("the rubric has no criteria", line: root.line) }
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

  private mutating func claimTreeID(_ id: String?, kind: String, line: Int) -> String? {
    guard let id, !id.isEmpty else {
      error("a \(kind) has no id", line: line)
      return nil
    }
    if let first = treeIDs[id] {
      error("duplicate id '\(id)': a section or criterion at line \(first) already has it", line: line, subject: id)
    } else {
      treeIDs[id] = line
    }
    return id
  }

  /// Reads a section and everything inside; returns the criteria it holds at any depth.
  private mutating func readSection(_ element: Element, parent: Int?, depth: Int) -> [Int] {
    let id = claimTreeID(element.attribute("id"), kind: "section", line: element.line) ?? ""
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
    if held.isEmpty { warning("section \(id) has no criteria", line: element.line, subject: id) }
    sections[position].criteria = held
    return held
  }

  @discardableResult
  private mutating func readCriterion(_ element: Element, section: Int?) -> Int? {
    let line = element.line
    guard let id = claimTreeID(element.attribute("id"), kind: "criterion", line: line) else { return nil }
    let points = number(element, "points", required: true, owner: "criterion \(id)") ?? 0
    if points < 0 {
      error("criterion \(id) has negative points '\(formatted(points))'", line: line, subject: id)
    } else if points == 0 {
      warning("criterion \(id) is worth 0 points", line: line, subject: id)
    }
    if section == nil { warning("criterion \(id) is not inside a section", line: line, subject: id) }
    let applicable = element.attribute("applicable")
    if let applicable, applicable != "optional" && applicable != "required" {
      warning(
        "applicable='\(applicable)' is not 'optional' or 'required'; criterion \(id) is required", line: line,
        subject: id)
    }

    let methodNames: Set<String> = ["levels", "scale", "bands", "checklist", "judgement"]
    let methodElements = element.children.filter { $0.namespace == ns && methodNames.contains($0.name) }
    var method = ScoringMethod.judgement(step: nil)
    if methodElements.isEmpty {
      error(
        "criterion \(id) has no scoring method (add one of <levels>, <scale>, <bands>, <checklist>, <judgement>)",
        line: line, subject: id)
    } else if methodElements.count > 1 {
      error(
        "criterion \(id) has \(methodElements.count) scoring methods (\(methodElements.map { "<\($0.name)>" }.joined(separator: ", "))); keep exactly one",
        line: methodElements[1].line, subject: id)
    } else {
      method = readMethod(methodElements[0], criterion: id, points: points)
    }

    var measure: String?
    if let element = element.child(named: "measure", in: ns) {
      if let select = element.attribute("select") {
        checkXPath(select, line: element.line, owner: "the measure of criterion \(id)", subject: id)
        if method.takesValue {
          measure = select
        } else {
          warning(
            "<measure> of criterion \(id) is ignored: only scale and bands take a value", line: element.line,
            subject: id)
        }
      } else {
        warning("<measure> of criterion \(id) has no select and is ignored", line: element.line, subject: id)
      }
    }

    var minimumEvidence = 0
    if let evidence = element.child(named: "evidence", in: ns) {
      let minimum = number(evidence, "min", required: false, owner: "evidence of criterion \(id)") ?? 1
      if minimum < 0 {
        error(
          "evidence of criterion \(id) has a negative min '\(formatted(minimum))'", line: evidence.line, subject: id)
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

  private mutating func readMethod(_ element: Element, criterion id: String, points: Double) -> ScoringMethod {
    switch element.name {
    case "levels":
      var levels: [Level] = []
      var codes: [String: Int] = [:]
      for level in element.children(named: "level", in: ns) {
        let code = level.attribute("code") ?? ""
        if code.isEmpty { error("a level of criterion \(id) has no code", line: level.line, subject: id) }
        if let first = codes[code] {
          error(
            "level code '\(code)' repeats in criterion \(id) (first at line \(first))", line: level.line, subject: id)
        } else {
          codes[code] = level.line
        }
        let value = itemPoints(
          level, owner: "level \(code) of criterion \(id)", criterion: id, limit: points, refuseAbove: true)
        levels.append(Level(code: code, points: value, text: level.text))
      }
      if levels.isEmpty { warning("criterion \(id) has no levels to choose from", line: element.line, subject: id) }
      if let best = levels.map(\.points).max(), best < points - scoringEpsilon {
        warning("no level of criterion \(id) reaches its \(formatted(points)) points", line: element.line, subject: id)
      }
      return .levels(levels)
    case "scale":
      let from = number(element, "from", required: true, owner: "the scale of criterion \(id)") ?? 0
      let to = number(element, "to", required: true, owner: "the scale of criterion \(id)") ?? 1
      if from == to {
        error(
          "the scale of criterion \(id) has from = to ('\(formatted(from))'): it cannot be scored", line: element.line,
          subject: id)
      }
      return .scale(from: from, to: to)
    case "bands":
      var bands: [Band] = []
      for band in element.children(named: "band", in: ns) {
        let low = number(band, "min", required: false, owner: "a band of criterion \(id)")
        let high = number(band, "max", required: false, owner: "a band of criterion \(id)")
        if let low, let high, low >= high {
          warning(
            "a band of criterion \(id) is empty (min \(formatted(low)) ≥ max \(formatted(high)))", line: band.line,
            subject: id)
        }
        let value = itemPoints(
          band, owner: "a band of criterion \(id)", criterion: id, limit: points, refuseAbove: true)
        bands.append(Band(min: low, max: high, points: value))
      }
      if bands.isEmpty {
        warning("criterion \(id) has no bands: every value scores 0", line: element.line, subject: id)
      }
      return .bands(bands)
    case "checklist":
      var items: [ChecklistItem] = []
      var ids: [String: Int] = [:]
      for item in element.children(named: "item", in: ns) {
        let itemID = item.attribute("id") ?? ""
        if itemID.isEmpty { error("an item of criterion \(id) has no id", line: item.line, subject: id) }
        if let first = ids[itemID] {
          error("item id '\(itemID)' repeats in criterion \(id) (first at line \(first))", line: item.line, subject: id)
        } else {
          ids[itemID] = item.line
        }
        let value = itemPoints(
          item, owner: "item \(itemID) of criterion \(id)", criterion: id, limit: points, refuseAbove: false)
        let select = item.attribute("select")
        if let select { checkXPath(select, line: item.line, owner: "item \(itemID) of criterion \(id)", subject: id) }
        items.append(ChecklistItem(id: itemID, points: value, text: item.text, select: select, line: item.line))
      }
      if items.isEmpty { warning("criterion \(id) has an empty checklist", line: element.line, subject: id) }
      let reachable = items.reduce(0) { $0 + $1.points }
      if reachable < points - scoringEpsilon {
        warning(
          "the items of criterion \(id) add up to \(formatted(reachable)), less than its \(formatted(points)) points",
          line: element.line, subject: id)
      }
      return .checklist(items)
    default:
      let step = number(element, "step", required: false, owner: "the judgement of criterion \(id)")
      if let step, step <= 0 {
        warning(
          "the judgement step of criterion \(id) must be positive; it is ignored", line: element.line, subject: id)
        return .judgement(step: nil)
      }
      return .judgement(step: step)
    }
  }

  private mutating func itemPoints(
    _ element: Element, owner: String, criterion id: String, limit: Double, refuseAbove: Bool
  ) -> Double {
    let value = number(element, "points", required: true, owner: owner) ?? 0
    if value < 0 {
      error("\(owner) has negative points '\(formatted(value))'", line: element.line, subject: id)
    } else if value > limit + scoringEpsilon {
      let message = "\(owner) is worth \(formatted(value)) points, more than the criterion's \(formatted(limit))"
      if refuseAbove {
        error(message, line: element.line, subject: id)
      } else {
        warning(message + " (the checklist is capped at the criterion's points)", line: element.line, subject: id)
      }
    }
    return value
  }

  // MARK: Vetoes, bonuses, deductions

  private mutating func readVetoes(_ root: Element) -> [Veto] {
    var vetoes: [Veto] = []
    var ids: [String: Int] = [:]
    for list in root.children(named: "vetoes", in: ns) {
      for element in list.children(named: "veto", in: ns) {
        let id = element.attribute("id") ?? ""
        uniqueID(id, kind: "veto", line: element.line, in: &ids)
        let select = element.attribute("select")
        if let select { checkXPath(select, line: element.line, owner: "veto \(id)", subject: id) }
        vetoes.append(
          Veto(id: id, title: element.attribute("title") ?? element.text, select: select, line: element.line))
      }
    }
    return vetoes
  }

  private mutating func readAdjustments(_ root: Element, list: String, item: String) -> ([Adjustment], Double?) {
    var items: [Adjustment] = []
    var ids: [String: Int] = [:]
    var cap: Double?
    for container in root.children(named: list, in: ns) {
      if let value = number(container, "cap", required: false, owner: "<\(list)>") {
        if value < 0 { error("the \(item) cap is negative '\(formatted(value))'", line: container.line) }
        cap = value
      }
      for element in container.children(named: item, in: ns) {
        let id = element.attribute("id") ?? ""
        uniqueID(id, kind: item, line: element.line, in: &ids)
        let points = number(element, "points", required: true, owner: "\(item) \(id)") ?? 0
        if points < 0 {
          error("\(item) \(id) has negative points '\(formatted(points))'", line: element.line, subject: id)
        }
        if let cap, points > cap + scoringEpsilon {
          warning(
            "\(item) \(id) is worth \(formatted(points)), more than the cap \(formatted(cap))", line: element.line,
            subject: id)
        }
        let select = element.attribute("select")
        if let select {
          checkXPath(select, line: element.line, owner: "\(item) \(id)", subject: id)
          if item == "bonus" { warning("bonus \(id): select is not used for bonuses", line: element.line, subject: id) }
        }
        items.append(
          Adjustment(
            id: id, title: element.attribute("title") ?? element.text, points: points, select: select,
            line: element.line))
      }
    }
    return (items, cap)
  }

  private mutating func uniqueID(_ id: String, kind: String, line: Int, in seen: inout [String: Int]) {
    if id.isEmpty { error("a \(kind) has no id", line: line) }
    if let first = seen[id] {
      error("duplicate \(kind) id '\(id)' (first at line \(first))", line: line, subject: id)
    } else {
      seen[id] = line
    }
  }

  // MARK: XPath, numbers, diagnostics

  private mutating func checkXPath(_ source: String, line: Int, owner: String, subject: String) {
    let declared = Set(namespaces.map(\.prefix))
    for finding in XPathScanner.scan(source, declaredPrefixes: declared) {
      switch finding {
      case .undeclaredPrefix(let prefix):
        error(
          "the XPath of \(owner) uses the undeclared prefix '\(prefix)' (declare it with <namespace prefix=\"\(prefix)\" uri=\"…\"/>)",
          line: line, subject: subject)
      case .unknownFunction(let name):
        error("the XPath of \(owner) calls an unknown function '\(name)()'", line: line, subject: subject)
      case .variable(let name):
        diagnostics.append(.xpathVariable(name, owner: owner, line: line, subject: subject))
        return
      }
    }
    if let xpathContext, CompiledXPath(source, context: xpathContext) == nil {
      error("the XPath of \(owner) does not compile: '\(source)'", line: line, subject: subject)
    }
  }

  mutating func number(_ element: Element, _ attribute: String, required: Bool, owner: String) -> Double? {
    guard let text = element.attribute(attribute) else {
      if required { error("\(owner) has no \(attribute)", line: element.line) }
      return nil
    }
    guard let value = parseNumber(text) else {
      error("\(attribute) of \(owner) is not a number: '\(clipped(text))'", line: element.line)
      return nil
    }
    guard isWithinMagnitudeLimit(value) else {
      diagnostics.append(.numberTooLarge("\(attribute) of \(owner)", text: text, line: element.line))
      return nil
    }
    return value
  }

  mutating func error(_ message: String, line: Int, subject: String? = nil) {
    diagnostics.append(Diagnostic(.error, line: line, message: message, subject: subject))
  }

  mutating func warning(_ message: String, line: Int, subject: String? = nil) {
    diagnostics.append(Diagnostic(.warning, line: line, message: message, subject: subject))
  }
}

/// `true` for XML Schema's true values, `true` and `1`.
func isTrue(_ text: String?) -> Bool { text == "true" || text == "1" }
