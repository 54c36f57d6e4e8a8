import Foundation
import PilotEvalCore
import Testing

@testable import PilotEvalPortal

extension PortalTests {
  /// The review form on the web: the unit's self-assessment with its evidence, drafts, submitting
  /// through the API's checks, findings beside their fields, and who may do what.
  @Suite("Review form pages", .serialized)
  struct ReviewFormPagesTests {
    let a = PortalFixture.unitA

    /// The fields a browser posts for `form` (every control of the page, as it is filled).
    static func fields(
      _ form: ReviewForm, _ unit: ReviewFormTests.Unit, csrf: String?, action: String
    )
      -> [(String, String)]
    {
      var fields: [(String, String)] = []
      if let csrf { fields.append(("csrf", csrf)) }
      for criterion in unit.rubric.criteria {
        let id = criterion.id
        let entry = form.criteria[id] ?? ReviewForm.Entry()
        if !entry.level.isEmpty { fields.append(("level.\(id)", entry.level)) }
        if criterion.method.takesValue { fields.append(("value.\(id)", entry.value)) }
        if case .judgement = criterion.method { fields.append(("points.\(id)", entry.points)) }
        fields += entry.checks.map { ("check.\(id)", $0) }
        fields += entry.rejected.map { ("reject.\(id)", String($0)) }
        fields += [("reject-reason.\(id)", entry.rejectReason), ("comment.\(id)", entry.comment)]
      }
      for claim in unit.submission.bonusClaims {
        fields.append(("bonus.\(claim.id)", form.rejectedBonuses.contains(claim.id) ? "reject" : "confirm"))
      }
      for (id, count) in form.deductions { fields.append(("deduction.\(id)", count)) }
      for veto in unit.rubric.vetoes {
        fields.append(("veto.\(veto.id)", form.vetoes[veto.id] == nil ? "no" : "yes"))
        fields.append(("veto-reason.\(veto.id)", form.vetoes[veto.id] ?? ""))
      }
      fields.append(("action", action))
      return fields
    }

    /// A portal in `reviewing` with unit A assigned to E05 and E08 (E12 is 福建: never on A).
    func reviewing(close: Bool = true) async throws -> (PortalFixture, [String: String], ReviewFormTests.Unit) {
      let portal = try await PortalFixture()
      let codes = try await ReviewRouteTests().setUp(portal, close: close)
      return (portal, codes, try ReviewFormTests.Unit(a))
    }

