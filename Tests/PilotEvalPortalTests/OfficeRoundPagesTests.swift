import Foundation
import PilotEvalCore
import PilotEvalReports
import Testing

@testable import PilotEvalPortal

extension PortalTests {
  /// The office's progress page (who is late) and the assignment plan as a page and as CSV.
  @Suite("Office round pages", .serialized)
  struct OfficeRoundPagesTests {
    /// The row of `id` in the table `table` of `html`, or "".
    static func row(_ html: String, table: String, id: String) -> String {
      guard let start = html.range(of: "<table id=\"\(table)\""),
        let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex),
        let row = html.range(of: "data-id=\"\(id)\"", range: start.upperBound..<end.lowerBound),
        let close = html.range(of: "</tr>", range: row.upperBound..<end.lowerBound)
      else { return "" }
      let open = html.range(of: "<tr", options: .backwards, range: start.upperBound..<row.lowerBound)
      return String(html[(open?.lowerBound ?? row.lowerBound)..<close.upperBound])
    }

    @Test("progress: done per expert and per unit, late only past the review deadline, late first, sortable")
    func progress() async throws {
      let portal = try await PortalFixture()
      let codes = try await ReviewRouteTests().setUp(portal)
      let a = PortalFixture.unitA
      // A (福建) goes to E05 (广西) and E08 (广东); E12 (福建) may not review it.
      #expect(
        try await ReviewRouteTests().put(portal, try ReviewRouteTests.review("FJ-00-01-E05"), code: codes["E05"])
          .status == 201)
      let office = WebClient(portal)
      _ = try await office.login("office", portal.office)

      // No deadline: E08 outstanding, nobody late.
      var page = try await office.get("/office/rounds/2026H1/progress")
      #expect(page.status == 200)
      #expect(page.text.contains("未设评审截止时间"))
      #expect(page.text.contains("<th>专家</th><th>姓名</th>"))  // an expert's name, not a unit's
      #expect(page.text.contains("<th>尚未评审的单位</th>"))
      #expect(page.text.contains("已完成评审 1 / 2 份；逾期专家 0 名，未完成专家 1 名"))
      #expect(Self.row(page.text, table: "by-expert", id: "E08").contains("class=\"outstanding\""))
      #expect(Self.row(page.text, table: "by-expert", id: "E08").contains("<td class=\"state\">待完成</td>"))
      #expect(Self.row(page.text, table: "by-expert", id: "E05").contains("<td class=\"state\">已完成</td>"))
      #expect(Self.row(page.text, table: "by-expert", id: "E12").contains("<td class=\"state\">未分配</td>"))
      #expect(Self.row(page.text, table: "by-unit", id: a).contains("<td class=\"num\">1</td><td class=\"num\">2</td>"))
      #expect(Self.row(page.text, table: "by-unit", id: a).contains("E08"))

      // A deadline still ahead: the same.
      try await portal.store.setReviewDeadline(round: "2026H1", deadline: "2999-01-01T00:00:00+08:00")
      page = try await office.get("/office/rounds/2026H1/progress")
      #expect(page.text.contains("逾期专家 0 名"))
      #expect(page.text.contains("未到截止时间"))

