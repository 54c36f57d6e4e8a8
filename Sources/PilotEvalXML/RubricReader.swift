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

/// Loads rubrics: reads the document and hands its elements to `RubricChecker`, which applies SPEC §1's refusal
/// rules, each located by line and id.
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
      var checker = RubricChecker(namespace: PilotEvalNamespace.rubric, syntax: LibXMLRubricSyntax())
      let rubric = checker.check(document.withRoot { $0.map(RubricNode.init) })
      var diagnostics = checker.diagnostics.map { $0.inFile(file) }
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

// MARK: - Reading

extension RubricNode {
  /// The element and everything inside it, as the rubric checker reads them.
  init(_ element: Element) {
    var attributes: [String: String] = [:]
    for name in Self.attributeNames {
      if let value = element.attribute(name) { attributes[name] = value }
    }
    self.init(
      name: element.name, namespace: element.namespace, line: element.line, attributes: attributes,
      text: element.text, children: element.children.map(RubricNode.init))
  }
}

/// Names and XPath as libxml2 sees them.
struct LibXMLRubricSyntax: RubricSyntax {
  func isNCName(_ name: String) -> Bool { PilotEvalXML.isNCName(name) }

  func problems(in source: String, namespaces: [NamespaceBinding]) -> [XPathProblem] {
    var problems: [XPathProblem] = []
    for finding in XPathScanner.scan(source, declaredPrefixes: Set(namespaces.map(\.prefix))) {
      switch finding {
      case .undeclaredPrefix(let prefix): problems.append(.undeclaredPrefix(prefix))
      case .unknownFunction(let name): problems.append(.unknownFunction(name))
      case .variable(let name):
        problems.append(.variable(name))
        return problems  // a variable is refused before the expression is compiled
      }
    }
    if let context = XPathContext(namespaces: namespaces.map { ($0.prefix, $0.uri) }),
      CompiledXPath(source, context: context) == nil
    {
      problems.append(.doesNotCompile)
    }
    return problems
  }
}
