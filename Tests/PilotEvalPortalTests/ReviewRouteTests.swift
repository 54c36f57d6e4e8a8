import Foundation
import PilotEvalCore
import Testing
import ZIPFoundation

@testable import PilotEvalPortal

extension PortalTests {
  /// The expert-review interface of PORTAL.md: reviews, assignments, and who may use them.
  @Suite("Review routes", .serialized)
  struct ReviewRouteTests {
    let a = PortalFixture.unitA

    static func review(_ name: String) throws -> [UInt8] {
      Array(
        try Data(
          contentsOf: PortalFixture.repositoryRoot.appendingPathComponent("Samples/2026H1/reviews/\(name).xml")))
    }

    /// A round with unit A accepted, experts E05 (广西), E08 (广东), E12 (福建, so never on a 福建 unit),
    /// a leader, and a plan of two experts per unit; returns the codes by id.
    func setUp(_ portal: PortalFixture, close: Bool = true) async throws -> [String: String] {
      #expect(try await portal.upload(a, body: try PortalFixture.sample(a), code: portal.codeA).status == 201)
      let people = [("E05", "广西"), ("E08", "广东"), ("E12", "福建")].map {
        PersonList.Person(id: $0.0, name: "专家\($0.0)", region: $0.1, organisation: "")
      }
      var codes: [String: String] = [:]
      for issued in try portal.store.addPeople(people, kind: .reviewers, round: "2026H1") {
        codes[issued.unit] = issued.code.text
      }
      let leader = PersonList.Person(id: "L1", name: "领导", region: "", organisation: "")
      codes["L1"] = try portal.store.addPeople([leader], kind: .leaders, round: "2026H1")[0].code.text
      let request = try portal.store.assignmentRoster(round: "2026H1", perUnit: 2, seed: 1)
      try portal.store.saveAssignments(try AssignmentPlanner.plan(request), round: "2026H1")
      if close { try await portal.store.close(round: "2026H1") }
      return codes
    }

    func put(
      _ portal: PortalFixture, _ body: [UInt8], code: String?, unit: String? = nil
    ) async throws -> RawHTTP.Response {
      try await portal.request(
        "PUT", "/api/v1/rounds/2026H1/reviews/\(unit ?? a)", code: code, headers: ["Content-Type": "application/xml"],
        body: body)
    }

    @Test("PUT review: 409 while submitting; 201 with reviewer and submissionSha256; 403 unassigned; 422 mismatch")
    func putReview() async throws {
      let portal = try await PortalFixture()
      let codes = try await setUp(portal, close: false)
      let review = try Self.review("FJ-00-01-E05")
      #expect(try await put(portal, review, code: codes["E05"]).status == 409)
      try await portal.store.close(round: "2026H1")
      let accepted = try await put(portal, review, code: codes["E05"])
      #expect(accepted.status == 201)
      let receipt = try JSONSerialization.jsonObject(with: Data(accepted.body)) as? [String: Any]
      #expect(receipt?["reviewer"] as? String == "E05")
      #expect(receipt?["status"] as? String == "accepted")
      #expect(receipt?["sha256"] as? String == SHA256.hex(review))
      #expect(receipt?["submissionSha256"] as? String == SHA256.hex(try PortalFixture.sample(a)))
      #expect(try await put(portal, review, code: codes["E12"]).status == 403)  // 福建: not assigned
      #expect(try await put(portal, review, code: portal.codeA).status == 403)
      #expect(try await put(portal, review, code: codes["L1"]).status == 403)
      #expect(try await put(portal, review, code: nil).status == 401)
      // E05's file sent by E08: the reviewer is not the code's expert.
      let mismatch = try await put(portal, review, code: codes["E08"])
      #expect(mismatch.status == 422)
      #expect(mismatch.text.contains("与访问码所属专家“E08”不一致"))
      // A criterion the rubric does not have: rejected by the CLI's review checks, in Chinese.
      let text = String(decoding: try Self.review("FJ-00-01-E08"), as: UTF8.self)
      let bad = Array(text.replacingOccurrences(of: "criterion=\"C4.3\"", with: "criterion=\"C9.9\"").utf8)
      let rejected = try await put(portal, bad, code: codes["E08"])
      #expect(rejected.status == 422)
      #expect(rejected.text.contains("C9.9"))
      let log = try portal.store.auditLog().filter { $0.action == "review" }
      #expect(log.map(\.status).contains(201) && log.map(\.status).contains(403))
      await portal.stop()
    }

