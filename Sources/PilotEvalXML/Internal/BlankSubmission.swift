import Foundation
import PilotEvalCore

/// The rubric's own blank submission (SPEC v1.1 §1): root, unit, round, no
/// responses, an empty `<data/>`. Every XPath of a rubric is evaluated on it when
/// the rubric loads, so an expression that can only fail (`count()` of a boolean)
/// refuses the rubric instead of reading as false on every unit.
enum BlankSubmission {
  /// The blank submission's bytes for `rubric`.
  static func bytes(for rubric: Rubric) -> [UInt8] {
    let ns = PilotEvalNamespace.submission
    let text = """
      <submission xmlns="\(ns)" rubric="\(escaped(rubric.id))" rubric-version="\(escaped(rubric.version))">\
      <unit id="blank"/><round id="blank"/><data/></submission>
      """
    return Array(text.utf8)
  }

  /// A refusal for every XPath of `rubric` that raises an error (or exceeds the
  /// operation bound) on its blank submission, in rubric order.
  static func check(_ rubric: Rubric, operationLimit: UInt = XPathContext.operationLimit) -> [Diagnostic] {
    let sites = XPathSite.all(in: rubric)
    guard !sites.isEmpty else { return [] }
    let parsed = bytes(for: rubric).withUnsafeBytes { ParsedDocument.parse($0, file: "") }
    guard case .success(let document) = parsed,
      let context = XPathContext(
        namespaces: rubric.namespaces.map { ($0.prefix, $0.uri) }, operationLimit: operationLimit)
    else { return [] }
    return context.evaluating(document) { context in
      sites.compactMap { site -> Diagnostic? in
        // Expressions that do not compile were refused already, with their own message.
        guard let expression = CompiledXPath(site.source, context: context) else { return nil }
        let outcome: XPathOutcome<Void>
        switch site.role {
        case .measure, .deduction: outcome = expression.number(in: context).discardingValue
        case .item, .veto: outcome = expression.boolean(in: context).discardingValue
        }
        switch outcome {
        case .value: return nil
        case .tooCostly:
          return .xpathTooCostlyOnBlank(
            owner: site.owner, limit: operationLimit, line: site.line, subject: site.subject)
        case .failed(let reason):
          return .xpathFailsOnBlank(owner: site.owner, reason: reason, line: site.line, subject: site.subject)
        }
      }
    }
  }

  private static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: "\"", with: "&quot;")
  }
}

extension XPathOutcome {
  /// The same outcome, without its value.
  var discardingValue: XPathOutcome<Void> {
    switch self {
    case .value: .value(())
    case .tooCostly: .tooCostly
    case .failed(let reason): .failed(reason)
    }
  }
}
