import Foundation
import Testing

/// What hostile inputs must not do to a command's output or its folder (issue 12).
@Suite("piloteval holds up against hostile inputs and output folders")
final class HostileOutputTests {
  let folder: URL

  init() throws {
    folder = try CommandRunner.temporaryDirectory()
    try write(smallRubric, to: "rubric.xml")
    try write(submission(unit: "U1", value: "0.95"), to: "in/a.xml")
    try write(submission(unit: "U2", value: "0.5"), to: "in/b.xml")
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  private func write(_ text: String, to name: String) throws {
    let url = folder.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
  }

  private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  private func report(out: String, _ extra: [String] = []) async throws -> CommandRunner.Output {
    try await CommandRunner.run(
      ["report", "--rubric", path("rubric.xml"), "--draws", "20", "--out", out] + extra + [path("in")])
  }

  // MARK: - Long text

  @Test("a 1,000,000-character unit name and a 40,000-character criterion id in a rejected file do not stop report")
  func longText() async throws {
    try write(submission(unit: "U3", name: String(repeating: "长", count: 1_000_000)), to: "in/c.xml")
    try write(
      submission(unit: "U4", extra: #"<response criterion="\#(String(repeating: "C", count: 40_000))" level="A"/>"#),
      to: "in/d.xml")
    let output = try await report(out: path("out"))
    #expect(output.status == 0, "\(output.stderr.suffix(500))")
    #expect(output.stderr.contains("4 submission(s): 3 scored, 1 rejected"), "the account line is printed")
    #expect(FileManager.default.fileExists(atPath: path("out/ranking.xlsx")))
    // The terminal table cuts the name instead of widening every row to a million columns.
    let table = try await CommandRunner.run(["score", "--rubric", path("rubric.xml"), "-q", path("in")])
    #expect(table.status == 0)
    #expect(table.stdout.utf8.count < 10_000, "\(table.stdout.utf8.count) bytes")
  }

  // MARK: - The output folder

  @Test("a unit no longer in the round loses its page; files PilotEval did not write stay")
  func stalePagesRemoved() async throws {
    #expect(try await report(out: path("out")).status == 0)
    #expect(FileManager.default.fileExists(atPath: path("out/units/U2.html")))
    try write("mine", to: "out/units/notes.txt")
    try FileManager.default.removeItem(atPath: path("in/b.xml"))
    #expect(try await report(out: path("out")).status == 0)
    #expect(!FileManager.default.fileExists(atPath: path("out/units/U2.html")))
    #expect(FileManager.default.fileExists(atPath: path("out/units/U1.html")))
    #expect(FileManager.default.fileExists(atPath: path("out/units/notes.txt")))
  }

  @Test("a units link inside the folder is not followed: one clear line, exit 1, the account still printed")
  func linkNotFollowed() async throws {
    try FileManager.default.createDirectory(atPath: path("elsewhere"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: path("out"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: path("out/units"), withDestinationPath: path("elsewhere"))
    let output = try await report(out: path("out"))
    #expect(output.status == 1)
    #expect(output.stderr.contains("is a symbolic link"), "\(output.stderr)")
    #expect(output.stderr.contains("2 submission(s)"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: path("elsewhere")).isEmpty)
  }

  @Test(
    "folder errors are one line, never a framework dump",
    arguments: ["a file as --out", "a folder where index.html goes"])
  func folderErrors(_ situation: String) async throws {
    var out = path("out")
    if situation == "a file as --out" {
      try write("x", to: "plain-file")
      out = path("plain-file")
    } else {
      try FileManager.default.createDirectory(atPath: path("out/index.html"), withIntermediateDirectories: true)
    }
    let output = try await report(out: out)
    #expect(output.status == 1)
    #expect(!output.stderr.contains("NSCocoaErrorDomain") && !output.stderr.contains("Code="), "\(output.stderr)")
    #expect(output.stderr.contains("choose another --out"), "\(output.stderr)")
  }

  @Test("ids that differ only in case, and names Windows reserves, get distinct portable page names")
  func portableNames() async throws {
    try write(submission(unit: "ABC"), to: "in/e.xml")
    try write(submission(unit: "abc"), to: "in/f.xml")
    try write(submission(unit: "CON"), to: "in/g.xml")
    #expect(try await report(out: path("out")).status == 0)
    let pages = try FileManager.default.contentsOfDirectory(atPath: path("out/units"))
    #expect(pages.count == 5)
    #expect(Set(pages.map { $0.lowercased() }).count == 5, "\(pages)")
    #expect(!pages.contains("CON.html"))
    #expect(pages.contains("ABC.html"))
  }

  // MARK: - Smaller, same family

  @Test("rank --draws 2000000000 is a usage error, not an abort")
  func drawsBounded() async throws {
    let output = try await CommandRunner.run(
      ["rank", "--rubric", path("rubric.xml"), "--draws", "2000000000", path("in")])
    #expect(output.status == 64)
    #expect(output.stderr.contains("--draws must be at most"))
  }

  @Test("the bounds and the folder errors speak Chinese by default, with the same prefix as every error")
  func chineseMessages() async throws {
    let draws = try await CommandRunner.run(
      ["rank", "--rubric", path("rubric.xml"), "--draws", "2000000000", path("in")], environment: [:])
    #expect(draws.status == 64)
    #expect(draws.stderr.contains("piloteval: 错误：--draws 至多为 20000"), "\(draws.stderr)")
    let near = try await CommandRunner.run(
      ["rank", "--lang", "zh", "--rubric", path("rubric.xml"), "--near", "inf", path("in")])
    #expect(near.status == 64)
    #expect(near.stderr.contains("--near 须为有限数值"), "\(near.stderr)")
    try write("x", to: "plain-file")
    let folder = try await CommandRunner.run(
      ["score", "--lang", "zh", "--rubric", path("rubric.xml"), "--out", path("plain-file"), path("in")])
    #expect(folder.status == 1)
    #expect(folder.stderr.contains("piloteval: 错误："), "\(folder.stderr)")
    #expect(folder.stderr.contains("已存在且不是文件夹：请删除它或另选 --out"), "\(folder.stderr)")
    #expect(!folder.stderr.contains("exists and is not a folder"), "\(folder.stderr)")
  }

  @Test("bidi controls in a name are neutralised in the terminal table")
  func bidiControls() async throws {
    try write(submission(unit: "U5", name: "甲\u{202E}乙\u{2066}丙\u{200F}"), to: "in/h.xml")
    let output = try await CommandRunner.run(["score", "--rubric", path("rubric.xml"), "-q", path("in")])
    #expect(output.status == 0)
    for control in ["\u{202E}", "\u{2066}", "\u{200F}"] { #expect(!output.stdout.contains(control)) }
    #expect(output.stdout.contains("甲\u{FFFD}乙\u{FFFD}丙\u{FFFD}"))
  }

  @Test("a veto written triggered=\"TRUE\" is not a veto, and validate and score say so")
  func unclearVeto() async throws {
    let rubric = smallRubric.replacingOccurrences(
      of: "</rubric>", with: #"<vetoes><veto id="V1" title="事故"/></vetoes></rubric>"#)
    try write(rubric, to: "rubric.xml")
    try write(
      """
      <review xmlns="urn:piloteval:review:1" rubric="mini" unit="U1" round="2025H1" reviewer="E1">
        <veto id="V1" triggered="TRUE">事故</veto>
      </review>
      """, to: "reviews/r.xml")
    let score = try await CommandRunner.run(
      ["score", "--rubric", path("rubric.xml"), "--reviews", path("reviews"), "--format", "json", path("in")])
    #expect(score.status == 0)
    #expect(score.stdout.contains(#""vetoed":false"#) || score.stdout.contains(#""vetoed": false"#))
    #expect(score.stderr.contains("triggered='TRUE' is not read as a veto"), "\(score.stderr)")
    let validate = try await CommandRunner.run(
      ["validate", "--rubric", path("rubric.xml"), "--reviews", path("reviews"), path("in")])
    #expect(validate.stdout.contains("r.xml:2: warning: veto V1: triggered='TRUE'"), "\(validate.stdout)")
  }

  @Test(
    "every command that loads a rubric refuses one with an XPath variable: exit 2 with FILE:LINE",
    arguments: ["check-rubric", "score", "validate", "rank", "report", "record", "template"])
  func refusedEverywhere(_ command: String) async throws {
    let rubric = smallRubric.replacingOccurrences(
      of: "</rubric>", with: "<vetoes>\n<veto id=\"V1\" title=\"事故\" select=\"$major &gt; 0\"/></vetoes></rubric>")
    try write(rubric, to: "rubric.xml")
    var arguments = [command]
    switch command {
    case "check-rubric": arguments += [path("rubric.xml")]
    case "template": arguments += ["--rubric", path("rubric.xml"), "--unit-id", "U1"]
    case "report": arguments += ["--rubric", path("rubric.xml"), "--out", path("out"), path("in")]
    case "record": arguments += ["--rubric", path("rubric.xml"), "--db", path("h.sqlite"), path("in")]
    default: arguments += ["--rubric", path("rubric.xml"), path("in")]
    }
    let output = try await CommandRunner.run(arguments)
    #expect(output.status == 2, "\(output.stderr)")
    #expect(output.stderr.contains("rubric.xml:19: error:"), "\(output.stderr)")
  }

  @Test("an XPath error that depends on a unit's data stops score with the rubric's line and exit 2")
  func dataDependentXPathError() async throws {
    let rubric = smallRubric.replacingOccurrences(
      of: "<tiers>", with: #"<namespace prefix="s" uri="urn:piloteval:submission:1"/><tiers>"#
    )
    .replacingOccurrences(
      of: "</rubric>",
      with: "<vetoes>\n<veto id=\"V1\" title=\"事故\" select=\"s:data/s:flag and count(1) &gt; 0\"/></vetoes></rubric>")
    try write(rubric, to: "rubric.xml")
    let check = try await CommandRunner.run(["check-rubric", path("rubric.xml")])
    #expect(check.status == 0, "false on a blank submission: \(check.stderr)")
    try write(submission(unit: "U9", extra: "<data><flag/></data>"), to: "in/z.xml")
    let output = try await CommandRunner.run(["score", "--rubric", path("rubric.xml"), "--format", "json", path("in")])
    #expect(output.status == 2)
    #expect(output.stdout.isEmpty)
    #expect(
      output.stderr.contains(
        "rubric.xml:\(rubric.split(separator: "\n").firstIndex { $0.contains("<veto id") }! + 1):"), "\(output.stderr)")
  }
}
