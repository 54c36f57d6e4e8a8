import Foundation
import Testing

@testable import PilotEvalPortal

extension PortalTests {
  /// Every refusal of `piloteval serve` and `piloteval portal …`, in Chinese by default and in
  /// English with `--lang en`, with the status the other commands give.
  @Suite("Portal command messages")
  struct PortalMessagesTests {
    /// One case: the command (without `--lang`), its status, and a phrase of each language.
    struct Case: Sendable, CustomStringConvertible {
      var arguments: [String]
      var status: Int32
      var zh: String
      var en: String
      var description: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
      Case(
        arguments: ["portal", "init", "--db", "p.sqlite"], status: 1,
        zh: "piloteval: 错误：“p.sqlite”已存在：portal init 只新建数据库",
        en: "piloteval: error: 'p.sqlite' already exists; `portal init` creates a new database only"),
      Case(
        arguments: ["portal", "office-code", "--db", "p.sqlite"], status: 64,
        zh: "piloteval: 错误：访问码只以散列形式保存，无法再次显示；如需新的访问码，请加 --rotate",
        en: "piloteval: error: codes are stored only as hashes and cannot be shown again"),
      Case(
        arguments: ["portal", "office-code", "--db", "none.sqlite", "--rotate"], status: 1,
        zh: "piloteval: 错误：“none.sqlite”不存在或不是填报平台数据库：请先运行 piloteval portal init --db none.sqlite",
        en: "piloteval: error: 'none.sqlite' is not a portal database; create one with `piloteval portal init"),
      Case(
        arguments: ["serve", "--db", "junk.sqlite", "--listen", "127.0.0.1:0"], status: 1,
        zh: "piloteval: 错误：“junk.sqlite”不存在或不是填报平台数据库",
        en: "piloteval: error: 'junk.sqlite' is not a portal database"),
      Case(
        arguments: ["serve", "--db", "p.sqlite", "--listen", "8080"], status: 64,
        zh: "piloteval: 错误：--listen 须为“主机:端口”，例如 127.0.0.1:8080，现为“8080”",
        en: "piloteval: error: --listen must be HOST:PORT, e.g. 127.0.0.1:8080, not '8080'"),
      Case(
        arguments: ["serve", "--db", "p.sqlite", "--jobs", "0"], status: 64,
        zh: "piloteval: 错误：--jobs 至少为 1，现为 0", en: "piloteval: error: --jobs must be at least 1, not 0"),
      Case(
        arguments: ["serve", "--db", "p.sqlite", "--requests-per-code", "0"], status: 64,
        zh: "piloteval: 错误：--requests-per-code 至少为 1", en: "--requests-per-code must be at least 1"),
      Case(
        arguments: ["serve", "--db", "p.sqlite", "--failures-per-address", "0"], status: 64,
        zh: "piloteval: 错误：--failures-per-address 至少为 1", en: "--failures-per-address must be at least 1"),
      Case(
        arguments: ["portal", "open-round", "--db", "p.sqlite", "--rubric", "r.xml", "--round", "a/b"], status: 64,
        zh: "piloteval: 错误：评估轮次编号“a/b”不可用", en: "piloteval: error: round id 'a/b' is not usable"),
      Case(
        arguments: [
          "portal", "open-round", "--db", "p.sqlite", "--rubric", "r.xml", "--round", "R", "--deadline", "2026-06-30",
        ],
        status: 64,
        zh: "piloteval: 错误：--deadline “2026-06-30”不是带时区偏移的 ISO-8601 时间",
        en: "piloteval: error: --deadline '2026-06-30' is not an ISO-8601 time with an offset"),
      Case(
        arguments: ["portal", "open-round", "--db", "p.sqlite", "--rubric", "bad.xml", "--round", "R"], status: 2,
        zh: "piloteval: 错误：评估细则 bad.xml 无法使用；请运行 piloteval check-rubric bad.xml 查看详情",
        en: "piloteval: error: the rubric bad.xml cannot be used; run `piloteval check-rubric bad.xml` for details"),
      Case(
        arguments: [
          "portal", "open-round", "--db", "p.sqlite", "--rubric", PortalFixture.rubricPath, "--round", "2026H1",
        ],
        status: 1,
        zh: "piloteval: 错误：评估轮次“2026H1”已开启，不能重复开启", en: "piloteval: error: round '2026H1' is already open"),
      Case(
        arguments: [
          "portal", "add-units", "--db", "p.sqlite", "--round", "2026H1", "units.csv", "--codes", "taken.csv",
        ],
        status: 1,
        zh: "piloteval: 错误：“taken.csv”已存在：访问码文件不会覆盖已有文件",
        en: "piloteval: error: 'taken.csv' already exists; name a new file for the codes"),
      Case(
        arguments: ["portal", "add-units", "--db", "p.sqlite", "--round", "2026H1", "none.csv", "--codes", "c.csv"],
        status: 1,
        zh: "piloteval: 错误：无法读取文件：none.csv", en: "piloteval: error: cannot read the file: none.csv"),
      Case(
        arguments: ["portal", "add-units", "--db", "p.sqlite", "--round", "2026H1", "twice.csv", "--codes", "c.csv"],
        status: 1,
        zh: "twice.csv:3: 错误：单位编号“A-1”重复出现，每个单位只能列一次",
        en: "twice.csv:3: error: unit id 'A-1' appears twice"),
      Case(
        arguments: ["portal", "add-units", "--db", "p.sqlite", "--round", "2026H1", "quote.csv", "--codes", "c.csv"],
        status: 1,
        zh: "quote.csv:2: 错误：引号未闭合", en: "quote.csv:2: error: a quoted field is not closed"),
      Case(
        arguments: ["portal", "add-units", "--db", "p.sqlite", "--round", "2027H1", "units.csv", "--codes", "c.csv"],
        status: 1,
        zh: "piloteval: 错误：评估轮次“2027H1”不存在：请先用 piloteval portal open-round 开启该轮次",
        en: "piloteval: error: unknown round '2027H1'"),
      Case(
        arguments: [
          "portal", "add-units", "--db", "p.sqlite", "--round", "2026H1", "units.csv", "--codes", "c.csv", "--reissue",
          "Z-9",
        ],
        status: 1,
        zh: "piloteval: 错误：试点单位“Z-9”不在评估轮次“2026H1”中，无法重新发放访问码",
        en: "piloteval: error: unit 'Z-9' is not in round '2026H1'"),
      Case(
        arguments: [
          "portal", "add-units", "--db", "p.sqlite", "--round", "2026H1", "units.csv", "--codes", "no/c.csv",
        ],
        status: 1,
        zh: "新访问码未保存，请另指定 --codes 文件并用 --reissue 为这些单位重新发放访问码",
        en: "; give the units new codes with --reissue"),
    ]

