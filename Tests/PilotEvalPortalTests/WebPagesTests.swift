import Foundation
import Testing

@testable import PilotEvalPortal

extension PortalTests {
  /// The web pages as a browser without JavaScript uses them.
  @Suite("Web pages", .serialized)
  struct WebPagesTests {
    @Test("login: session cookie HttpOnly and SameSite=Strict; Secure only over TLS per a trusted proxy")
    func loginCookie() async throws {
      let portal = try await PortalFixture()
      let client = WebClient(portal)
      let response = try await client.login(PortalFixture.unitA, portal.codeA)
      #expect(response.status == 303)
      #expect(response.header("location") == "/home")
      let session = response.setCookies.first { $0.hasPrefix("pe_session=") } ?? ""
      #expect(session.contains("HttpOnly") && session.contains("SameSite=Strict"))
      #expect(!session.contains("Secure"))
      let home = try await client.get("/home")
      #expect(home.status == 200)
      #expect(home.text.contains("福建省机关事务管理局 · 轮次 2026H1"))
      #expect(home.text.contains("尚未提交"))
      // X-Forwarded-Proto is ignored unless the proxy is trusted.
      let direct = WebClient(portal)
      direct.headers["X-Forwarded-Proto"] = "https"
      let untrusted = try await direct.login(PortalFixture.unitA, portal.codeA)
      #expect(untrusted.setCookies.allSatisfy { !$0.contains("Secure") })
      await portal.stop()

      let proxied = try await PortalFixture { $0.trustProxy = true }
      let client2 = WebClient(proxied)
      client2.headers["X-Forwarded-Proto"] = "https"
      let secure = try await client2.login(PortalFixture.unitA, proxied.codeA)
      #expect(secure.setCookies.first { $0.hasPrefix("pe_session=") }?.contains("; Secure") == true)
      await proxied.stop()
    }

    @Test("login: without the form's token 403; a wrong code 401; too many failures 429 with Retry-After")
    func loginRefusals() async throws {
      let portal = try await PortalFixture()
      let client = WebClient(portal)
      let forged = try await client.post(
        "/login", [("csrf", "x"), ("id", PortalFixture.unitA), ("code", portal.codeA)])
      #expect(forged.status == 403)
      for _ in 0..<5 {
        #expect(try await client.login(PortalFixture.unitA, "wrong-code-wrong-code-wrong").status == 401)
      }
      let blocked = try await client.login(PortalFixture.unitA, portal.codeA)
      #expect(blocked.status == 429)
      #expect(blocked.header("retry-after") != nil)
      // Another unit is not blocked.
      #expect(try await client.login(PortalFixture.unitB, portal.codeB).status == 303)
      await portal.stop()
    }

    @Test("every form needs its session's CSRF token; a forged upload keeps nothing")
    func csrf() async throws {
      let portal = try await PortalFixture()
      let client = WebClient(portal)
      _ = try await client.login(PortalFixture.unitA, portal.codeA)
      let forged = try await client.post("/form", [("csrf", "forged"), ("action", "submit")])
      #expect(forged.status == 403)
      let logout = try await client.post("/logout", [("csrf", "forged")])
      #expect(logout.status == 403)
      let versions = try await portal.request(
        "GET", "/api/v1/rounds/2026H1/submissions/FJ-00-01/versions", code: portal.codeA)
      #expect(versions.text == #"{"versions":[]}"#)
      let home = try await client.get("/home")
      for form in home.text.components(separatedBy: "<form").dropFirst() {
        #expect(form.contains("name=\"csrf\""))
      }
      await portal.stop()
    }

    @Test("the online form: a mistake shows the finding and keeps nothing; fixed, it is submitted as a version")
    func onlineForm() async throws {
      let portal = try await PortalFixture()
      let client = WebClient(portal)
      _ = try await client.login(PortalFixture.unitA, portal.codeA)
      let page = try await client.get("/form")
      #expect(page.text.contains("id=\"criterion-C1.1\""))
      let token = try await client.csrf(on: "/form")
      let mistake = try await client.post(
        "/form", [("csrf", token), ("action", "check"), ("level.C1.1", "B"), ("value.C6.1", "abc")])
      #expect(mistake.status == 200)
      #expect(mistake.text.contains("id=\"form-findings\""))
      // The catalog's Chinese text on a Chinese page (it was the English text before).
      #expect(mistake.text.contains("value 不是数字：“abc”"))
      #expect(!mistake.text.contains("value is not a number"))
      client.headers["Accept-Language"] = "en"
      let english = try await client.post(
        "/form", [("csrf", token), ("action", "check"), ("level.C1.1", "B"), ("value.C6.1", "abc")])
      #expect(english.text.contains("value is not a number: &#39;abc&#39;"))
      client.headers = [:]
      #expect(mistake.text.contains("value=\"abc\""))  // what was typed is kept
      let none = try await portal.request(
        "GET", "/api/v1/rounds/2026H1/submissions/FJ-00-01/versions", code: portal.codeA)
      #expect(none.text == #"{"versions":[]}"#)
      let fields = [("csrf", token), ("level.C1.1", "B"), ("evidence.C1.1", "台账/通知.pdf | 领导小组通知")]
      let xml = try await client.post("/form", fields + [("action", "download")])
      #expect(xml.header("content-type") == "application/xml")
      let submitted = try await client.post("/form", fields + [("action", "submit")])
      #expect(submitted.status == 303)
      #expect(submitted.header("location") == "/receipts/1")
      let receipt = try await client.get("/receipts/1")
      #expect(receipt.text.contains("已通过校验并妥善保存"))
      let stored = try await portal.request("GET", "/api/v1/rounds/2026H1/submissions/FJ-00-01", code: portal.codeA)
      #expect(stored.body == xml.body)
      await portal.stop()
    }

