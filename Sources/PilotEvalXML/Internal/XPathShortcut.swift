internal import CLibXML2

/// A rubric expression of a simple shape (`number(s:data/s:metric[@name='x']/@value)`,
/// `count(path[@a='x'])`, `sum(path/@a)`, `path/@a = 'x'` and their combinations:
/// see `ShortcutExpression`), answered by walking the tree directly instead of
/// through libxml2's general evaluator, with exactly libxml2's results
/// (docs/DECISIONS.md, "XPath shortcuts"). Anything else is not a shortcut
/// (`init` fails) and libxml2 evaluates it.
///
/// The operation bound stays libxml2's: a run that visits more than
/// `operationLimit / costRatio` nodes and subexpressions is abandoned (`nil`)
/// and the caller evaluates with libxml2, whose own count then decides. libxml2
/// counts one operation for each node its axes visit and each step of the
/// compiled expression, never fewer than a shortcut run's units
/// (`XPathShortcutTests` measures under 2 to a unit, plus its compiled steps), so a run that stays
/// within its budget is one libxml2 would have finished within its bound.
final class XPathShortcut {
  /// How many of libxml2's operations a unit of a run may stand for, with room to spare.
  static let costRatio: UInt = 16

  let expression: ShortcutExpression
  private let budget: Int

  /// Reads `source` as a shortcut, its prefixes bound as in `context`; `nil` when it is not one.
  init?(_ source: String, context: XPathContext, operationLimit: UInt) {
    let bytes = Array(source.utf8)
    // libxml2 compiles a bare path (no `[`, `(`, `@`, `:`) to a streaming pattern that visits
    // every descendant: its operation count is not a shortcut's.
    guard bytes.contains(where: { "[(@:".utf8.contains($0) }), let lexemes = ShortcutLexer.tokens(bytes) else {
      return nil
    }
    var parser = ShortcutParser(lexemes) { prefix in
      guard let uri = (prefix + [0]).withUnsafeBufferPointer({ xmlXPathNsLookup(context.pointer, $0.baseAddress) })
      else { return nil }
      return Array(UnsafeBufferPointer(start: uri, count: Int(xmlStrlen(uri)) + 1))
    }
    guard let expression = parser.parse() else { return nil }
    self.expression = expression
    budget = operationLimit == 0 ? Int.max : Int(operationLimit / Self.costRatio)
  }

  /// The result as `number()` casts it; `nil` when the run went over its budget.
  func number(in context: XPathContext) -> Double? {
    run(in: context) { ShortcutRun.number($0) }
  }

  /// The result as `boolean()` casts it; `nil` when the run went over its budget.
  func boolean(in context: XPathContext) -> Bool? {
    run(in: context) { ShortcutRun.boolean($0) }
  }

  /// The first node selected, as `CompiledXPath.firstNode` gives it: `.some(nil)` when the
  /// result is not a node-set or is empty, `nil` when the run went over its budget.
  func firstNode(in context: XPathContext) -> (text: String, line: Int)?? {
    run(in: context) { value -> (text: String, line: Int)? in
      guard case .nodes(let set) = value, let first = set.nodes.first else { return nil }
      let text = ShortcutRun.withStringValue(first, set.areAttributes) { String(cString: $0) }
      let owner =
        set.areAttributes
        ? first.assumingMemoryBound(to: xmlAttr.self).pointee.parent : first.assumingMemoryBound(to: xmlNode.self)
      return (text, owner.map { Element(node: $0).line } ?? 0)
    }
  }

  /// The units a run on the context's document spends, unbounded: what the budget is set against.
  func units(in context: XPathContext) -> Int {
    guard let document = context.pointer.pointee.doc, let node = context.pointer.pointee.node else { return 0 }
    var run = ShortcutRun(document: document, budget: Int.max)
    _ = try? run.evaluate(expression, at: node)
    return Int.max - run.budget
  }

  private func run<T>(in context: XPathContext, _ cast: (ShortcutRun.Value) -> T) -> T? {
    guard let document = context.pointer.pointee.doc, let node = context.pointer.pointee.node else { return nil }
    var run = ShortcutRun(document: document, budget: budget)
    do {
      return cast(try run.evaluate(expression, at: node))
    } catch {
      return nil
    }
  }
}
