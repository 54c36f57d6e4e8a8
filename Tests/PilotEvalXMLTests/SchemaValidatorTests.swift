import Foundation
import PilotEvalCore
import PilotEvalXML
import Testing

/// The repository's root, found from this file's path (Tests/PilotEvalXMLTests/…).
private func repositoryRoot(_ file: String = #filePath) -> URL {
  URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

private func fixture(_ name: String) throws -> [UInt8] {
  let url = try #require(
    Bundle.module.url(forResource: name, withExtension: "xml", subdirectory: "Fixtures/conformance"),
    "missing fixture \(name).xml")
  return Array(try Data(contentsOf: url))
}

@Suite("Schema validation gives advice, as warnings")
struct SchemaValidatorTests {
  @Test("the embedded schema compiles", arguments: DocumentKind.allCases)
  func compiles(kind: DocumentKind) {
    let validator = SchemaValidator(kind: kind)
    #expect(validator.kind == kind)
  }

  @Test("a valid conformance file has no findings", arguments: DocumentKind.allCases)
  func valid(kind: DocumentKind) throws {
    let bytes = try fixture(kind.rawValue)
    let findings = SchemaValidator(kind: kind).validate(bytes: bytes, file: "\(kind.rawValue).xml")
    #expect(findings.isEmpty, "\(findings.listing)")
  }

  @Test("the sample rubrics in Rubrics/ are valid", arguments: ["jgsw-pilot", "ggjg-energy"])
  func sampleRubrics(name: String) throws {
    let url = repositoryRoot().appendingPathComponent("Rubrics/\(name).xml")
    let findings = SchemaValidator(kind: .rubric).validate(bytes: Array(try Data(contentsOf: url)), file: name)
    #expect(findings.isEmpty, "\(findings.listing)")
  }

  @Test("an element the schema does not know is a warning with its line")
  func unknownElement() throws {
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <submission xmlns="urn:piloteval:submission:1" rubric="case-12" rubric-version="v2.4">
        <unit id="U001">四川区机关事务服务中心</unit>
        <round id="2022H1"/>
        <surprise/>
      </submission>
      """
    let findings = SchemaValidator(kind: .submission).validate(bytes: text.bytes, file: "sub.xml")
    let finding = try #require(findings.first)
    #expect(findings.allSatisfy { $0.severity == .warning })
    #expect(finding.line == 5)
    #expect(finding.file == "sub.xml")
    #expect(finding.message.contains("surprise"), "\(finding)")
    #expect(!finding.message.contains("{urn:piloteval"), "namespaces are dropped from messages: \(finding)")
    #expect(
      SubmissionDocument.reader.read(bytes: text.bytes, file: "sub.xml").value != nil,
      "only SPEC's rules reject; the reader ignores what it does not know")
  }

  @Test("a number the schema's grammar refuses is a warning with its line")
  func badNumber() throws {
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <review xmlns="urn:piloteval:review:1" rubric="case-12" unit="U002" round="2022H1" reviewer="E1">
        <score criterion="C8" level="C">专家意见</score>
        <score criterion="C16" value="1e3"/>
      </review>
      """
    let findings = SchemaValidator(kind: .review).validate(bytes: text.bytes, file: "rev.xml")
    #expect(findings.map(\.line) == [4], "\(findings.listing)")
  }

  @Test("a document that is not well-formed gets no schema findings (the parser reports it)")
  func notWellFormed() {
    let findings = SchemaValidator(kind: .submission).validate(bytes: "<submission".bytes, file: "x.xml")
    #expect(findings.isEmpty)
  }

  @Test("one validator checks documents from several threads")
  func concurrent() async throws {
    let validator = SchemaValidator(kind: .submission)
    let good = try fixture("submission")
    let bad = Array(
      String(decoding: good, as: UTF8.self).replacingOccurrences(of: "<data>", with: "<surprise/><data>").utf8)
    let counts = await withTaskGroup(of: (Bool, Int).self) { group in
      for index in 0..<32 {
        group.addTask {
          let isBad = index % 2 == 1
          return (isBad, validator.validate(bytes: isBad ? bad : good, file: "s\(index).xml").count)
        }
      }
      return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(counts.allSatisfy { isBad, count in isBad ? count == 1 : count == 0 })
  }

  @Test(
    "the embedded schema is Rubrics/schema/<kind>.xsd byte for byte (regenerate: Tools/embed-schemas.sh)",
    arguments: DocumentKind.allCases)
  func embeddedMatchesPublished(kind: DocumentKind) throws {
    let url = repositoryRoot().appendingPathComponent("Rubrics/schema/\(kind.rawValue).xsd")
    let published = Array(try Data(contentsOf: url))
    #expect(Array(kind.schema.utf8) == published)
  }
}
