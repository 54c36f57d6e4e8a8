import Foundation
import GRDB
import Testing
import ZIPFoundation

@testable import PilotEvalPortal

extension PortalTests {
  /// Publishing records the round into the history exactly as `piloteval record` would, from the
  /// command line and from the office's page (a real `piloteval serve`).
  @Suite("Publish with history", .serialized)
  struct PublishHistoryTests {
    /// Every row of every table of a history database, without the columns that say when and by
    /// which build it was written; rows sorted, so two histories compare as data.
    static func dump(_ path: String) throws -> [String: [String]] {
      let queue = try DatabaseQueue(path: path)
      return try queue.read { db in
        var tables: [String: [String]] = [:]
        let names = try String.fetchAll(
          db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        for name in names {
          let rows = try Row.fetchAll(db, sql: "SELECT * FROM \"\(name)\"").map { row in
            row.columnNames.filter { $0 != "recorded_at" && $0 != "tool" }.map { "\($0)=\(row[$0] as DatabaseValue)" }
              .joined(separator: "|")
          }
          tables[name] = rows.sorted()
        }
        return tables
      }
    }

    /// Unpacks the round's export into `folder` and runs `piloteval report` and `piloteval record`
    /// there with `options`: what the office would do by hand.
    static func byHand(_ portal: PortalFixture, folder: URL, options: [String]) async throws {
      let export = try await portal.request("GET", "/api/v1/rounds/2026H1/export", code: portal.office)
      let zip = folder.appendingPathExtension("zip")
      try Data(export.body).write(to: zip)
      try FileManager.default.unzipItem(at: zip, to: folder)
      try FileManager.default.createDirectory(
        at: folder.appendingPathComponent("reviews"), withIntermediateDirectories: true)
      let common = ["--rubric", "rubric.xml", "--reviews", "reviews"]
      let report = try await blocking {
        try PilotEvalBinary.run(
          ["report"] + common + ["--out", "report", "--quiet"] + options + ["submissions"], in: folder)
      }
      #expect(report.status == 0, "\(report.err)")
      let record = try await blocking {
        try PilotEvalBinary.run(
          ["record"] + common + ["--db", "history.sqlite", "--quiet"] + options + ["submissions"], in: folder)
      }
      #expect(record.status == 0, "\(record.err)")
    }

    @Test("portal publish --history: the same history as report + record on the export; a second round refused")
    func command() async throws {
      let portal = try await PortalFixture()
      let codes = try await ReviewRouteTests().setUp(portal)
      #expect(
        try await ReviewRouteTests().put(portal, try ReviewRouteTests.review("FJ-00-01-E05"), code: codes["E05"])
          .status == 201)
      let directory = portal.directory
      let byHand = directory.appendingPathComponent("by-hand")
      try await Self.byHand(portal, folder: byHand, options: ["--draws", "40", "--seed", "5", "--min-reviewers", "1"])
      let taken = byHand.appendingPathComponent("history.sqlite").path
      let refused = try await blocking {
        try PilotEvalBinary.run(
          ["portal", "publish", "--db", "portal.sqlite", "--round", "2026H1", "--history", taken],
          in: directory, neutralLocale: true)
      }
      #expect(refused.status == 1)
      #expect(refused.err.contains("已在历史数据库"))
      #expect(try await portal.store.round("2026H1")?.phase == .reviewing)
      let published = try await blocking {
        try PilotEvalBinary.run(
          [
            "portal", "publish", "--db", "portal.sqlite", "--round", "2026H1", "--draws", "40", "--seed", "5",
            "--min-reviewers", "1", "--history", "h.sqlite",
          ], in: directory, neutralLocale: true)
      }
      #expect(published.status == 0, "\(published.err)")
      #expect(published.err.contains("已记入历史数据库 h.sqlite"))
      let mine = try Self.dump(directory.appendingPathComponent("h.sqlite").path)
      let theirs = try Self.dump(byHand.appendingPathComponent("history.sqlite").path)
      #expect(!(mine["round"] ?? []).isEmpty)
      #expect(mine == theirs)
      let expected = Array(try Data(contentsOf: byHand.appendingPathComponent("report/index.html")))
      #expect(try await portal.store.reportFile(round: "2026H1", path: "index.html") == expected)

      // The report's inline stylesheet is allowed by its hash (it was blocked by the portal's CSP),
      // and nothing else inline; other pages keep the default policy.
      let leader = WebClient(portal)
      _ = try await leader.login("L1", codes["L1"] ?? "")
      let index = try await leader.get("/rounds/2026H1/report/index.html")
      #expect(index.body == expected)
      let policy = index.header("content-security-policy") ?? ""
      let styles = ReportPages.inlineStyles(index.text)
      #expect(!styles.isEmpty)
      for style in styles {
        #expect(policy.contains("'sha256-\(Data(SHA256.digest(Array(style.utf8))).base64EncodedString())'"))
      }
      #expect(!policy.contains("unsafe-inline") && policy.contains("script-src 'self';"))
      #expect(policy != SecurityHeaders.contentSecurityPolicy)
      #expect(try await leader.get("/login").header("content-security-policy") == SecurityHeaders.contentSecurityPolicy)
      await portal.stop()
    }

