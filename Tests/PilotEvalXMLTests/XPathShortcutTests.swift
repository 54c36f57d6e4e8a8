import Foundation
import PilotEvalCore
import Testing

@testable import PilotEvalXML

/// Expressions of simple shapes are answered by walking the tree (`XPathShortcut`);
/// on every generated document, hostile values included, they give exactly what
/// libxml2's evaluator gives (the same Double bit for bit, NaN for NaN).
@Suite("XPath shortcuts agree with libxml2")
struct XPathShortcutTests {
  static let submissionNamespace = "urn:piloteval:submission:1"
  static let bindings = [("s", submissionNamespace), ("o", "urn:other"), ("t", submissionNamespace)]

  /// Every shape the shortcut answers, the published rubrics' and the relative shape's first.
  static let shortcuts = [
    "number(s:data/s:metric[@name='coverage']/@value)",
    "number(s:data/s:metric[@name='conforming']/@value) div number(s:data/s:metric[@name='checked']/@value)",
    "count(s:data/s:standard[@type='local' and @status='published'])",
    "sum(s:data/s:training/@persons) div number(s:data/s:metric[@name='staff']/@value)",
    "s:data/s:flag[@name='catalogue']/@value = 'true'",
    "number(s:data/s:metric[@name='awareness']/@value) >= 0.9",
    "count(s:data/s:promotion) > 1",
    "s:data/s:incidents/@major > 0",
    "count(/s:submission/s:data/s:rectification[@overdue='true'])",
    "count(/s:submission/s:data/s:promotion[@level='national' or @level='provincial']) > 0",
    "number(/s:submission/s:data/s:water/@capita-actual) div number(/s:submission/s:data/s:water/@capita-quota)",
    "/s:submission/s:data/s:catalogue/@public = 'true'",
    "s:data/s:metric[@name='coverage']/@value",
    "/s:submission/s:data/s:water/@capita-actual",
    "s:data/s:note",
    "sum(s:data/s:metric/@value)",
    "s:data/s:metric/@value != '1'",
    "s:data/s:metric/@value = 5",
    "s:data/s:metric/@value != 5",
    "5 < s:data/s:metric/@value",
    "s:data/s:metric/@value <= '0.5'",
    "s:data/s:metric/@value > true()",
    "s:data/s:metric = false()",
    "s:data/s:metric != true()",
    "number(s:data/s:note)",
    "s:data/s:note = 'a<b'",
    "s:data/s:note != ''",
    "boolean(s:data/o:metric)",
    "not(s:data/s:metric[@o:name='coverage'])",
    "number(s:data/t:metric[@name='coverage']/@o:value)",
    "count(s:data/metric)",
    "sum(s:data/s:group/s:item/@v) * 2 - 1 mod 3",
    "-number(s:data/s:metric[@name='staff']/@value) + 0.5",
    "(count(s:data/s:metric) + 1) div 0",
    "count(s:data/s:metric) mod 0",
    "s:data/s:metric[@name = 'staff' or not(@value)][@value]/@value = ''",
    "number(s:data/s:metric[s:sub/@k = 'x']/@value)",
    "count(s:data/s:metric[@name='coverage']) = 1 and s:data/s:incidents/@major = 0",
    "true() = 'x' and 1.5 = '1.5' and .5 = 0.5 and 1. = 1",
    "number('  12  ') + number(s:data/s:metric/@value)",
    "number(s:data/s:metric[@name='coverage']/@value) = number(s:data/s:metric[@name='coverage']/@value)",
    "s:data/s:metric[@value > 0.5 and @value < 2]/@name = 'staff'",
    "s:data/s:metric[@value >= '1']/@value < 10",
    "count(s:data/s:metric[@value = 1]) + count(s:data/s:metric[@value != 1])",
    "boolean(s:data/s:metric/@value) = boolean(number(s:data/s:metric/@value))",
    "count(s:data[@o:k='1']/s:metric)",
    "number(s:data/s:metric/@value) * number(s:data/s:metric/@value) - 0.1",
  ]

  /// Shapes left to libxml2 (positions, other axes, functions, unions, two node-sets, odd spacing …).
  static let others = [
    "//s:metric", "count(s:data/s:metric[1])", "count(s:data/*)", "string(s:data)",
    "s:data/s:metric/@value >= s:data/s:incidents/@major", "count(s:data | s:x)", "data/metric",
    "number(s:data/s:metric/@value[1])", "count(s:data /s:metric)", "number (s:data/@x)", "count(u:data)",
    "1e3 > count(s:data)", "number(s:data/s:metric[position()=1]/@value)", "count(s:data/s:metric[.='x'])",
    "count(s:data/s:metric[../s:x])", "count(child::s:data)", "count(s:data/s:metric[@name='x'][2])",
    "--count(s:data)", "count(s:data/s:metric[@ name='x'])", "count(s:data/s:metric [@name='x'])",
    "count(s:data/text())", "count(s:data/s:*)", "sum(number(s:data/@x))", "count(s:data/@*)",
    "(s:data/s:metric)[1]/@value = 1", "string-length(s:data) > 0", "number(s:data/s:metric/@value) > $x",
    "count(s:data/s:metric[@name='x']) > 0 | 1", "s:f(s:data)", "number(s:data/s:指标/@value)",
  ]

