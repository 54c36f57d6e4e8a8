import Foundation
import PilotEvalCore
import PilotEvalXML
import Testing
import ZIPFoundation

@testable import PilotEvalPortal

extension PortalTests {
  @Suite("Export")
  struct ExportTests {
    @Test("names are distinct where ids differ only in case, never a separator, '..' or a reserved name")
    func names() {
      let ids = ["GX-01", "gx-01", "..", "a/b", "a_b", "CON", "nul", "", "plain_1"]
      let names = ExportName.names(for: ids)
      #expect(Set(names.values.map { $0.lowercased() }).count == ids.count)
      #expect(names["plain_1"] == "plain_1")
      #expect(names["a_b"] == "a_b")
      for name in names.values {
        #expect(!name.contains("/") && !name.contains("\\") && !name.contains(".."))
        #expect(!["con", "nul", ""].contains(name.lowercased()))
      }
    }

    @Test("the export scores exactly as the uploaded files; the same round gives the same bytes")
    func scoresAsUploaded() async throws {
      let portal = try await PortalFixture()
      let units = [PortalFixture.unitA, PortalFixture.unitB]
      for unit in units {
        let code = unit == PortalFixture.unitA ? portal.codeA : portal.codeB
        #expect(try await portal.upload(unit, body: try PortalFixture.sample(unit), code: code).status == 201)
      }
      // A later rejected upload does not replace the accepted one.
      #expect(try await portal.upload(PortalFixture.unitB, body: Array("<x/>".utf8), code: portal.codeB).status == 422)
      let first = try await portal.request("GET", "/api/v1/rounds/2026H1/export", code: portal.office)
      let second = try await portal.request("GET", "/api/v1/rounds/2026H1/export", code: portal.office)
      #expect(first.status == 200)
      #expect(first.header("content-type") == "application/zip")
      #expect(first.body == second.body)

      let folder = portal.directory.appendingPathComponent("export")
      let zip = portal.directory.appendingPathComponent("export.zip")
      try Data(first.body).write(to: zip)
      try FileManager.default.unzipItem(at: zip, to: folder)
      let manifest = try String(contentsOf: folder.appendingPathComponent("manifest.csv"), encoding: .utf8)
      #expect(manifest.hasPrefix("path,kind,unit,reviewer,version,sha256\r\n"))
      #expect(manifest.contains("submissions/FJ-FZ-01.xml,submission,FJ-FZ-01,,1,"))

      guard case .success(let loaded) = RubricReader.load(path: folder.appendingPathComponent("rubric.xml").path) else {
        Issue.record("the exported rubric does not load")
        return
      }
      let reader = RoundReader(rubric: loaded.rubric)
      let exported = reader.run(
        RunConfiguration(
          paths: [folder.appendingPathComponent("submissions").path],
          reviewPaths: [folder.appendingPathComponent("reviews").path], round: nil, jobs: 1))
      let direct = reader.run(
        RunConfiguration(
          paths: units.map {
            PortalFixture.repositoryRoot.appendingPathComponent("Samples/2026H1/submissions/\($0).xml").path
          },
          reviewPaths: [], round: nil, jobs: 1))
      #expect(exported.scorecards.count == 2)
      #expect(exported.scorecards.map(\.unit.id) == direct.scorecards.map(\.unit.id))
      #expect(exported.scorecards.map(\.tier) == direct.scorecards.map(\.tier))
      #expect(
        exported.scorecards.map { [$0.score, $0.selfScore] } == direct.scorecards.map { [$0.score, $0.selfScore] })
      await portal.stop()
    }
  }
}