    /// A portal with round 2026H1 and the input files the cases name.
    static func prepared() throws -> URL {
      let directory = try OfficeCommandTests.folder()
      let initialised = try PilotEvalBinary.run(["portal", "init", "--db", "p.sqlite"], in: directory)
      #expect(initialised.status == 0, "\(initialised.err)")
      let opened = try PilotEvalBinary.run(
        ["portal", "open-round", "--db", "p.sqlite", "--rubric", PortalFixture.rubricPath, "--round", "2026H1"],
        in: directory)
      #expect(opened.status == 0, "\(opened.err)")
      let files = [
        "units.csv": "id,name,region,level,category\nA-1,甲,福建,省级,局\n",
        "twice.csv": "id,name,region,level,category\nA-1,甲,福建,省级,局\nA-1,乙,广西,市级,局\n",
        "quote.csv": "id,name,region,level,category\n\"A-1,甲,福建,省级,局\n",
        "taken.csv": "id,code\n",
        "bad.xml": "<rubric/>",
        "junk.sqlite": "not a database",
      ]
      for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
      return directory
    }

    @Test("each refusal: Chinese by default, English with --lang en, same status", arguments: cases)
    func refusal(_ item: Case) async throws {
      try await blocking {
        let directory = try Self.prepared()
        defer { try? FileManager.default.removeItem(at: directory) }
        let zh = try PilotEvalBinary.run(item.arguments, in: directory, neutralLocale: true)
        #expect(zh.status == item.status, "\(zh.err)")
        #expect(zh.err.contains(item.zh), "\(zh.err)")
        #expect(!zh.err.contains("error:"), "\(zh.err)")
        let en = try PilotEvalBinary.run(
          [item.arguments[0]]
            + (item.arguments[0] == "portal" ? [item.arguments[1], "--lang", "en"] : ["--lang", "en"])
            + item.arguments.dropFirst(item.arguments[0] == "portal" ? 2 : 1),
          in: directory, neutralLocale: true)
        #expect(en.status == item.status, "\(en.err)")
        #expect(en.err.contains(item.en), "\(en.err)")
        #expect(!en.err.contains("错误"), "\(en.err)")
      }
    }

    @Test("what the commands report on success is in the chosen language too")
    func successLines() async throws {
      try await blocking {
        let directory = try OfficeCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let zh = try PilotEvalBinary.run(["portal", "init", "--db", "p.sqlite"], in: directory, neutralLocale: true)
        #expect(zh.err.contains("piloteval: 已创建 p.sqlite；上面的试点办公室访问码只显示这一次，请妥善保管"), "\(zh.err)")
        let en = try PilotEvalBinary.run(
          ["portal", "init", "--lang", "en", "--db", "q.sqlite"], in: directory, neutralLocale: true)
        #expect(en.err.contains("piloteval: created q.sqlite; the office code above is shown only once"), "\(en.err)")
        let rotated = try PilotEvalBinary.run(
          ["portal", "office-code", "--db", "p.sqlite", "--rotate"], in: directory, neutralLocale: true)
        #expect(rotated.err.contains("原试点办公室访问码已失效"), "\(rotated.err)")
        let opened = try PilotEvalBinary.run(
          ["portal", "open-round", "--db", "p.sqlite", "--rubric", PortalFixture.rubricPath, "--round", "R1"],
          in: directory, neutralLocale: true)
        #expect(opened.err.contains("评估轮次 R1 已开启，可以接收填报"), "\(opened.err)")
        try Data("id,name,region,level,category\nA-1,甲,福建,省级,局\n".utf8)
          .write(to: directory.appendingPathComponent("u.csv"))
        let added = try PilotEvalBinary.run(
          ["portal", "add-units", "--lang", "en", "--db", "p.sqlite", "--round", "R1", "u.csv", "--codes", "c.csv"],
          in: directory, neutralLocale: true)
        #expect(added.err.contains("piloteval: 1 new code(s) written to c.csv"), "\(added.err)")
      }
    }
  }
}
