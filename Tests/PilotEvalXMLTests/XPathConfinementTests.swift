import Foundation
import PilotEvalCore
import Testing

@testable import PilotEvalXML

/// An expression and what the confinement rule must say about it.
struct ConfinementCase: CustomTestStringConvertible, Sendable {
  var expression: String
  /// `nil`: confined.
  var refusal: XPathConfinement.Refusal?
  /// Why, in words: the test's name.
  var why: String
  var testDescription: String { "\(refusal == nil ? "confined" : "not confined"): \(why) — \(expression)" }

  static func confined(_ expression: String, _ why: String) -> ConfinementCase {
    ConfinementCase(expression: expression, refusal: nil, why: why)
  }

  static func refused(_ expression: String, _ refusal: XPathConfinement.Refusal, _ why: String) -> ConfinementCase {
    ConfinementCase(expression: expression, refusal: refusal, why: why)
  }
}

@Suite("Which XPath expressions only reach a submission's <data>")
struct XPathConfinementTests {
  /// `s` and `q` stand for the submission namespace, `t` for another, `r` for both (bound twice).
  static let confinement = XPathConfinement(bindings: [
    NamespaceBinding(prefix: "s", uri: PilotEvalNamespace.submission),
    NamespaceBinding(prefix: "q", uri: PilotEvalNamespace.submission),
    NamespaceBinding(prefix: "t", uri: "urn:vendor"),
    NamespaceBinding(prefix: "r", uri: PilotEvalNamespace.submission),
    NamespaceBinding(prefix: "r", uri: "urn:vendor"),
  ])

