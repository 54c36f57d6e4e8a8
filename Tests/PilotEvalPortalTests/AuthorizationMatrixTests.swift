import Foundation
import Testing

extension PortalTests {
  /// Every route of the interface × every kind of caller, with the status each must get.
  @Suite("Authorization matrix")
  struct AuthorizationMatrixTests {
    enum Caller: String, CaseIterable, Sendable {
      case none, wrong, unitA, unitB, office
      /// Experts E05 (assigned to unit A), E12 (of unit A's region, so never assigned to it), leader L1.
      case assigned, unassigned, leader
    }

    struct Route: Sendable, CustomTestStringConvertible {
      var method: String
      var path: String
      var uploadsA: Bool
      /// The body is an expert review of unit A.
      var review = false
      /// Statuses for none, wrong, unitA, unitB, office, assigned, unassigned, leader.
      var expected: [Int]
      var testDescription: String { "\(method) \(path)" }
    }

    static let r = "/api/v1/rounds/2026H1"
    static let routes: [Route] = [
      Route(
        method: "PUT", path: "\(r)/submissions/FJ-00-01", uploadsA: true,
        expected: [401, 401, 201, 403, 403, 403, 403, 403]),
      Route(
        method: "GET", path: "\(r)/submissions/FJ-00-01", uploadsA: false,
        expected: [401, 401, 200, 403, 200, 200, 403, 403]),
      Route(
        method: "GET", path: "\(r)/submissions/FJ-00-01/versions", uploadsA: false,
        expected: [401, 401, 200, 403, 200, 403, 403, 403]),
      Route(
        method: "GET", path: "\(r)/submissions/FJ-00-01/versions/1", uploadsA: false,
        expected: [401, 401, 200, 403, 200, 403, 403, 403]),
      Route(method: "GET", path: "\(r)/status", uploadsA: false, expected: [401, 401, 403, 403, 200, 403, 403, 403]),
      Route(method: "POST", path: "\(r)/close", uploadsA: false, expected: [401, 401, 403, 403, 200, 403, 403, 403]),
      Route(method: "GET", path: "\(r)/export", uploadsA: false, expected: [401, 401, 403, 403, 200, 403, 403, 403]),
      Route(
        method: "PUT", path: "\(r)/submissions/XX-00-99", uploadsA: true,
        expected: [401, 401, 404, 404, 404, 404, 404, 404]
      ),
      Route(
        method: "GET", path: "/api/v1/rounds/1999H1/status", uploadsA: false,
        expected: [401, 401, 404, 404, 404, 404, 404, 404]),
      Route(
        method: "GET", path: "/api/v1/rounds/1999H1/submissions/FJ-00-01", uploadsA: false,
        expected: [401, 401, 404, 404, 404, 404, 404, 404]),
      // Expert review (the round is still submitting: the assigned expert gets 409).
      Route(
        method: "PUT", path: "\(r)/reviews/FJ-00-01", uploadsA: true, review: true,
        expected: [401, 401, 403, 403, 403, 409, 403, 403]),
      Route(
        method: "GET", path: "\(r)/reviews/FJ-00-01", uploadsA: false,
        expected: [401, 401, 403, 403, 404, 404, 403, 403]),
      Route(
        method: "GET", path: "\(r)/assignments", uploadsA: false, expected: [401, 401, 403, 403, 200, 200, 200, 403]),
      Route(
        method: "PUT", path: "\(r)/reviews/XX-00-99", uploadsA: true, review: true,
        expected: [401, 401, 404, 404, 404, 404, 404, 404]),
    ]

    @Test("each caller gets its status", arguments: routes)
    func matrix(route: Route) async throws {
      let portal = try await PortalFixture()
      let sample = try PortalFixture.sample(PortalFixture.unitA)
      // Unit A has one accepted version, so reads have something to find; experts are assigned.
      let experts = try await ReviewRouteTests().setUp(portal, close: false)
      let body = route.review ? try ReviewRouteTests.review("FJ-00-01-E05") : sample
      for (caller, expected) in zip(Caller.allCases, route.expected) {
        let code: String? =
          switch caller {
          case .none: nil
          case .wrong: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
          case .unitA: portal.codeA
          case .unitB: portal.codeB
          case .office: portal.office
          case .assigned: experts["E05"]
          case .unassigned: experts["E12"]
          case .leader: experts["L1"]
          }
        let headers = route.uploadsA ? ["Content-Type": "application/xml"] : [:]
        let response = try await portal.request(
          route.method, route.path, code: code, headers: headers, body: route.uploadsA ? body : [])
        #expect(response.status == expected, "\(route.method) \(route.path) as \(caller.rawValue): \(response.text)")
        if response.status >= 400 {
          #expect(response.header("content-type")?.hasPrefix("application/json") == true)
          #expect(response.text.contains("\"error\":"))
        }
      }
      await portal.stop()
    }
  }
}