    @Test("the office dashboard: counts, filters, rejections with reasons; every text escaped")
    func dashboard() async throws {
      let portal = try await PortalFixture()
      _ = try portal.store.addUnits(
        [UnitRecord(id: "XSS-1", name: "<script>alert(1)</script>", region: "广西", level: "县级", category: "局")],
        round: PortalFixture.round, reissue: [])
      #expect(
        try await portal.upload(
          PortalFixture.unitA, body: try PortalFixture.sample(PortalFixture.unitA), code: portal.codeA
        ).status == 201)
      #expect(try await portal.upload(PortalFixture.unitB, body: Array("<x/>".utf8), code: portal.codeB).status == 422)
      let client = WebClient(portal)
      #expect(try await client.login("office", portal.office).header("location") == "/office")
      let page = try await client.get("/office")
      #expect(page.text.contains("共 3 家：已通过 1 家，未通过 1 家，未提交 1 家"))
      #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
      #expect(!page.text.contains("<script>alert"))
      #expect(page.text.contains("data-unit=\"FJ-FZ-01\""))
      let filtered = try await client.get("/office?round=2026H1&region=%E5%B9%BF%E8%A5%BF")
      #expect(filtered.text.contains("data-unit=\"XSS-1\""))
      #expect(!filtered.text.contains("data-unit=\"FJ-00-01\""))
      let missing = try await client.get("/office?round=2026H1&status=missing")
      #expect(missing.text.contains("data-unit=\"XSS-1\"") && !missing.text.contains("data-unit=\"FJ-FZ-01\""))
      let export = try await client.get("/office/rounds/2026H1/export")
      #expect(export.header("content-type") == "application/zip")
      let token = try await client.csrf(on: "/office")
      #expect(try await client.post("/office/rounds/2026H1/close", [("csrf", token)]).status == 303)
      #expect(try await client.get("/office").text.contains("提交已结束，评审中"))
      // A unit cannot open the office's pages.
      let unit = WebClient(portal)
      _ = try await unit.login(PortalFixture.unitA, portal.codeA)
      #expect(try await unit.get("/office").status == 403)
      await portal.stop()
    }

    @Test("a new code ends the holder's web sessions: office rotation, unit reissue")
    func revocationEndsSessions() async throws {
      let portal = try await PortalFixture()
      let office = WebClient(portal)
      _ = try await office.login("office", portal.office)
      let unit = WebClient(portal)
      _ = try await unit.login(PortalFixture.unitA, portal.codeA)
      let other = WebClient(portal)
      _ = try await other.login(PortalFixture.unitB, portal.codeB)
      #expect(try await office.get("/office").status == 200)
      #expect(try await unit.get("/home").status == 200)
      _ = try portal.store.issueOfficeCode()
      _ = try portal.store.addUnits([], round: PortalFixture.round, reissue: [PortalFixture.unitA])
      #expect(try await office.get("/office").header("location") == "/login")
      #expect(try await unit.get("/home").header("location") == "/login")
      #expect(try await other.get("/home").status == 200)
      #expect(try await portal.request("GET", "/api/v1/rounds/2026H1/status", code: portal.office).status == 401)
      await portal.stop()
    }

    @Test("pages: CSP without inline script, English on request or by the switch")
    func headersAndLanguage() async throws {
      let portal = try await PortalFixture()
      let client = WebClient(portal)
      let login = try await client.get("/login")
      #expect(login.header("content-security-policy")?.contains("script-src 'self'") == true)
      #expect(!(login.header("content-security-policy") ?? "").contains("unsafe-inline"))
      #expect(!login.text.contains("<script>"))
      #expect(login.text.contains("<script src=\"/static/portal.js\" defer></script>"))
      #expect(try await client.get("/static/portal.js").status == 200)
      client.headers["Accept-Language"] = "en-US"
      #expect(try await client.get("/login").text.contains("Access code"))
      client.headers["Accept-Language"] = nil
      let switched = try await client.get("/lang?to=en&back=/login")
      #expect(switched.status == 303)
      #expect(switched.header("location") == "/login")
      #expect(try await client.get("/login").text.contains("Access code"))
      #expect(try await client.get("/lang?to=zh&back=//evil.example").header("location") == "/")
      await portal.stop()
    }
  }
}