      // Past it: E08 is late and comes first.
      try await portal.store.setReviewDeadline(round: "2026H1", deadline: "2020-01-01T00:00:00+08:00")
      page = try await office.get("/office/rounds/2026H1/progress")
      #expect(page.text.contains("已完成评审 1 / 2 份；逾期专家 1 名，未完成专家 0 名"))
      #expect(page.text.contains("2020-01-01T00:00:00+08:00（已过截止时间）"))
      let late = Self.row(page.text, table: "by-expert", id: "E08")
      #expect(late.contains("class=\"late\"") && late.contains("<td class=\"state\">逾期</td>") && late.contains(a))
      #expect(Self.row(page.text, table: "by-unit", id: a).contains("<td class=\"state\">逾期</td>"))
      let order = ["E08", "E05", "E12"].map { page.text.range(of: "data-id=\"\($0)\"")?.lowerBound }
      #expect(order[0]! < order[1]! && order[1]! < order[2]!)
      let byID = try await office.get("/office/rounds/2026H1/progress?sort=id").text
      let idOrder = ["E05", "E08", "E12"].map { byID.range(of: "data-id=\"\($0)\"")?.lowerBound }
      #expect(idOrder[0]! < idOrder[1]! && idOrder[1]! < idOrder[2]!)
      // The old address shows the latest round; experts and units are refused.
      #expect(try await office.get("/office/progress").text.contains("逾期专家 1 名"))
      let expert = WebClient(portal)
      _ = try await expert.login("E05", codes["E05"] ?? "")
      #expect(try await expert.get("/office/rounds/2026H1/progress").status == 403)
      // In English on request.
      office.headers["Accept-Language"] = "en"
      _ = try await office.get("/lang?to=en&back=/")
      let english = try await office.get("/office/rounds/2026H1/progress").text
      #expect(english.contains("1 of 2 reviews done; 1 experts late"))
      await portal.stop()
    }

    @Test("the plan page: experts per unit, loads, pairs, the block, exceptions; the CSV is the one writer's")
    func plan() async throws {
      let portal = try await PortalFixture()
      let codes = try await ReviewRouteTests().setUp(portal)
      // K = 3: only two experts may review A (福建), so the plan lists an exception.
      let request = try portal.store.assignmentRoster(round: "2026H1", perUnit: 3, seed: 1)
      try portal.store.saveAssignments(try AssignmentPlanner.plan(request), round: "2026H1")
      let office = WebClient(portal)
      _ = try await office.login("office", portal.office)
      let page = try await office.get("/office/rounds/2026H1/plan")
      #expect(page.status == 200)
      #expect(page.text.contains("每单位 3 名专家；共 2 项分配；专家任务量 0–1 件"))
      #expect(page.text.contains("有共同评审单位的专家对：1 / 3（33.3%）"))
      #expect(page.text.contains("单位 FJ-00-01：回避后只有 2 名专家可以评审，少于每单位 3 名；已分配 2 名"))
      #expect(page.text.contains("评审网络不连通"))
      #expect(Self.row(page.text, table: "plan-units", id: PortalFixture.unitA).contains("E05（广西）、E08（广东）"))
      #expect(Self.row(page.text, table: "plan-experts", id: "E12").contains("<td class=\"num\">0</td>"))
      let csv = try await office.get("/office/rounds/2026H1/plan.csv")
      #expect(csv.status == 200)
      #expect(csv.header("content-type") == "text/csv; charset=utf-8")
      #expect(csv.header("content-disposition")?.contains("plan.csv") == true)
      let entries = try portal.store.assignments(round: "2026H1")
      #expect(csv.body == Array(AssignmentPlan.csv(entries).utf8))
      #expect(csv.text == "\u{FEFF}unit,reviewer,region,organisation\r\nFJ-00-01,E05,广西,\r\nFJ-00-01,E08,广东,\r\n")
      let expert = WebClient(portal)
      _ = try await expert.login("E05", codes["E05"] ?? "")
      #expect(try await expert.get("/office/rounds/2026H1/plan.csv").status == 403)
      #expect(try await expert.get("/office/rounds/2026H1/plan").status == 403)
      await portal.stop()
    }

    @Test("portal close --review-deadline sets the deadline the progress page uses; a malformed one is refused")
    func reviewDeadlineCommand() async throws {
      let portal = try await PortalFixture()
      let directory = portal.directory
      let bad = try await blocking {
        try PilotEvalBinary.run(
          ["portal", "close", "--db", "portal.sqlite", "--round", "2026H1", "--review-deadline", "2026-07-20"],
          in: directory, neutralLocale: true)
      }
      #expect(bad.status == 64)
      #expect(try await portal.store.round("2026H1")?.phase == .submitting)
      let good = try await blocking {
        try PilotEvalBinary.run(
          [
            "portal", "close", "--db", "portal.sqlite", "--round", "2026H1", "--review-deadline",
            "2026-07-20T18:00:00+08:00",
          ], in: directory, neutralLocale: true)
      }
      #expect(good.status == 0, "\(good.err)")
      #expect(good.err.contains("专家评审截止时间为 2026-07-20T18:00:00+08:00"))
      #expect(try await portal.store.round("2026H1")?.phase == .reviewing)
      #expect(try await portal.store.reviewDeadline(round: "2026H1") == "2026-07-20T18:00:00+08:00")
      await portal.stop()
    }

    @Test("who is late: states by deadline (on time at the deadline itself) and the three orders")
    func lateness() throws {
      let entries: [AssignmentPlan.Entry] = [
        ("U1", "A", true), ("U1", "B", false), ("U2", "B", false), ("U2", "C", true), ("U3", "C", true),
      ].map { .init(unit: $0.0, reviewer: $0.1, region: "", organisation: "", reviewed: $0.2) }
      let experts = ["A", "B", "C", "D"].map { (id: $0, name: "专家\($0)", region: "") }
      let deadline = "2026-07-20T18:00:00+08:00"
      let due = try #require(PortalClock.parse(deadline))
      func progress(_ now: Date, _ order: ReviewProgress.Order) -> ReviewProgress {
        ReviewProgress(entries: entries, experts: experts, units: [], deadline: deadline, now: now, order: order)
      }
      let onTime = progress(due, .late)
      #expect(!onTime.deadlinePassed && onTime.lateExperts == 0 && onTime.outstandingExperts == 1)
      let late = progress(due.addingTimeInterval(1), .late)
      #expect(late.deadlinePassed)
      #expect(late.experts.map(\.id) == ["B", "A", "C", "D"])
      #expect(late.experts.map(\.state) == [.late, .done, .done, .idle])
      #expect(late.experts[0].waiting == ["U1", "U2"] && late.experts[0].outstanding == 2)
      #expect(late.units.map(\.id) == ["U1", "U2", "U3"] && late.units[0].waiting == ["B"])
      #expect(late.reviewsDone == 3 && late.reviewsAssigned == 5)
      #expect(progress(due, .id).experts.map(\.id) == ["A", "B", "C", "D"])
      #expect(progress(due, .done).experts.map(\.id) == ["B", "A", "C", "D"])  // 0/2, then all done, idle last
      let none = ReviewProgress(
        entries: entries, experts: experts, units: [], deadline: nil, now: .distantFuture, order: .late)
      #expect(none.lateExperts == 0 && none.experts[0].state == .outstanding)
    }
  }
}
