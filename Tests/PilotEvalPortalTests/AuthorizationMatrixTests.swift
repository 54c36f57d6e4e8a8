import Foundation
import Testing

/// Every route of the interface × every kind of caller, with the status each must get.
@Suite("Authorization matrix")
struct AuthorizationMatrixTests {
  enum Caller: String, CaseIterable, Sendable {
    case none, wrong, unitA, unitB, office
  }

  struct Route: Sendable, CustomTestStringConvertible {
    var method: String
    var path: String
    var uploadsA: Bool
    /// Statuses for none, wrong, unitA, unitB, office.
    var expected: [Int]
    var testDescription: String { "\(method) \(path)" }
  }

  static let r = "/api/v1/rounds/2026H1"
  static let routes: [Route] = [
    Route(method: "PUT", path: "\(r)/submissions/FJ-00-01", uploadsA: true, expected: [401, 401, 201, 403, 403]),
    Route(method: "GET", path: "\(r)/submissions/FJ-00-01", uploadsA: false, expected: [401, 401, 200, 403, 200]),
    Route(
      method: "GET", path: "\(r)/submissions/FJ-00-01/versions", uploadsA: false, expected: [401, 401, 200, 403, 200]),
    Route(
      method: "GET", path: "\(r)/submissions/FJ-00-01/versions/1", uploadsA: false,
      expected: [401, 401, 200, 403, 200]),
    Route(method: "GET", path: "\(r)/status", uploadsA: false, expected: [401, 401, 403, 403, 200]),
    Route(method: "POST", path: "\(r)/close", uploadsA: false, expected: [401, 401, 403, 403, 200]),
    Route(method: "GET", path: "\(r)/export", uploadsA: false, expected: [401, 401, 403, 403, 200]),
    Route(method: "PUT", path: "\(r)/submissions/XX-00-99", uploadsA: true, expected: [401, 401, 404, 404, 404]),
    Route(method: "GET", path: "/api/v1/rounds/1999H1/status", uploadsA: false, expected: [401, 401, 404, 404, 404]),
    Route(
      method: "GET", path: "/api/v1/rounds/1999H1/submissions/FJ-00-01", uploadsA: false,
      expected: [401, 401, 404, 404, 404]),
  ]

  @Test("each caller gets its status", arguments: routes)
  func matrix(route: Route) async throws {
    let portal = try await PortalFixture()
    let sample = try PortalFixture.sample(PortalFixture.unitA)
    // Unit A has one accepted version, so reads have something to find.
    #expect(try await portal.upload(PortalFixture.unitA, body: sample, code: portal.codeA).status == 201)
    for (caller, expected) in zip(Caller.allCases, route.expected) {
      let code: String? =
        switch caller {
        case .none: nil
        case .wrong: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        case .unitA: portal.codeA
        case .unitB: portal.codeB
        case .office: portal.office
        }
      let headers = route.uploadsA ? ["Content-Type": "application/xml"] : [:]
      let response = try await portal.request(
        route.method, route.path, code: code, headers: headers, body: route.uploadsA ? sample : [])
      #expect(response.status == expected, "\(route.method) \(route.path) as \(caller.rawValue): \(response.text)")
      if response.status >= 400 {
        #expect(response.header("content-type")?.hasPrefix("application/json") == true)
        #expect(response.text.contains("\"error\":"))
      }
    }
    await portal.stop()
  }
}
