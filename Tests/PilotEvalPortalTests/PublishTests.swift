import Foundation
import PilotEvalCore
import Testing
import ZIPFoundation

@testable import PilotEvalPortal

extension PortalTests {
  /// `portal publish`: the report is `piloteval report`'s on the export, byte for byte, and only
  /// the round's leaders (and the office) read it on the web.
  @Suite("Publish", .serialized)
  struct PublishTests {
    @Test("published index.html is byte-identical to `piloteval report` on the export; leaders read it, no one else")
    func publish() async throws {
      let portal = try await PortalFixture()
      let codes = try await ReviewRouteTests().setUp(portal)
      #expect(
        try await portal.request(
          "PUT", "/api/v1/rounds/2026H1/reviews/\(PortalFixture.unitA)", code: codes["E05"],
          headers: ["Content-Type": "application/xml"], body: try ReviewRouteTests.review("FJ-00-01-E05")
        ).status == 201)
      let directory = portal.directory
      let published = try await blocking {
        try PilotEvalBinary.run(
          ["portal", "publish", "--db", "portal.sqlite", "--round", "2026H1", "--draws", "50", "--seed", "3"],
          in: directory)
      }
      #expect(published.status == 0, "\(published.err)")
      #expect(try await portal.store.round("2026H1")?.phase == .published)

      let export = try await portal.request("GET", "/api/v1/rounds/2026H1/export", code: portal.office)
      let folder = directory.appendingPathComponent("export")
      try Data(export.body).write(to: directory.appendingPathComponent("export.zip"))
      try FileManager.default.unzipItem(at: directory.appendingPathComponent("export.zip"), to: folder)
      let cli = try await blocking {
        try PilotEvalBinary.run(
          [
            "report", "--rubric", "rubric.xml", "--reviews", "reviews", "--out", "report", "--draws", "50", "--seed",
            "3",
            "--quiet", "submissions",
          ], in: folder)
      }
      #expect(cli.status == 0, "\(cli.err)")
      let expected = Array(try Data(contentsOf: folder.appendingPathComponent("report/index.html")))
      let stored = try await portal.store.reportFile(round: "2026H1", path: "index.html")
      #expect(stored == expected)
      let unitPage = try await portal.store.reportFile(round: "2026H1", path: "units/\(PortalFixture.unitA).html")
      #expect(unitPage != nil)

      let leader = WebClient(portal)
      let login = try await leader.login("L1", codes["L1"] ?? "")
      #expect(login.status == 303 && login.header("location") == "/rounds/2026H1/report/index.html")
      let page = try await leader.get("/rounds/2026H1/report/index.html")
      #expect(page.status == 200 && page.body == expected)
      #expect(try await leader.get("/office").status == 403)
      #expect(try await leader.get("/rounds/2026H1/report/../portal.sqlite").status != 200)
      let unit = WebClient(portal)
      _ = try await unit.login(PortalFixture.unitA, portal.codeA)
      #expect(try await unit.get("/rounds/2026H1/report/index.html").status == 403)
      // Published: read-only, reviews refused.
      let late = try await portal.request(
        "PUT", "/api/v1/rounds/2026H1/reviews/\(PortalFixture.unitA)", code: codes["E08"],
        headers: ["Content-Type": "application/xml"], body: try ReviewRouteTests.review("FJ-00-01-E08"))
      #expect(late.status == 409)
      await portal.stop()
    }
  }
}
