/// SPEC §1's rules for a rubric, applied to its document's elements as the XML reader found them: every refusal
/// and warning, each located by line and id, with the `Rubric` the elements describe.
///
/// The checker judges; reading is the XML module's (`RubricReader`), which hands it the elements as `RubricNode`s
/// and answers, through `RubricSyntax`, the two questions only an XML library can (names and XPath).
///
///     var checker = RubricChecker(namespace: "urn:piloteval:rubric:1", syntax: syntax)
///     let rubric = checker.check(root)  // nil when the root is not a rubric
///     let refused = checker.diagnostics.hasErrors
public struct RubricChecker: Sendable {
  /// Every problem found, in document order.
  public private(set) var diagnostics: [Diagnostic] = []
  var sections: [Section] = []
  var criteria: [Criterion] = []
  var treeIDs: [String: Int] = [:]
  var namespaces: [NamespaceBinding] = []
  var namespaceLines: [Int] = []
  let ns: String
  let syntax: any RubricSyntax

  /// A checker for rubrics in `namespace` (SPEC §1's rubric namespace), asking `syntax` about names and XPath.
  public init(namespace: String, syntax: any RubricSyntax) {
    ns = namespace
    self.syntax = syntax
  }

  /// Checks the document whose root element is `root`; returns the rubric it describes, or `nil` when the root
  /// is missing or not a rubric. The rubric is usable only when `diagnostics` holds no error.
  public mutating func check(_ root: RubricNode?) -> Rubric? {
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
      if !syntax.isNCName(prefix) {
        diagnostics.append(.prefixNotNCName(prefix, line: binding.line))
        continue
      }
      namespaces.append(NamespaceBinding(prefix: prefix, uri: uri))
      namespaceLines.append(binding.line)
    }

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
  mutating func readSection(_ element: RubricNode, parent: Int?, depth: Int) -> [Int] {
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
  mutating func readCriterion(_ element: RubricNode, section: Int?) -> Int? {
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

  // MARK: XPath, numbers, diagnostics

  mutating func checkXPath(_ source: String, line: Int, owner: Message, subject: String) {
    for problem in syntax.problems(in: source, namespaces: namespaces) {
      switch problem {
      case .undeclaredPrefix(let prefix):
        error(Message(.rubricXPathPrefix, parts: [.message(owner), .text(prefix)]), line: line, subject: subject)
      case .unknownFunction(let name):
        error(Message(.rubricXPathFunction, parts: [.message(owner), .text(name)]), line: line, subject: subject)
      case .variable(let name):
        diagnostics.append(.xpathVariable(name, owner: owner, line: line, subject: subject))
      case .doesNotCompile:
        error(Message(.rubricXPathCompile, parts: [.message(owner), .text(source)]), line: line, subject: subject)
      }
    }
  }

  mutating func number(_ element: RubricNode, _ attribute: String, required: Bool, owner: Message) -> Double? {
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
