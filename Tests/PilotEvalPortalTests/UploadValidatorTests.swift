import Foundation
import PilotEvalCore
import PilotEvalXML
import Testing

@testable import PilotEvalPortal

extension PortalTests {
  /// The portal's findings on a file are `piloteval validate`'s (RoundReader.validate), line for line.
  @Suite("Upload validator")
  struct UploadValidatorTests {
    static let folder = PortalFixture.repositoryRoot.appendingPathComponent("Samples/2026H1/submissions")

    static func rubric() throws -> Rubric {
      guard case .success(let loaded) = RubricReader.load(path: PortalFixture.rubricPath) else {
        throw CocoaError(.fileReadCorruptFile)
      }
      return loaded.rubric
    }

    @Test("same findings as validate on every 2026H1 sample and on broken variants")
    func sameAsValidate() throws {
      let rubric = try Self.rubric()
      let validator = UploadValidator(rubric: rubric)
      let directory = FileManager.default.temporaryDirectory.appendingPathComponent("validator-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: directory) }
      var files: [(String, [UInt8])] = []
      for name in try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted().prefix(12) {
        let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
        files.append((name, bytes))
        // A broken variant: an unknown level, an unknown criterion, a truncated file.
        let text = String(decoding: bytes, as: UTF8.self)
        files.append(("level-" + name, Array(text.replacingOccurrences(of: "level=\"B\"", with: "level=\"Z\"").utf8)))
        files.append(
          (
            "criterion-" + name,
            Array(text.replacingOccurrences(of: "criterion=\"C1.2\"", with: "criterion=\"C9.9\"").utf8)
          ))
        files.append(("cut-" + name, Array(bytes.prefix(bytes.count / 2))))
      }
      for (name, bytes) in files {
        let unit = String(name.split(separator: "-", maxSplits: 1).last ?? "").replacingOccurrences(
          of: ".xml", with: "")
        let path = directory.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let cli = RoundReader(rubric: rubric).validate(RunConfiguration(paths: [path], jobs: 1))
        let cliFindings = ((cli.result.rejected.first?.errors ?? []) + (cli.warnings[path] ?? []))
          .sorted { $0.line < $1.line }.map { "\($0.line) \($0.severity.rawValue) \($0.message)" }
        let sampleUnit = name.hasPrefix("cut-") ? unit : (try? submissionUnit(bytes)) ?? unit
        let portal = validator.validate(bytes, round: "2026H1", unit: sampleUnit)
        let portalFindings = portal.diagnostics.map { "\($0.line) \($0.severity) \($0.text)" }
        #expect(portalFindings == cliFindings, "\(name)")
        #expect((portal.status == .accepted) == cli.result.rejected.isEmpty, "\(name)")
      }
    }

    @Test("the file's unit and round must be those of the address")
    func addressMismatch() throws {
      let validator = UploadValidator(rubric: try Self.rubric())
      let bytes = try PortalFixture.sample(PortalFixture.unitA)
      #expect(validator.validate(bytes, round: "2026H1", unit: PortalFixture.unitA).status == .accepted)
      let wrongUnit = validator.validate(bytes, round: "2026H1", unit: PortalFixture.unitB)
      #expect(wrongUnit.status == .rejected)
      #expect(wrongUnit.diagnostics.contains { $0.key == PortalText.unitMismatch.rawValue && $0.line >= 1 })
      let wrongRound = validator.validate(bytes, round: "2027H1", unit: PortalFixture.unitA)
      #expect(wrongRound.status == .rejected)
      #expect(wrongRound.diagnostics.contains { $0.key == PortalText.roundMismatch.rawValue })
    }

    private func submissionUnit(_ bytes: [UInt8]) throws -> String {
      let text = String(decoding: bytes, as: UTF8.self)
      guard let range = text.range(of: "<unit id=\""), let end = text[range.upperBound...].firstIndex(of: "\"") else {
        throw CocoaError(.fileReadCorruptFile)
      }
      return String(text[range.upperBound..<end])
    }
  }
}
