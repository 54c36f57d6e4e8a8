import Foundation
import PilotEvalCore

/// The rubric's XPath expressions, compiled once for one thread at a time.
final class XPathProgram {
  let context: XPathContext
  let measures: [(criterion: String, expression: CompiledXPath)]
  let itemSelects: [(criterion: String, item: String, expression: CompiledXPath)]
  let vetoSelects: [(veto: String, expression: CompiledXPath)]
  let deductionSelects: [(deduction: String, expression: CompiledXPath)]
  /// For each measured criterion: the range it can score, and the paths its `number()` calls read.
  let measureTraces: [String: (range: ClosedRange<Double>, paths: [CompiledXPath])]

  init(rubric: Rubric) {
    context = XPathContext(namespaces: rubric.namespaces.map { ($0.prefix, $0.uri) })!
    let context = context
    measures = rubric.criteria.compactMap { criterion in
      criterion.measure.flatMap { CompiledXPath($0, context: context) }.map { (criterion.id, $0) }
    }
    itemSelects = rubric.criteria.flatMap { criterion -> [(String, String, CompiledXPath)] in
      guard case .checklist(let items) = criterion.method else { return [] }
      return items.compactMap { item in
        item.select.flatMap { CompiledXPath($0, context: context) }.map { (criterion.id, item.id, $0) }
      }
    }
    vetoSelects = rubric.vetoes.compactMap { veto in
      veto.select.flatMap { CompiledXPath($0, context: context) }.map { (veto.id, $0) }
    }
    deductionSelects = rubric.deductions.compactMap { deduction in
      deduction.select.flatMap { CompiledXPath($0, context: context) }.map { (deduction.id, $0) }
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
    var sources = rubric.criteria.compactMap(\.measure)
    for criterion in rubric.criteria {
      if case .checklist(let items) = criterion.method { sources += items.compactMap(\.select) }
    }
    sources += rubric.vetoes.compactMap(\.select)
    sources += rubric.deductions.compactMap(\.select)
    return sources
  }

  /// Evaluates every expression on `document` (context node: its root element).
  func derive(from document: ParsedDocument) -> DerivedData {
    context.evaluating(document) { derive(in: $0) }
  }

  private func derive(in context: XPathContext) -> DerivedData {
    var derived = DerivedData()
    for (criterion, expression) in measures {
      let value = expression.number(in: context)
      derived.measured[criterion] = value
      if let trace = measureTraces[criterion], value.isNaN || !trace.range.contains(value) {
        let nodes = trace.paths.compactMap { $0.firstNode(in: context) }
        let culprit = value.isNaN ? nodes.first { parseNumber($0.text) == nil } : nodes.first
        if let culprit { derived.measuredSources[criterion] = DataSource(text: culprit.text, line: culprit.line) }
      }
    }
    for (criterion, item, expression) in itemSelects where expression.boolean(in: context) {
      derived.selectedItems[criterion, default: []].insert(item)
    }
    for (veto, expression) in vetoSelects where expression.boolean(in: context) {
      derived.triggeredVetoes.insert(veto)
    }
    for (deduction, expression) in deductionSelects {
      let count = expression.number(in: context)
      derived.deductionCounts[deduction] = count.isNaN || count < 0 ? 0 : count
    }
    return derived
  }
}

/// Hands each thread a program of its own: compiled expressions are not shared
/// between threads (libxml2 caches inside them on first evaluation).
final class XPathProgramPool: @unchecked Sendable {
  private let rubric: Rubric
  private let lock = NSLock()
  private var idle: [XPathProgram] = []

  init(rubric: Rubric) {
    self.rubric = rubric
  }

  func withProgram<T>(_ body: (XPathProgram) -> T) -> T {
    let program = lock.withLock { idle.popLast() } ?? XPathProgram(rubric: rubric)
    defer { lock.withLock { idle.append(program) } }
    return body(program)
  }
}