  /// Attribute values a submission may hold: the number forms XPath reads and many it does not.
  static let values = [
    "", " ", "0", "-0", "12", " 12 ", "&#9;7&#10;", "1e3", "1E-2", "2e+2", "1e", "NaN", "Infinity", "-Infinity",
    "+1", ".5", "1.", "-.5", "-", ".", "١٢", "１２", "12abc", "99999999999999999999999", "1e400", "1e-400",
    "0.1234567890123456789012345678", "1,5", "- 1", "--1", "0x10", "5 5", "0.9", "0.95", "1", "2", "true",
    "false", "a&lt;b", "00000000000000000000000001.5", "123456789012345678901234567890e-10", "&#x31;&#x32;",
    "0.3", "1.0000000000000002", "4.35", "1e308", "-1e308",
  ]

  static let names = ["coverage", "conforming", "checked", "staff", "awareness", "satisfaction"]

  /// A seeded submission with a `<data>` full of the elements the expressions read.
  static func document(_ generator: inout SeededGenerator) -> String {
    func value() -> String { values.randomElement(using: &generator)! }
    func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &generator) < p }
    func space() -> String { ["", " ", "\n  ", "\t"].randomElement(using: &generator)! }
    var data = ""
    for _ in 0..<Int.random(in: 0...14, using: &generator) {
      let name = names.randomElement(using: &generator)!
      switch Int.random(in: 0..<16, using: &generator) {
      case 0: data += "<o:metric name=\"\(name)\" value=\"\(value())\"/>"
      case 1: data += "<metric xmlns=\"\" name=\"\(name)\" value=\"\(value())\"/>"
      case 2: data += "<s:metric o:name=\"\(name)\" o:value=\"\(value())\" value=\"\(value())\"/>"
      case 3: data += "<s:metric name=\"\(name)\"/>"
      case 4:
        data += "<s:metric name=\"\(name)\" value=\"\(value())\"><s:sub k=\"\(chance(0.5) ? "x" : "y")\"/></s:metric>"
      case 5:
        data +=
          "<s:standard type=\"\(chance(0.6) ? "local" : "national")\" status=\"\(chance(0.5) ? "published" : "draft")\"/>"
      case 6: data += "<s:training persons=\"\(value())\"/>"
      case 7: data += "<s:flag name=\"catalogue\" value=\"\(chance(0.5) ? "true" : value())\"/>"
      case 8: data += "<s:incidents major=\"\(value())\"/>"
      case 9: data += "<s:promotion level=\"\(["national", "provincial", "city"].randomElement(using: &generator)!)\"/>"
      case 10: data += "<s:rectification overdue=\"\(chance(0.5) ? "true" : "false")\"/>"
      case 11: data += "<s:water capita-actual=\"\(value())\" capita-quota=\"\(value())\"/>"
      case 12: data += "<s:catalogue public=\"\(chance(0.5) ? "true" : value())\"/>"
      case 13:
        let text = ["a&lt;b", " 7 ", "<![CDATA[ 8]]>", "<!-- c -->9", "1<s:b>2</s:b>", "", "&#x31;5"]
        data += "<s:note>\(text.randomElement(using: &generator)!)</s:note>"
      case 14: data += "<s:group><s:item v=\"\(value())\"/><s:item v=\"\(value())\"/></s:group>"
      default: data += "<s:metric name=\"\(name)\" value=\"\(value())\"/>"
      }
      data += space()
    }
    let opening = chance(0.1) ? "<s:data o:k=\"1\">" : "<s:data>"
    let body = chance(0.05) ? "" : "\(opening)\(space())\(data)</s:data>"
    let second = chance(0.1) ? "<s:data><s:metric name=\"coverage\" value=\"0.7\"/></s:data>" : ""
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <s:submission xmlns:s="\(submissionNamespace)" xmlns:o="urn:other" unit="u1">
        \(body)\(second)
      </s:submission>
      """
  }

  static func parse(_ text: String) -> ParsedDocument {
    let bytes = Array(text.utf8)
    let outcome = bytes.withUnsafeBytes { ParsedDocument.parse($0, file: "s.xml") }
    guard case .success(let document) = outcome else { fatalError("not well-formed: \(text)") }
    return document
  }

  static func same(_ a: XPathOutcome<Double>, _ b: XPathOutcome<Double>) -> Bool {
    switch (a, b) {
    case (.value(let x), .value(let y)): (x.isNaN && y.isNaN) || x.bitPattern == y.bitPattern
    case (.tooCostly, .tooCostly): true
    case (.failed(let x), .failed(let y)): x == y
    default: false
    }
  }

  static func same(_ a: XPathOutcome<Bool>, _ b: XPathOutcome<Bool>) -> Bool {
    switch (a, b) {
    case (.value(let x), .value(let y)): x == y
    case (.tooCostly, .tooCostly): true
    case (.failed(let x), .failed(let y)): x == y
    default: false
    }
  }

  @Test("every simple shape is a shortcut; the others are left to libxml2")
  func recognition() throws {
    let context = try #require(XPathContext(namespaces: Self.bindings))
    for source in Self.shortcuts {
      let compiled = try #require(CompiledXPath(source, context: context), "\(source)")
      #expect(compiled.shortcut != nil, "\(source)")
    }
    for source in Self.others {
      #expect(CompiledXPath(source, context: context)?.shortcut == nil, "\(source)")
    }
  }

  @Test("number(), boolean() and the first node agree with libxml2 on 400 generated documents")
  func differential() throws {
    let context = try #require(XPathContext(namespaces: Self.bindings))
    let pairs = try Self.shortcuts.map { source in
      (
        source, try #require(CompiledXPath(source, context: context)),
        try #require(CompiledXPath(source, context: context, shortcuts: false))
      )
    }
    var generator = SeededGenerator(seed: 18)
    var compared = 0
    for _ in 0..<400 {
      let text = Self.document(&generator)
      let document = Self.parse(text)
      context.evaluating(document) { context in
        for (source, fast, slow) in pairs {
          let fastNumber = fast.number(in: context)
          let slowNumber = slow.number(in: context)
          #expect(Self.same(fastNumber, slowNumber), "number(\(source)): \(fastNumber) ≠ \(slowNumber) on \(text)")
          let fastBoolean = fast.boolean(in: context)
          let slowBoolean = slow.boolean(in: context)
          #expect(Self.same(fastBoolean, slowBoolean), "boolean(\(source)) differs on \(text)")
          let fastNode = fast.firstNode(in: context)
          let slowNode = slow.firstNode(in: context)
          #expect(fastNode?.text == slowNode?.text && fastNode?.line == slowNode?.line, "first node of \(source)")
          compared += 1
        }
      }
    }
    #expect(compared == 400 * Self.shortcuts.count)
  }

  /// A document of `count` metrics with three attributes each, for the cost measures.
  static func large(_ count: Int) -> ParsedDocument {
    var data = ""
    for index in 0..<count {
      data += "<s:metric name=\"\(names[index % names.count])\" value=\"\(index % 7)\" o:x=\"1\"/>\n"
      if index % 5 == 0 { data += "<s:standard type=\"local\" status=\"published\"/><s:training persons=\"3\"/>" }
    }
    return parse(
      "<s:submission xmlns:s=\"\(submissionNamespace)\" xmlns:o=\"urn:other\"><s:data>\(data)</s:data></s:submission>")
  }

  @Test("libxml2 counts no more than three operations for each unit a shortcut spends, besides its steps")
  func costRatio() throws {
    let context = try #require(XPathContext(namespaces: Self.bindings, operationLimit: 0))
    let document = Self.large(3000)
    for source in Self.shortcuts {
      let fast = try #require(CompiledXPath(source, context: context)?.shortcut)
      let slow = try #require(CompiledXPath(source, context: context, shortcuts: false))
      context.evaluating(document) { context in
        context.pointer.pointee.opLimit = UInt.max
        _ = slow.number(in: context)
        let operations = context.pointer.pointee.opCount
        let units = fast.units(in: context)
        // Plus at most one operation per character: libxml2 also counts each compiled step once.
        #expect(operations <= 3 * UInt(units) + UInt(source.utf8.count), "\(source): \(operations) ops, \(units) units")
        #expect(3 < XPathShortcut.costRatio)
      }
    }
  }

  @Test("a run over its budget is left to libxml2, whose operation bound decides")
  func budget() throws {
    let limit: UInt = 4000
    let context = try #require(XPathContext(namespaces: Self.bindings, operationLimit: limit))
    let source = "count(s:data/s:standard[@type='local' and @status='published'])"
    let fast = try #require(CompiledXPath(source, context: context))
    let slow = try #require(CompiledXPath(source, context: context, shortcuts: false))
    for size in [10, 100, 1000] {
      let document = Self.large(size)
      context.evaluating(document) { context in
        let answered = fast.shortcut!.number(in: context) != nil
        #expect(answered == (fast.shortcut!.units(in: context) <= Int(limit / XPathShortcut.costRatio)))
        #expect(Self.same(fast.number(in: context), slow.number(in: context)), "\(size) metrics")
      }
    }
    let document = Self.large(1000)
    context.evaluating(document) { context in
      guard case .tooCostly = fast.number(in: context) else {
        Issue.record("1,000 metrics should exceed \(limit) operations")
        return
      }
    }
  }
}
