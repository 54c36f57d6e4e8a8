import Foundation
import PilotEvalCore

/// One place in a rubric that holds an XPath expression, and what its result is for.
struct XPathSite: Sendable {
  /// What the result decides.
  enum Role: Sendable {
    /// A criterion's measured value (a number).
    case measure(criterion: String)
    /// Whether a checklist item is checked (a boolean).
    case item(criterion: String, item: String)
    /// Whether a veto applies (a boolean).
    case veto(String)
    /// A deduction's count (a number).
    case deduction(String)
  }

  var role: Role
  /// The expression.
  var source: String
  /// The rubric line of the element that holds it.
  var line: Int

  /// How messages name it: "the measure of criterion C4", "veto V2" …
  var owner: Message {
    switch role {
    case .measure(let criterion): Message(.rubricOwnerMeasure, criterion)
    case .item(let criterion, let item): Message(.rubricOwnerItem, item, criterion)
    case .veto(let id): Message(.rubricOwnerVeto, id)
    case .deduction(let id): Message(.rubricOwnerDeduction, id)
    }
  }

  /// The rubric id diagnostics about it concern.
  var subject: String {
    switch role {
    case .measure(let criterion), .item(let criterion, _): criterion
    case .veto(let id), .deduction(let id): id
    }
  }

  /// Every XPath `rubric` evaluates on a submission, in rubric order: measures,
  /// checklist selects, veto selects, deduction selects.
  static func all(in rubric: Rubric) -> [XPathSite] {
    var sites: [XPathSite] = []
    for criterion in rubric.criteria {
      if let measure = criterion.measure {
        sites.append(XPathSite(role: .measure(criterion: criterion.id), source: measure, line: criterion.line))
      }
    }
    for criterion in rubric.criteria {
      guard case .checklist(let items) = criterion.method else { continue }
      for item in items {
        if let select = item.select {
          sites.append(XPathSite(role: .item(criterion: criterion.id, item: item.id), source: select, line: item.line))
        }
      }
    }
    for veto in rubric.vetoes {
      if let select = veto.select { sites.append(XPathSite(role: .veto(veto.id), source: select, line: veto.line)) }
    }
    for deduction in rubric.deductions {
      if let select = deduction.select {
        sites.append(XPathSite(role: .deduction(deduction.id), source: select, line: deduction.line))
      }
    }
    return sites
  }
}

/// What evaluating a rubric's expressions on one submission gave.
enum Derivation {
  /// Every expression gave a value.
  case derived(DerivedData)
  /// An expression needed more than the operation bound: the file is rejected.
  case tooCostly(XPathSite)
  /// An expression raised an error: the rubric is at fault and the run stops.
  case failed(XPathSite, reason: Message)
}

/// The rubric's XPath expressions, compiled once for one thread at a time.
final class XPathProgram {
  let context: XPathContext
  private let compiled: [(site: XPathSite, expression: CompiledXPath)]
  /// For each measured criterion: the range it can score, and the paths its `number()` calls read.
  let measureTraces: [String: (range: ClosedRange<Double>, paths: [CompiledXPath])]

  init(rubric: Rubric, operationLimit: UInt = XPathContext.operationLimit) {
    context = XPathContext(
      namespaces: rubric.namespaces.map { ($0.prefix, $0.uri) }, operationLimit: operationLimit)!
    let context = context
    compiled = XPathSite.all(in: rubric).compactMap { site in
      CompiledXPath(site.source, context: context).map { (site, $0) }
    }
    var traces: [String: (range: ClosedRange<Double>, paths: [CompiledXPath])] = [:]
    for criterion in rubric.criteria {
      guard let measure = criterion.measure, let range = criterion.method.scorableRange else { continue }
      let paths = Self.numberArguments(measure).compactMap { CompiledXPath($0, context: context) }
      if !paths.isEmpty { traces[criterion.id] = (range, paths) }
    }
    measureTraces = traces
  }

  /// The arguments of the `number(…)` calls in `source`: the data a measure reads as numbers.
  static func numberArguments(_ source: String) -> [String] {
    var found: [String] = []
    var rest = Substring(source)
    while let call = rest.range(of: "number(") {
      var depth = 1
      var end = call.upperBound
      while end < rest.endIndex {
        let character = rest[end]
        if character == "(" { depth += 1 }
        if character == ")" {
          depth -= 1
          if depth == 0 { break }
        }
        end = rest.index(after: end)
      }
      let argument = rest[call.upperBound..<end].trimmingCharacters(in: .whitespaces)
      if !argument.isEmpty { found.append(argument) }
      rest = end < rest.endIndex ? rest[rest.index(after: end)...] : ""
    }
    return found
  }

  /// The text of every expression a program for `rubric` evaluates, in no particular order.
  static func sources(of rubric: Rubric) -> [String] {
    XPathSite.all(in: rubric).map(\.source)
  }

  /// Evaluates every expression on `document` (context node: its root element).
  func derive(from document: ParsedDocument) -> Derivation {
    context.evaluating(document) { derive(in: $0) }
  }

  private func derive(in context: XPathContext) -> Derivation {
    var derived = DerivedData()
    for (site, expression) in compiled {
      switch site.role {
      case .measure(let criterion):
        switch expression.number(in: context) {
        case .value(let value):
          derived.measured[criterion] = value
          if let trace = measureTraces[criterion], value.isNaN || !trace.range.contains(value) {
            let nodes = trace.paths.compactMap { $0.firstNode(in: context) }
            let culprit = value.isNaN ? nodes.first { parseNumber($0.text) == nil } : nodes.first
            if let culprit { derived.measuredSources[criterion] = DataSource(text: culprit.text, line: culprit.line) }
          }
        case .tooCostly: return .tooCostly(site)
        case .failed(let reason): return .failed(site, reason: reason)
        }
      case .deduction(let deduction):
        switch expression.number(in: context) {
        // A count of data is at most the magnitude limit: no product of points and count overflows.
        case .value(let count):
          derived.deductionCounts[deduction] = count.isNaN || count < 0 ? 0 : min(count, numberMagnitudeLimit)
        case .tooCostly: return .tooCostly(site)
        case .failed(let reason): return .failed(site, reason: reason)
        }
      case .item(let criterion, let item):
        switch expression.boolean(in: context) {
        case .value(let isTrue): if isTrue { derived.selectedItems[criterion, default: []].insert(item) }
        case .tooCostly: return .tooCostly(site)
        case .failed(let reason): return .failed(site, reason: reason)
        }
      case .veto(let veto):
        switch expression.boolean(in: context) {
        case .value(let isTrue): if isTrue { derived.triggeredVetoes.insert(veto) }
        case .tooCostly: return .tooCostly(site)
        case .failed(let reason): return .failed(site, reason: reason)
        }
      }
    }
    return .derived(derived)
  }
}

/// Hands each thread a program of its own: compiled expressions are not shared
/// between threads (libxml2 caches inside them on first evaluation).
final class XPathProgramPool: @unchecked Sendable {
  private let rubric: Rubric
  /// The bound on each evaluation.
  let operationLimit: UInt
  private let lock = NSLock()
  private var idle: [XPathProgram] = []

  init(rubric: Rubric, operationLimit: UInt = XPathContext.operationLimit) {
    self.rubric = rubric
    self.operationLimit = operationLimit
  }

  func withProgram<T>(_ body: (XPathProgram) -> T) -> T {
    let program =
      lock.withLock { idle.popLast() } ?? XPathProgram(rubric: rubric, operationLimit: operationLimit)
    defer { lock.withLock { idle.append(program) } }
    return body(program)
  }
}
