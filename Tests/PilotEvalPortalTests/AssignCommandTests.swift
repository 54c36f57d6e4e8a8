import Foundation
import Testing

@testable import PilotEvalPortal

extension PortalTests {
  /// `portal add-reviewers`, `add-leaders`, `close`, `assign` and `swap`, run as the office runs them.
  @Suite("Assign commands", .serialized)
  struct AssignCommandTests {
    func run(_ portal: PortalFixture, _ arguments: [String]) async throws -> (status: Int32, out: String, err: String) {
      let directory = portal.directory
      return try await blocking { try PilotEvalBinary.run(arguments, in: directory) }
    }

    @Test("assign: 回避 kept (a Fujian expert gets no Fujian unit), the exception listed, same seed same plan")
    func assign() async throws {
      let portal = try await PortalFixture()
      for (unit, code) in [(PortalFixture.unitA, portal.codeA), (PortalFixture.unitB, portal.codeB)] {
        #expect(try await portal.upload(unit, body: try PortalFixture.sample(unit), code: code).status == 201)
      }
      let experts = "id,name,region,organisation\nE1,张三,福建,\nE2,李四,广西,某院\nE3,王五,广东,\nE4,赵六,北京,\n"
      try Data(experts.utf8).write(to: portal.directory.appendingPathComponent("experts.csv"))
      try Data("id,name\nL1,领导\n".utf8).write(to: portal.directory.appendingPathComponent("leaders.csv"))
      let db = ["--db", "portal.sqlite", "--round", "2026H1"]
      let added = try await run(portal, ["portal", "add-reviewers"] + db + ["experts.csv", "--codes", "ec.csv"])
      #expect(added.status == 0)
      let codes = try String(contentsOf: portal.directory.appendingPathComponent("ec.csv"), encoding: .utf8)
      #expect(codes.split(whereSeparator: \.isNewline).count == 5)
      let again = try await run(
        portal, ["portal", "add-reviewers", "--lang", "en"] + db + ["experts.csv", "--codes", "ec.csv"])
      #expect(again.status == 1 && again.err.contains("already exists"))
      #expect(
        try await run(portal, ["portal", "add-leaders"] + db + ["leaders.csv", "--codes", "lc.csv"]).status == 0)
      let expert = try await portal.store.principal(codeHash: AccessCode.hash(of: Self.code(of: "E2", in: codes)))
      #expect(expert?.role == .reviewer)
      #expect(try await run(portal, ["portal", "close"] + db).status == 0)
      #expect(try await portal.store.round("2026H1")?.phase == .reviewing)

      let first = try await run(
        portal, ["portal", "assign"] + db + ["--per-unit", "2", "--seed", "5", "--csv", "a.csv"])
      #expect(first.status == 0)
      let plan = try portal.store.assignments(round: "2026H1")
      #expect(plan.count == 4)
      #expect(!plan.contains { $0.reviewer == "E1" })
      #expect(Set(plan.map(\.unit)) == [PortalFixture.unitA, PortalFixture.unitB])
      #expect(first.out.contains("例外") || first.out.contains("exception"))  // E1 cannot take any unit
      #expect(try portal.store.assignmentPlan(round: "2026H1")?.perUnit == 2)
      _ = try await run(portal, ["portal", "assign"] + db + ["--per-unit", "2", "--seed", "5", "--csv", "b.csv"])
      let a = try Data(contentsOf: portal.directory.appendingPathComponent("a.csv"))
      let b = try Data(contentsOf: portal.directory.appendingPathComponent("b.csv"))
      #expect(a == b && String(decoding: a, as: UTF8.self).contains("unit,reviewer,region,organisation"))
      await portal.stop()
    }

    @Test("swap: refused when it breaks 回避; with --override REASON applied and audit-logged")
    func swap() async throws {
      let portal = try await PortalFixture()
      #expect(
        try await portal.upload(
          PortalFixture.unitA, body: try PortalFixture.sample(PortalFixture.unitA), code: portal.codeA
        ).status == 201)
      try Data("id,name,region,organisation\nE1,张三,福建,\nE2,李四,广西,\nE3,王五,广东,\n".utf8)
        .write(to: portal.directory.appendingPathComponent("experts.csv"))
      let db = ["--db", "portal.sqlite", "--round", "2026H1"]
      #expect(
        try await run(portal, ["portal", "add-reviewers"] + db + ["experts.csv", "--codes", "ec.csv"]).status == 0)
      #expect(try await run(portal, ["portal", "assign"] + db + ["--per-unit", "2"]).status == 0)
      #expect(Set(try portal.store.assignments(round: "2026H1").map(\.reviewer)) == ["E2", "E3"])
      let swap = ["portal", "swap"] + db + ["--unit", PortalFixture.unitA, "--from", "E2", "--to", "E1"]
      let refused = try await run(portal, swap)
      #expect(refused.status == 1)
      #expect(Set(try portal.store.assignments(round: "2026H1").map(\.reviewer)) == ["E2", "E3"])
      let notAssigned = try await run(
        portal, ["portal", "swap"] + db + ["--unit", PortalFixture.unitA, "--from", "E1", "--to", "E2"])
      #expect(notAssigned.status == 1)
      let forced = try await run(portal, swap + ["--override", "本省专家短缺，经领导同意"])
      #expect(forced.status == 0)
      #expect(Set(try portal.store.assignments(round: "2026H1").map(\.reviewer)) == ["E1", "E3"])
      let log = try portal.store.auditLog().filter { $0.action == "swap" }
      #expect(log.count == 1 && log[0].detail.contains("override=本省专家短缺，经领导同意"))
      await portal.stop()
    }

    static func code(of id: String, in csv: String) -> String {
      for line in csv.split(whereSeparator: \.isNewline) {
        let fields = line.split(separator: ",")
        if fields.count == 2, fields[0].hasSuffix(id) { return String(fields[1]) }
      }
      return ""
    }
  }
}