  static let cases: [ConfinementCase] = [
    // Confined.
    .confined(
      "number(/s:submission/s:data/s:coverage/@covered) div number(/s:submission/s:data/s:coverage/@items)",
      "the bundled rubrics' shape: absolute paths into data, an operator word between them"),
    .confined(
      "count(/s:submission/s:data/s:standard[@type='local' and @status='published'])",
      "relative attribute tests inside a predicate start under data"),
    .confined("/s:submission/s:data/s:incidents/@major > 0", "a comparison after the path"),
    .confined("/s:submission/s:data", "the path may end at data"),
    .confined("boolean(/s:submission/s:data)", "data followed by )"),
    .confined("/s:submission/s:data=1", "data followed by an operator"),
    .confined("/s:submission/s:data /s:x", "white space inside the path, then more steps"),
    .confined("/q:submission/q:data/q:x", "any prefix bound to the submission namespace"),
    .confined("/s:submission/s:data/*[1]", "a wildcard step after a slash"),
    .confined("/s:submission/s:data/s:*", "a prefixed wildcard after a slash"),
    .confined("/s:submission/s:data/@*", "an attribute wildcard after a slash"),
    .confined("string(/s:submission/s:data/s:note/text())", "a node type test after a slash"),
    .confined("sum(/s:submission/s:data/s:x/@n) * 2 - -1", "multiplication and unary minus"),
    .confined("1.5 + .5 + 3.", "numbers with and without digits around the point"),
    .confined("'//..::$|id(.)' = \"/s:submission\"", "literals are skipped"),
    .confined(
      "count(/s:submission/s:data/s:x[s:y/@z = /s:submission/s:data/s:w/@z])",
      "an absolute path inside a predicate that obeys the rule"),
    .confined("count(/s:submission/s:data/s:x[string() = 'a'])", "a call without arguments inside a predicate"),
    .confined("(/s:submission/s:data/s:x)[1]/@v", "a filter expression over a confined path, then a step"),
    .confined("/s:submission/s:data/s:x[@a div 2 > 1 or @b mod 2 = 0]", "operator words inside a predicate"),
    .confined("true() and not(false())", "true() and false() read nothing"),
    .confined("concat(/s:submission/s:data/s:a, '-', 2)", "function calls with arguments"),
    // Confined since relative paths from the root may start with data (issue 18).
    .confined("number(s:data/s:metric)", "a relative path whose first step is data"),
    .confined("number(s:data/s:metric[@name='coverage']/@value)", "a relative path with a predicate below data"),
    .confined("s:data/s:incidents/@major > 0", "a relative path at the start, then a comparison"),
    .confined("sum(q:data/q:x/@n) div 2", "any prefix bound to the submission namespace"),
    .confined("boolean(s:data)", "a relative path that ends at data"),
    .confined("1 + s:data/s:x", "a relative path after an operator"),
    .confined("(s:data/s:x)[1]/@v", "a filter expression over a relative path, then a step"),
    .confined("s:data /s:x", "white space inside a relative path"),
    .confined("s:data/s:a = s:data/s:b", "relative paths on both sides of a comparison"),
    .confined(
      "count(s:data/s:x[s:y = /s:submission/s:data/s:z/@v])", "a relative path with an absolute one in its predicate"),
    .confined("concat(s:data/s:a, '-', /s:submission/s:data/s:b)", "relative and absolute paths as arguments"),
    // Not confined.
    .refused("count(s:data[1]/s:x)", .relativePath, "a predicate right after a relative data step"),
    .refused("count(s:data [1])", .relativePath, "a predicate after a relative data step and white space"),
    .refused("count(s:database)", .relativePath, "a relative step with a longer name that starts with data"),
    .refused("count(s:data-x/s:y)", .relativePath, "a relative step whose name has a hyphen"),
    .refused("count(s:data,1)", .relativePath, "a comma right after a relative data step"),
    .refused("count(t:data/t:x)", .relativePath, "a relative data step with a prefix of another namespace"),
    .refused("count(r:data/r:x)", .relativePath, "a relative data step with a prefix bound twice"),
    .refused("count(data/x)", .relativePath, "a relative data step in no namespace"),
    .refused("count(s:*/s:x)", .relativePath, "a wildcard first step reaches every child of the root"),
    .refused("count(s:data//s:x)", .descendantStep, "// after a relative data step"),
    .refused("count(s:data/s:x/ancestor::*)", .axis, "an axis after a relative data step"),
    .refused("s:data/s:x = s:unit/@id", .relativePath, "the second relative path starts with unit"),
    .refused("count(//s:response)", .descendantStep, "// reaches the whole document"),
    .refused("count(/s:submission/s:data//s:x)", .descendantStep, "// even below data (refused outright)"),
    .refused("/s:submission/s:data/..", .parentStep, ".. climbs out of data"),
    .refused("count(/s:submission/s:data/s:x/ancestor::*)", .axis, "an explicit axis"),
    .refused("count(self::s:submission)", .axis, "self:: on the root"),
    .refused("count(/s:submission/s:data/child::s:x)", .axis, "even child:: is refused"),
    .refused("$limit > 1", .variable, "a variable"),
    .refused("count(/s:submission/s:data/s:a | /s:submission/s:data/s:b)", .union, "a union"),
    .refused("local-name(.) = 'submission'", .contextNode, "the context node is the root"),
    .refused("count(/s:submission/s:data/s:x[. = 'a'])", .contextNode, "a standalone dot, even in a predicate"),
    .refused("count(id('a'))", .idFunction, "id() finds elements anywhere"),
    .refused("/s:submission/s:unit/@id = 'x'", .absolutePath, "an absolute path to unit"),
    .refused("count(/s:submission)", .absolutePath, "the root itself"),
    .refused("count(/)", .absolutePath, "the document node"),
    .refused("count(/*)", .absolutePath, "a wildcard under the document node"),
    .refused("count(/s:submission/*)", .absolutePath, "every child of the root"),
    .refused("count(/s:submission/s:data[1]/s:x)", .absolutePath, "a predicate right after data"),
    .refused("count(/s:submission/s:data [1])", .absolutePath, "a predicate after data and white space"),
    .refused("count(/s:submission/s:database)", .absolutePath, "a longer name that starts with data"),
    .refused("count(/s:submission/s:data-x)", .absolutePath, "a name with a hyphen is one name"),
    .refused("count(/s:submission/s:data,1)", .absolutePath, "a comma right after data is not in the list"),
    .refused("count(/t:submission/t:data/t:x)", .absolutePath, "a prefix bound to another namespace"),
    .refused("count(/r:submission/r:data/r:x)", .absolutePath, "a prefix bound to two namespaces"),
    .refused("count(/submission/data)", .absolutePath, "names in no namespace"),
    .refused("count(/ s:submission/s:data)", .absolutePath, "white space after the first slash"),
    .refused("count(/s:submission[@rubric]/s:data)", .absolutePath, "a predicate on the root"),
    .refused(
      "count(/s:submission/s:data/s:x[/s:submission/s:unit/@id = 'a'])", .absolutePath,
      "an absolute path inside a predicate must obey the rule too"),
    .refused("count(s:response)", .relativePath, "a relative name test reaches responses"),
    .refused("@rubric = 'jgsw-pilot'", .relativePath, "an attribute of the root"),
    .refused("string-length(text())", .relativePath, "a node type test outside a path"),
    .refused("count(*)", .relativePath, "a wildcard outside a path"),
    .refused("2 * data", .relativePath, "a name after an operator is a name test"),
    .refused("string() = ''", .contextFunction("string"), "string() reads the whole root"),
    .refused("number() > 0", .contextFunction("number"), "number() reads the root"),
    .refused("normalize-space( ) = ''", .contextFunction("normalize-space"), "white space between the parentheses"),
    .refused("position() = 1", .contextFunction("position"), "any call without arguments outside predicates"),
    .refused("count(/s:submission/s:data/s:x[1]", .unexpected, "an unclosed parenthesis"),
    .refused("count(/s:submission/s:data/s:x])", .unexpected, "a bracket that closes nothing"),
    .refused("'abc", .unexpected, "an unterminated literal"),
    .refused("/s:submission/s:data/s:x # 1", .unexpected, "a character XPath does not use"),
    .refused("1 ! 2", .unexpected, "a ! without ="),
    .refused("/s:submission/s:data/s:x/@a foo 1", .unexpected, "a name in operator position that is no operator"),
  ]

  @Test("the rule on one expression", arguments: cases)
  func rule(_ example: ConfinementCase) {
    #expect(Self.confinement.refusal(of: example.expression) == example.refusal)
  }

  @Test("the bundled rubrics are confined, so submissions get a pruned tree", arguments: ["jgsw-pilot", "ggjg-energy"])
  func bundledRubrics(_ name: String) throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Rubrics/\(name).xml").path
    guard case .success(let loaded) = RubricReader.load(path: path) else {
      Issue.record("Rubrics/\(name).xml is refused")
      return
    }
    #expect(!XPathProgram.sources(of: loaded.rubric).isEmpty)
    #expect(XPathConfinement.confines(loaded.rubric))
    #expect(SubmissionReader(rubric: loaded.rubric).prunes)
    #expect(!SubmissionReader(rubric: loaded.rubric, pruning: false).prunes)
  }

  @Test("a rubric with relative paths and self:: keeps the whole tree")
  func relativeRubric() {
    #expect(!XPathConfinement.confines(SubmissionDocument.rubric))
    #expect(!SubmissionReader(rubric: SubmissionDocument.rubric).prunes)
  }

  @Test("a rubric without XPath expressions is confined")
  func noExpressions() throws {
    guard case .success(let loaded) = RubricReader.load(bytes: RubricDocument.make().bytes, file: "rubric.xml") else {
      Issue.record("the test rubric is refused")
      return
    }
    #expect(XPathConfinement.confines(loaded.rubric))
  }
}
