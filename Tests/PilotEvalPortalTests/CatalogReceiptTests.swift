import Foundation
import PilotEvalCore
import PilotEvalXML
import Testing

@testable import PilotEvalPortal

extension PortalTests {
  /// Receipts keep each finding's catalog key and arguments and render it in the request's
  /// language: Chinese by default, English for `Accept-Language: en…`.
  @Suite("Catalog receipts", .serialized)
  struct CatalogReceiptTests {
    let a = PortalFixture.unitA

    /// The CLI's findings on `bytes`, in `language`, as `piloteval validate` would print them.
    func cliMessages(_ bytes: [UInt8], in language: Language) throws -> [String] {
      let directory = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: directory) }
      let path = directory.appendingPathComponent("\(a).xml").path
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      let rubric = try UploadValidatorTests.rubric()
      let cli = RoundReader(rubric: rubric).validate(RunConfiguration(paths: [path], jobs: 1))
      return ((cli.result.rejected.first?.errors ?? []) + (cli.warnings[path] ?? []))
        .sorted { $0.line < $1.line }.map { $0.text(in: language) }
    }

    func messages(_ body: [UInt8]) throws -> [String] {
      let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
      let diagnostics = object?["diagnostics"] as? [[String: Any]] ?? []
      return diagnostics.compactMap { $0["message"] as? String }
    }

    @Test("a rejected upload's receipt shows the catalog's Chinese text by default and English on request")
    func chineseByDefault() async throws {
      let portal = try await PortalFixture()
      let text = String(decoding: try PortalFixture.sample(a), as: UTF8.self)
      let broken = Array(text.replacingOccurrences(of: "level=\"B\"", with: "level=\"Z\"").utf8)
      let chinese = try cliMessages(broken, in: .zh)
      let english = try cliMessages(broken, in: .en)
      #expect(!chinese.isEmpty && chinese != english)
      #expect(chinese.allSatisfy { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })

      let response = try await portal.upload(a, body: broken, code: portal.codeA)
      #expect(response.status == 422)
      #expect(try messages(response.body) == chinese)
      // Read back from the database, per request: Chinese, then English.
      let path = "/api/v1/rounds/2026H1/submissions/\(a)/versions"
      let zh = try await portal.request("GET", path, code: portal.codeA)
      let en = try await portal.request("GET", path, code: portal.codeA, headers: ["Accept-Language": "en-US"])
      for (reply, expected) in [(zh, chinese), (en, english)] {
        let object = try JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any]
        let first = (object?["versions"] as? [[String: Any]])?.first ?? [:]
        let shown = (first["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
        #expect(shown == expected)
      }
      await portal.stop()
    }

    @Test("a message with a translated phrase as argument survives storage and renders in both languages")
    func nestedRoundTrip() throws {
      let owner = Message(.rubricNotANumber, "x", "y", "z")
      let message = Message(
        .rubricNotANumber, parts: [.message(owner), .text("\u{1}odd"), .text("plain")])
      let (key, arguments) = StoredMessage.encode(message)
      let decoded = try #require(StoredMessage.decode(key: key, arguments: arguments))
      #expect(decoded == message)
      let stored = StoredDiagnostic(line: 3, severity: "error", key: key, arguments: arguments, text: "old")
      #expect(DiagnosticText.render(stored, in: .zh) == message.text(in: .zh))
      #expect(DiagnosticText.render(stored, in: .en) == message.text(in: .en))
      #expect(message.text(in: .zh) != message.text(in: .en))
    }

    @Test("portal keys and catalog keys never collide")
    func keysDistinct() {
      let portal = Set(PortalText.allCases.map(\.rawValue))
      #expect(MessageKey.allCases.filter { portal.contains($0.rawValue) }.isEmpty)
    }
  }
}