    @Test(
      "GET review and assignments: an expert their own, the office all, others refused; experts read assigned submissions only"
    )
    func reading() async throws {
      let portal = try await PortalFixture()
      let codes = try await setUp(portal)
      let review = try Self.review("FJ-00-01-E05")
      #expect(try await put(portal, review, code: codes["E05"]).status == 201)
      let path = "/api/v1/rounds/2026H1/reviews/\(a)"
      #expect(try await portal.request("GET", path, code: codes["E05"]).body == review)
      #expect(try await portal.request("GET", path + "?reviewer=E05", code: portal.office).body == review)
      #expect(try await portal.request("GET", path, code: codes["E08"]).status == 404)
      #expect(try await portal.request("GET", path, code: codes["E12"]).status == 403)
      #expect(try await portal.request("GET", path + "?reviewer=E05", code: portal.codeA).status == 403)
      #expect(try await portal.request("GET", path, code: codes["L1"]).status == 403)

      let assignments = "/api/v1/rounds/2026H1/assignments"
      let all = try await portal.request("GET", assignments, code: portal.office)
      #expect(all.status == 200)
      #expect(all.text.hasPrefix(#"{"perUnit":2,"assignments":["#))
      #expect(all.text.contains(#"{"unit":"FJ-00-01","reviewer":"E05","reviewed":true}"#))
      #expect(all.text.contains(#"{"unit":"FJ-00-01","reviewer":"E08","reviewed":false}"#))
      let own = try await portal.request("GET", assignments, code: codes["E08"])
      #expect(own.text.contains("E08") && !own.text.contains("E05"))
      let none = try await portal.request("GET", assignments, code: codes["E12"])
      #expect(none.text.contains(#""assignments":[]"#))
      #expect(try await portal.request("GET", assignments, code: portal.codeA).status == 403)
      #expect(try await portal.request("GET", assignments, code: codes["L1"]).status == 403)

      let submission = "/api/v1/rounds/2026H1/submissions/\(a)"
      #expect(try await portal.request("GET", submission, code: codes["E08"]).body == (try PortalFixture.sample(a)))
      #expect(try await portal.request("GET", submission, code: codes["E12"]).status == 403)
      #expect(try await portal.request("GET", submission, code: codes["L1"]).status == 403)
      #expect(try await portal.request("GET", submission + "/versions", code: codes["E08"]).status == 403)
      await portal.stop()
    }
  }
}

extension PortalTests.ReviewRouteTests {
  @Test("the export carries accepted reviews as reviews/NAME/REVIEWER.xml, and scoring it uses them")
  func exportReviews() async throws {
    let portal = try await PortalFixture()
    let codes = try await setUp(portal)
    let review = try Self.review("FJ-00-01-E05")
    #expect(try await put(portal, review, code: codes["E05"]).status == 201)
    let text = String(decoding: try Self.review("FJ-00-01-E08"), as: UTF8.self)
    let bad = Array(text.replacingOccurrences(of: "criterion=\"C4.3\"", with: "criterion=\"C9.9\"").utf8)
    #expect(try await put(portal, bad, code: codes["E08"]).status == 422)  // rejected: not exported
    let response = try await portal.request("GET", "/api/v1/rounds/2026H1/export", code: portal.office)
    let folder = portal.directory.appendingPathComponent("export")
    let zip = portal.directory.appendingPathComponent("export.zip")
    try Data(response.body).write(to: zip)
    try FileManager.default.unzipItem(at: zip, to: folder)
    let exported = try Data(contentsOf: folder.appendingPathComponent("reviews/FJ-00-01/E05.xml"))
    #expect(Array(exported) == review)
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("reviews/FJ-00-01/E08.xml").path))
    let manifest = try String(contentsOf: folder.appendingPathComponent("manifest.csv"), encoding: .utf8)
    #expect(manifest.contains("reviews/FJ-00-01/E05.xml,review,FJ-00-01,E05,1,\(SHA256.hex(review))\r\n"))
    let scored = try await blocking {
      try PilotEvalBinary.run(
        ["score", "--rubric", "rubric.xml", "--reviews", "reviews", "submissions", "--format", "json"], in: folder)
    }
    #expect(scored.status == 0)
    #expect(scored.out.contains("E05"))
    await portal.stop()
  }
}
