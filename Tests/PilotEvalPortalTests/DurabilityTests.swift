import Foundation
import Testing

@testable import PilotEvalPortal

#if canImport(Glibc)
  import Glibc
#endif

extension PortalTests {
  /// Nothing lost: a 201 is sent only after the upload is on disk.
  @Suite("Durability", .serialized)
  struct DurabilityTests {
    @Test("the writing connection runs WAL with synchronous=FULL")
    func pragmas() throws {
      let path = FileManager.default.temporaryDirectory.appendingPathComponent("pragma-\(UUID().uuidString).sqlite")
        .path
      let store = try SQLitePortalStore.create(path: path)
      #expect(try store.writerSynchronous() == 2)
      #expect(try store.journalMode() == "wal")
    }

    @Test("upload, 201, SIGKILL the server, start it again: the upload is there with the same SHA-256")
    func survivesKill() async throws {
      try await blocking {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let office = try PilotEvalBinary.run(["portal", "init", "--db", "p.sqlite"], in: directory)
        #expect(office.status == 0)
        #expect(
          try PilotEvalBinary.run(
            ["portal", "open-round", "--db", "p.sqlite", "--rubric", PortalFixture.rubricPath, "--round", "2026H1"],
            in: directory
          ).status == 0)
        try Data("id,name,region,level,category\nFJ-00-01,福建,福建,省级,局\n".utf8).write(
          to: directory.appendingPathComponent("units.csv"))
        #expect(
          try PilotEvalBinary.run(
            ["portal", "add-units", "--db", "p.sqlite", "--round", "2026H1", "units.csv", "--codes", "codes.csv"],
            in: directory
          ).status == 0)
        let codes = try String(contentsOf: directory.appendingPathComponent("codes.csv"), encoding: .utf8)
        let code = String(codes.split(separator: "\n")[1].split(separator: ",")[1])
        let sample = try PortalFixture.sample(PortalFixture.unitA)
        var expected: [String] = []
        for round in 0..<4 {
          let port = PilotEvalBinary.freePort()
          let server = try PilotEvalBinary.serve(db: "p.sqlite", port: port, in: directory)
          // Earlier uploads are all there, with their SHA-256.
          let versions = try RawHTTP.request(
            port: port, "GET", "/api/v1/rounds/2026H1/submissions/FJ-00-01/versions",
            headers: ["Authorization": "Bearer \(code)"])
          let found =
            (try JSONSerialization.jsonObject(with: Data(versions.body)) as? [String: Any])?["versions"]
            as? [[String: Any]]
          #expect(found?.compactMap { $0["sha256"] as? String } == expected, "after kill \(round)")
          // Each round uploads a different body, then kills the server at once.
          let body = sample + Array("<!-- \(round) -->\n".utf8)
          let response = try RawHTTP.request(
            port: port, "PUT", "/api/v1/rounds/2026H1/submissions/FJ-00-01",
            headers: ["Authorization": "Bearer \(code)", "Content-Type": "application/xml"], body: body)
          #expect(response.status == 201)
          kill(server.processIdentifier, SIGKILL)
          server.waitUntilExit()
          expected.append(SHA256.hex(body))
        }
      }
    }

    @Test(
      "SIGTERM and SIGINT stop the server cleanly (exit 0), and it refuses connections after",
      arguments: [SIGTERM, SIGINT])
    func stopsCleanly(signal: Int32) async throws {
      try await blocking {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try PilotEvalBinary.run(["portal", "init", "--db", "p.sqlite"], in: directory).status == 0)
        let port = PilotEvalBinary.freePort()
        let server = try PilotEvalBinary.serve(db: "p.sqlite", port: port, in: directory)
        kill(server.processIdentifier, signal)
        server.waitUntilExit()
        #expect(server.terminationReason == .exit)
        #expect(server.terminationStatus == 0)
        #expect(throws: (any Error).self) { try RawHTTP.request(port: port, "GET", "/healthz") }
      }
    }
  }
}