    @Test(
      "the office publishes from its page (CSRF, confirmation, the CLI's options); the served report and history are the commands'"
    )
    func page() async throws {
      let portal = try await PortalFixture()
      let codes = try await ReviewRouteTests().setUp(portal)
      #expect(
        try await ReviewRouteTests().put(portal, try ReviewRouteTests.review("FJ-00-01-E05"), code: codes["E05"])
          .status == 201)
      let directory = portal.directory
      let byHand = directory.appendingPathComponent("by-hand")
      try await Self.byHand(
        portal, folder: byHand, options: ["--draws", "30", "--seed", "9", "--partners", "2", "--no-resample"])
      let port = PilotEvalBinary.freePort()
      let server = try await blocking {
        try PilotEvalBinary.serve(db: "portal.sqlite", port: port, in: directory, extra: ["--history", "web.sqlite"])
      }
      defer { server.terminate() }
      let office = WebClient(portal)
      office.port = port
      _ = try await office.login("office", portal.office)
      let form = try await office.get("/office/rounds/2026H1/publish")
      #expect(form.status == 200 && form.text.contains("name=\"min-reviewers\""))
      let csrf = try await office.csrf(on: "/office/rounds/2026H1/publish")
      let fields = [
        ("csrf", csrf), ("draws", "30"), ("seed", "9"), ("min-reviewers", ""), ("per", ""), ("partners", "2"),
        ("no-resample", "yes"),
      ]
      #expect(
        try await office.post("/office/rounds/2026H1/publish", [("csrf", "forged")] + fields.dropFirst()).status == 403)
      let unconfirmed = try await office.post("/office/rounds/2026H1/publish", fields)
      #expect(unconfirmed.status == 422 && unconfirmed.text.contains("请勾选确认后再发布"))
      let wrong = try await office.post(
        "/office/rounds/2026H1/publish", [("csrf", csrf), ("draws", "0"), ("confirm", "yes")])
      #expect(wrong.status == 422 && wrong.text.contains("选项有误"))
      #expect(try await portal.store.round("2026H1")?.phase == .reviewing)
      let done = try await office.post("/office/rounds/2026H1/publish", fields + [("confirm", "yes")])
      #expect(done.status == 303, "\(done.text)")
      #expect(done.header("location") == "/rounds/2026H1/report/index.html")
      #expect(try await portal.store.round("2026H1")?.phase == .published)
      let expected = Array(try Data(contentsOf: byHand.appendingPathComponent("report/index.html")))
      #expect(try await office.get("/rounds/2026H1/report/index.html").body == expected)
      let mine = try Self.dump(directory.appendingPathComponent("web.sqlite").path)
      #expect(mine == (try Self.dump(byHand.appendingPathComponent("history.sqlite").path)))
      let again = try await office.post("/office/rounds/2026H1/publish", fields + [("confirm", "yes")])
      #expect(again.status == 409)
      await portal.stop()
    }
  }
}
