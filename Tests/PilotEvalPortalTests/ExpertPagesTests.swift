import Foundation
import Testing

@testable import PilotEvalPortal

extension PortalTests {
  /// The expert's pages and the office's progress page.
  @Suite("Expert pages", .serialized)
  struct ExpertPagesTests {
    static func multipart(csrf: String, file: [UInt8]) -> [UInt8] {
      let boundary = "----pe-test-boundary"
      var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n".utf8)
      body += Array(
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.xml\"\r\nContent-Type: application/xml\r\n\r\n"
          .utf8)
      body += file
      body += Array("\r\n--\(boundary)--\r\n".utf8)
      return body
    }

    @Test(
      "an expert sees assigned units with progress, a unit's self-assessment, and sends a review; office sees progress")
    func expertFlow() async throws {
      let portal = try await PortalFixture()
      let codes = try await ReviewRouteTests().setUp(portal)
      let a = PortalFixture.unitA
      let expert = WebClient(portal)
      let login = try await expert.login("E05", codes["E05"] ?? "")
      #expect(login.header("location") == "/expert")
      let home = try await expert.get("/expert")
      #expect(home.status == 200)
      #expect(home.text.contains("已完成 0 / 1 个单位的评审"))
      #expect(home.text.contains(">\(a)</a></td><td>待评审"))
      let unit = try await expert.get("/expert/units/\(a)")
      #expect(unit.status == 200)
      #expect(unit.text.contains("id=\"criterion-C1.1\""))
      let token = try await expert.csrf(on: "/expert/units/\(a)")
      let type = "multipart/form-data; boundary=----pe-test-boundary"
      let forged = try await expert.send(
        "POST", "/expert/units/\(a)/file",
        body: Self.multipart(csrf: "wrong", file: try ReviewRouteTests.review("FJ-00-01-E05")),
        type: type)
      #expect(forged.status == 403)
      let sent = try await expert.send(
        "POST", "/expert/units/\(a)/file",
        body: Self.multipart(csrf: token, file: try ReviewRouteTests.review("FJ-00-01-E05")),
        type: type)
      #expect(sent.status == 200)
      #expect(sent.text.contains("已通过校验并妥善保存。"))
      #expect(try await expert.get("/expert").text.contains("已完成 1 / 1 个单位的评审"))
      let api = try await portal.request(
        "GET", "/api/v1/rounds/2026H1/reviews/\(a)?reviewer=E05", code: portal.office)
      #expect(api.body == (try ReviewRouteTests.review("FJ-00-01-E05")))

      let outsider = WebClient(portal)
      _ = try await outsider.login("E12", codes["E12"] ?? "")
      #expect(try await outsider.get("/expert/units/\(a)").status == 403)
      #expect(!(try await outsider.get("/expert").text.contains(a)))

      let office = WebClient(portal)
      _ = try await office.login("office", portal.office)
      let progress = try await office.get("/office/progress")
      #expect(progress.status == 200)
      // The page itself is tested in OfficeRoundPagesTests: here, that the review counts.
      #expect(
        OfficeRoundPagesTests.row(progress.text, table: "by-expert", id: "E05")
          .contains("<td class=\"num\">1</td><td class=\"num\">1</td>"))
      #expect(
        OfficeRoundPagesTests.row(progress.text, table: "by-unit", id: a)
          .contains("<td class=\"num\">1</td><td class=\"num\">2</td>"))
      #expect(try await expert.get("/office/progress").status == 403)
      await portal.stop()
    }
  }
}