    @Test("the page shows every criterion with the unit's answer and each evidence item, and a form per method")
    func page() async throws {
      let (portal, codes, unit) = try await reviewing()
      let expert = WebClient(portal)
      _ = try await expert.login("E05", codes["E05"] ?? "")
      let page = try await expert.get("/expert/units/\(a)")
      #expect(page.status == 200)
      for criterion in unit.rubric.criteria { #expect(page.text.contains("id=\"criterion-\(criterion.id)\"")) }
      for (id, items) in unit.evidence.criteria {
        for item in items {
          #expect(page.text.contains(SafeHTML.escape(item.title)))
          #expect(page.text.contains("name=\"reject.\(id)\" value=\"\(item.number)\""))
        }
      }
      #expect(page.text.contains("福建省机关事务管理局"))
      #expect(page.text.contains("单位自评：B (3.5 分)"))
      #expect(page.text.contains("id=\"level-C4.3-B\""))
      #expect(page.text.contains("<select name=\"points.C1.3\" id=\"points-C1.3\">"))
      #expect(page.text.contains("<option value=\"3\" selected>3</option>"))
      #expect(page.text.contains("name=\"check.C1.2\" value=\"d\" id=\"check-C1.2-d\" checked"))
      #expect(page.text.contains("id=\"veto-V1\""))
      #expect(page.text.contains("name=\"deduction.D1\""))
      #expect(!page.text.contains("<script>"))
      await portal.stop()
    }

    @Test("a draft is saved, replaced on the next save, kept across log-out, and only its expert sees it")
    func drafts() async throws {
      let (portal, codes, unit) = try await reviewing()
      let expert = WebClient(portal)
      _ = try await expert.login("E05", codes["E05"] ?? "")
      let token = try await expert.csrf(on: "/expert/units/\(a)")
      var form = unit.baseline
      form.criteria["C4.3"]?.level = "C"
      form.criteria["C1.1"]?.rejected = [2]
      let saved = try await expert.post("/expert/units/\(a)", Self.fields(form, unit, csrf: token, action: "save"))
      #expect(saved.status == 303)
      #expect(saved.header("location") == "/expert/units/\(a)?saved=1")
      var shown = try await expert.get("/expert/units/\(a)?saved=1")
      #expect(shown.text.contains("id=\"draft-saved\""))
      #expect(shown.text.contains("id=\"level-C4.3-C\" checked"))
      #expect(shown.text.contains("id=\"reject-C1.1-2\" checked"))
      form.criteria["C4.3"]?.level = "B"
      form.criteria["C1.1"]?.rejected = []
      _ = try await expert.post("/expert/units/\(a)", Self.fields(form, unit, csrf: token, action: "save"))
      let store = portal.store
      let stored = try #require(try await store.draft(round: "2026H1", unit: a, reviewer: "E05"))
      #expect(ReviewForm.decode(stored.fields) == form)
      // No review was stored by saving.
      #expect(try await store.latestReview(round: "2026H1", unit: a, reviewer: "E05") == nil)
      _ = try await expert.post("/logout", [("csrf", token)])
      _ = try await expert.login("E05", codes["E05"] ?? "")
      shown = try await expert.get("/expert/units/\(a)")
      #expect(shown.text.contains("id=\"draft-from\""))
      #expect(shown.text.contains("id=\"level-C4.3-B\" checked"))
      #expect(!shown.text.contains("id=\"reject-C1.1-2\" checked"))
      // E08 is assigned to the same unit: the unit's answers, not E05's draft.
      let other = WebClient(portal)
      _ = try await other.login("E08", codes["E08"] ?? "")
      let theirs = try await other.get("/expert/units/\(a)")
      #expect(theirs.status == 200)
      #expect(theirs.text.contains("id=\"level-C4.3-A\" checked"))
      #expect(!theirs.text.contains("id=\"draft-from\""))
      #expect(try await store.draft(round: "2026H1", unit: a, reviewer: "E08") == nil)
      await portal.stop()
    }

    @Test("submitting stores what the API accepts: the same bytes, a receipt, and the unit counted as reviewed")
    func submit() async throws {
      let (portal, codes, unit) = try await reviewing()
      let expert = WebClient(portal)
      _ = try await expert.login("E05", codes["E05"] ?? "")
      let token = try await expert.csrf(on: "/expert/units/\(a)")
      var form = unit.baseline
      form.criteria["C4.3"]?.level = "B"
      form.criteria["C4.3"]?.comment = "年度监督检查仅开展1次。"
      form.criteria["C1.1"]?.rejected = [2]
      form.criteria["C1.1"]?.rejectReason = "未见正式印发文件"
      let sent = try await expert.post("/expert/units/\(a)", Self.fields(form, unit, csrf: token, action: "submit"))
      #expect(sent.status == 200)
      #expect(sent.text.contains("已通过校验并妥善保存。"))
      #expect(sent.text.contains("id=\"review-receipt\">评审已通过校验并保存：第 1 版"))
      let expected = unit.document(form).bytes
      let api = try await portal.request("GET", "/api/v1/rounds/2026H1/reviews/\(a)?reviewer=E05", code: portal.office)
      #expect(api.status == 200)
      #expect(api.body == expected)
      let again = try await portal.request(
        "PUT", "/api/v1/rounds/2026H1/reviews/\(a)", code: codes["E05"], headers: ["Content-Type": "application/xml"],
        body: api.body)
      #expect(again.status == 201)
      #expect(try await expert.get("/expert").text.contains("已完成 1 / 1 个单位的评审"))
      #expect(try await expert.get("/expert/units/\(a)").text.contains("id=\"reviewed\""))
      let log = try portal.store.auditLog().filter { $0.action == "review-form" }
      #expect(log.map(\.status) == [201])
      await portal.stop()
    }

    @Test("a rejected submission shows each finding beside its field, in Chinese or English, and keeps the draft")
    func findings() async throws {
      let (portal, codes, unit) = try await reviewing()
      let expert = WebClient(portal)
      _ = try await expert.login("E05", codes["E05"] ?? "")
      let token = try await expert.csrf(on: "/expert/units/\(a)")
      var form = unit.baseline
      form.criteria["C1.3"]?.points = "2.3"
      let sent = try await expert.post("/expert/units/\(a)", Self.fields(form, unit, csrf: token, action: "submit"))
      #expect(sent.status == 422)
      #expect(sent.text.contains("id=\"verdict\">评审未通过校验"))
      func fieldset(_ id: String, in text: String) -> String {
        guard let start = text.range(of: "id=\"criterion-\(id)\""),
          let end = text[start.upperBound...].range(of: "</fieldset>")
        else { return "" }
        return String(text[start.upperBound..<end.lowerBound])
      }
      let offStep = fieldset("C1.3", in: sent.text)
      #expect(offStep.contains("<ul class=\"field-findings\"><li class=\"error\">"))
      #expect(offStep.contains("2.3") && offStep.contains("0.5"))
      #expect(!fieldset("C1.1", in: sent.text).contains("class=\"field-findings\""))
      #expect(try await portal.store.latestReview(round: "2026H1", unit: a, reviewer: "E05") == nil)
      let stored = try #require(try await portal.store.draft(round: "2026H1", unit: a, reviewer: "E05"))
      #expect(ReviewForm.decode(stored.fields)?.criteria["C1.3"]?.points == "2.3")
      // Not a number, in English.
      form = unit.baseline
      form.criteria["C6.1"]?.value = "abc"
      expert.cookies["pe_lang"] = "en"
      let english = try await expert.post("/expert/units/\(a)", Self.fields(form, unit, csrf: token, action: "submit"))
      #expect(english.status == 422)
      #expect(english.text.contains("The review was rejected and does not count."))
      let notNumber = fieldset("C6.1", in: english.text)
      #expect(notNumber.contains("class=\"field-findings\"") && notNumber.contains("abc"))
      #expect(!notNumber.contains("评审"))
      // A checklist emptied of every item cannot be said in review XML: shown there, nothing stored.
      form = unit.baseline
      form.criteria["C1.2"]?.checks = []
      expert.cookies["pe_lang"] = "zh"
      let empty = try await expert.post("/expert/units/\(a)", Self.fields(form, unit, csrf: token, action: "submit"))
      #expect(empty.status == 422)
      #expect(fieldset("C1.2", in: empty.text).contains("评审文件无法表示“一项都未完成”"))
      await portal.stop()
    }

    @Test("refused: an unassigned unit, a missing or wrong CSRF token, the wrong phase; read-only once published")
    func refusals() async throws {
      let (portal, codes, unit) = try await reviewing(close: false)
      let expert = WebClient(portal)
      _ = try await expert.login("E05", codes["E05"] ?? "")
      // Still submitting: the unit's answers may change.
      #expect(try await expert.get("/expert/units/\(a)").status == 409)
      try await portal.store.close(round: "2026H1")
      let token = try await expert.csrf(on: "/expert/units/\(a)")
      let fields = Self.fields(unit.baseline, unit, csrf: token, action: "save")
      let outsider = WebClient(portal)
      _ = try await outsider.login("E12", codes["E12"] ?? "")
      let theirToken = try await outsider.csrf(on: "/expert")
      #expect(try await outsider.get("/expert/units/\(a)").status == 403)
      let forged = try await outsider.post(
        "/expert/units/\(a)", Self.fields(unit.baseline, unit, csrf: theirToken, action: "save"))
      #expect(forged.status == 403)
      #expect(try await portal.store.draft(round: "2026H1", unit: a, reviewer: "E12") == nil)
      // Unit B has no accepted submission and no assignment.
      #expect(try await expert.get("/expert/units/\(PortalFixture.unitB)").status == 403)
      let noToken = try await expert.post(
        "/expert/units/\(a)", Self.fields(unit.baseline, unit, csrf: nil, action: "save"))
      #expect(noToken.status == 403)
      let wrongToken = try await expert.post(
        "/expert/units/\(a)", Self.fields(unit.baseline, unit, csrf: "x" + token, action: "submit"))
      #expect(wrongToken.status == 403)
      #expect(try await portal.store.draft(round: "2026H1", unit: a, reviewer: "E05") == nil)
      // A unit's code or the office cannot use the expert's pages.
      let owner = WebClient(portal)
      _ = try await owner.login(a, portal.codeA)
      #expect(try await owner.get("/expert/units/\(a)").status == 403)
      #expect(try await expert.post("/expert/units/\(a)", fields).status == 303)
      try portal.store.publish(round: "2026H1", files: [], detail: "test")
      let published = try await expert.get("/expert/units/\(a)")
      #expect(published.status == 200)
      #expect(published.text.contains("id=\"read-only\""))
      #expect(published.text.contains("class=\"review-all\" disabled"))
      #expect(!published.text.contains("id=\"submit-review\""))
      #expect(try await expert.post("/expert/units/\(a)", fields).status == 409)
      let late = Self.fields(unit.baseline, unit, csrf: token, action: "submit")
      #expect(try await expert.post("/expert/units/\(a)", late).status == 409)
      #expect(try await portal.store.latestReview(round: "2026H1", unit: a, reviewer: "E05") == nil)
      await portal.stop()
    }
  }
}
