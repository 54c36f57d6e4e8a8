import Foundation
import Testing

@testable import PilotEvalPortal

#if canImport(Glibc)
  import Glibc
#endif

extension PortalTests {
  /// Nothing lost for reviews either: a 201 is sent only after the review is on disk.
  @Suite("Review durability", .serialized)
  struct ReviewDurabilityTests {
    @Test("review PUT, 201, SIGKILL the server, start it again: the review is there, byte for byte")
    func survivesKill() async throws {
      let portal = try await PortalFixture()
      let codes = try await ReviewRouteTests().setUp(portal)
      let directory = portal.directory
      let office = portal.office
      let expert = codes["E05"] ?? ""
      let sample = try ReviewRouteTests.review("FJ-00-01-E05")
      try await blocking {
        var expected: [UInt8]?
        for round in 0..<3 {
          let port = PilotEvalBinary.freePort()
          let server = try PilotEvalBinary.serve(db: "portal.sqlite", port: port, in: directory)
          let stored = try RawHTTP.request(
            port: port, "GET", "/api/v1/rounds/2026H1/reviews/\(PortalFixture.unitA)?reviewer=E05",
            headers: ["Authorization": "Bearer \(office)"])
          if let expected {
            #expect(stored.status == 200 && stored.body == expected, "after kill \(round)")
          } else {
            #expect(stored.status == 404)
          }
          // Each round sends a different review, then kills the server at once.
          let body = sample + Array("<!-- \(round) -->\n".utf8)
          let response = try RawHTTP.request(
            port: port, "PUT", "/api/v1/rounds/2026H1/reviews/\(PortalFixture.unitA)",
            headers: ["Authorization": "Bearer \(expert)", "Content-Type": "application/xml"], body: body)
          #expect(response.status == 201)
          kill(server.processIdentifier, SIGKILL)
          server.waitUntilExit()
          expected = body
        }
        let port = PilotEvalBinary.freePort()
        let server = try PilotEvalBinary.serve(db: "portal.sqlite", port: port, in: directory)
        defer { server.terminate() }
        let last = try RawHTTP.request(
          port: port, "GET", "/api/v1/rounds/2026H1/reviews/\(PortalFixture.unitA)?reviewer=E05",
          headers: ["Authorization": "Bearer \(office)"])
        #expect(last.body == expected)
      }
      #expect(try portal.store.assignments(round: "2026H1").filter(\.reviewed).map(\.reviewer) == ["E05"])
      await portal.stop()
    }
  }
}
