import Foundation
import Testing

/// A small rubric: two sections, a ★ levels item, a scale with evidence, an optional judgement.
let smallRubric = """
  <?xml version="1.0" encoding="UTF-8"?>
  <rubric xmlns="urn:piloteval:rubric:1" id="mini" version="1">
    <title>小型计分表</title>
    <tiers>
      <tier id="top" min="80" section-floor="0.5">示范</tier>
      <tier id="pass" min="50">合格</tier>
      <tier id="fail" min="0">不合格</tier>
    </tiers>
    <section id="S1" title="组织保障">
      <criterion id="C1" title="领导小组" points="10" key="true">
        <levels><level code="A" points="10">健全</level><level code="B" points="5">基本健全</level></levels>
      </criterion>
      <criterion id="C2" title="执行率" points="10"><scale from="0" to="1"/><evidence min="1"/></criterion>
    </section>
    <section id="S2" title="成效">
      <criterion id="C3" title="信息化" points="10" applicable="optional"><judgement step="0.5"/></criterion>
    </section>
  </rubric>
  """

func submission(
  unit: String, name: String = "测试单位", level: String = "A", value: String = "0.9", extra: String = ""
) -> String {
  """
  <?xml version="1.0" encoding="UTF-8"?>
  <submission xmlns="urn:piloteval:submission:1" rubric="mini" rubric-version="1">
    <unit id="\(unit)" region="广西" level="市级" category="机关事务管理局">\(name)</unit>
    <round id="2025H1"/>
    <response criterion="C1" level="\(level)"/>
    <response criterion="C2" value="\(value)"><evidence ref="a.pdf">台账</evidence></response>
    <response criterion="C3" points="8"/>
    \(extra)
  </submission>
  """
}

@Suite("piloteval command line")
final class CommandLineTests {
  let folder: URL

  init() throws {
    folder = try CommandRunner.temporaryDirectory()
    try write(smallRubric, to: "rubric.xml")
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  private func write(_ text: String, to name: String) throws {
    let url = folder.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
  }

  private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  @Test("--help teaches the workflow for each kind of user")
  func helpTeachesWorkflow() async throws {
    let output = try await CommandRunner.run(["--help"])
    #expect(output.status == 0)
    for word in ["check-rubric", "template", "validate", "score", "Pilot unit", "Evaluator"] {
      #expect(output.stdout.contains(word), "help lacks \(word)")
    }
  }

  @Test("check-rubric accepts the bundled rubrics")
  func bundledRubricsAreClean() async throws {
    let output = try await CommandRunner.run([
      "check-rubric", "--strict", "Rubrics/jgsw-pilot.xml", "Rubrics/ggjg-energy.xml",
    ])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout.contains("jgsw-pilot"))
  }

  @Test("check-rubric refuses a broken rubric with FILE:LINE: and the id, exit 2 (the rubric cannot be used)")
  func brokenRubricIsRefused() async throws {
    let broken = smallRubric.replacingOccurrences(of: "id=\"C2\"", with: "id=\"C1\"")
    try write(broken, to: "broken.xml")
    let output = try await CommandRunner.run(["check-rubric", path("broken.xml")])
    #expect(output.status == 2)
    #expect(output.stderr.contains("broken.xml:13: error: duplicate id 'C1'"), "\(output.stderr)")
  }

  @Test("a command given an unusable rubric exits 2 and says how to find out why")
  func unusableRubricExitsTwo() async throws {
    try write("<rubric", to: "bad.xml")
    try write(submission(unit: "U1"), to: "subs/a.xml")
    let output = try await CommandRunner.run(["score", "--rubric", path("bad.xml"), path("subs")])
    #expect(output.status == 2)
    #expect(output.stderr.contains("check-rubric"))
  }

  @Test("the template names every criterion and validates without a rejection")
  func templateValidates() async throws {
    let template = try await CommandRunner.run(
      ["template", "--rubric", path("rubric.xml"), "--unit-id", "GX-01", "--round", "2025H1"])
    #expect(template.status == 0)
    for id in ["C1", "C2", "C3"] { #expect(template.stdout.contains("criterion=\"\(id)\"")) }
    #expect(template.stdout.contains("★"))
    #expect(template.stdout.contains("applicable=\"false\""))
    #expect(!template.stdout.contains("- -"), "comments read naturally, with no broken double hyphens")
    try write(template.stdout, to: "template.xml")
    let check = try await CommandRunner.run(["validate", "--rubric", path("rubric.xml"), path("template.xml")])
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    #expect(check.stdout.contains("warning: criterion C1"))
  }

  @Test("validate reports every problem with its line and exits 1 on a rejection")
  func validateReportsLines() async throws {
    try write(submission(unit: "U1", level: "Z", value: "很多"), to: "bad.xml")
    let output = try await CommandRunner.run(["validate", "--rubric", path("rubric.xml"), path("bad.xml")])
    #expect(output.status == 1)
    #expect(output.stdout.contains("bad.xml:6: error: value is not a number: '很多'"), "\(output.stdout)")
  }

  @Test("validate exits 0 on warnings alone, 1 with --strict")
  func strictTurnsWarningsIntoFailure() async throws {
    try write(submission(unit: "U1", extra: "<response criterion=\"C9\" level=\"A\"/>"), to: "x/unknown.xml")
    let missingEvidence = submission(unit: "U2").replacingOccurrences(
      of: "<evidence ref=\"a.pdf\">台账</evidence>", with: "")
    try write(missingEvidence, to: "y/warn.xml")
    let lenient = try await CommandRunner.run(["validate", "--rubric", path("rubric.xml"), path("y")])
    #expect(lenient.status == 0, "\(lenient.stdout)")
    #expect(lenient.stdout.contains("warning: criterion C2 needs at least 1 evidence"))
    let strict = try await CommandRunner.run(["validate", "--strict", "--rubric", path("rubric.xml"), path("y")])
    #expect(strict.status == 1)
  }

  @Test("score --format json follows SPEC §5: units in rank order, rejected files with reasons, exit 0")
  func scoreJSON() async throws {
    try write(submission(unit: "U1", level: "B"), to: "subs/a.xml")
    try write(submission(unit: "U2", level: "A"), to: "subs/b.xml")
    try write("<submission", to: "subs/c.xml")
    let output = try await CommandRunner.run(
      ["score", "--rubric", path("rubric.xml"), "--format", "json", path("subs")])
    #expect(output.status == 0)
    let json = try #require(try JSONSerialization.jsonObject(with: output.stdoutBytes) as? [String: Any])
    let units = try #require(json["units"] as? [[String: Any]])
    #expect(units.map { $0["unit"] as? String } == ["U2", "U1"])
    #expect(units.map { $0["rank"] as? Int } == [1, 2])
    // U2: C1 10 + C2 9 + C3 8 = 27 of 30 → 27 × 30/30 = 27.
    #expect(abs((units[0]["score"] as? Double ?? 0) - 27) < 0.001)
    let rejected = try #require(json["rejected"] as? [[String: Any]])
    #expect(rejected.count == 1)
    #expect((rejected.first?["file"] as? String)?.hasSuffix("subs/c.xml") == true)
    #expect(output.stderr.contains("3 submission(s): 2 scored, 1 rejected"))
  }

  @Test("score output is the same bytes whatever --jobs")
  func deterministicAcrossJobs() async throws {
    for index in 0..<30 {
      try write(submission(unit: String(format: "U%03d", index), value: "0.\(index % 10)"), to: "many/\(index).xml")
    }
    let one = try await CommandRunner.run(
      ["score", "--rubric", path("rubric.xml"), "--format", "json", "--jobs", "1", path("many")])
    let four = try await CommandRunner.run(
      ["score", "--rubric", path("rubric.xml"), "--format", "json", "--jobs", "4", path("many")])
    #expect(one.stdoutBytes == four.stdoutBytes)
  }

  @Test("validate reads on every core and prints the same bytes whatever --jobs")
  func validateDeterministicAcrossJobs() async throws {
    for index in 0..<40 {
      let unit = String(format: "U%03d", index)
      switch index % 4 {
      case 0: try write(submission(unit: unit, level: "Z"), to: "batch/subs/\(index).xml")  // rejected
      case 1:
        let noEvidence = submission(unit: unit).replacingOccurrences(
          of: "<evidence ref=\"a.pdf\">台账</evidence>", with: "")
        try write(noEvidence, to: "batch/subs/\(index).xml")  // a warning
      default: try write(submission(unit: unit, value: "0.\(index % 10)"), to: "batch/subs/\(index).xml")
      }
      let review = """
        <?xml version="1.0" encoding="UTF-8"?>
        <review xmlns="urn:piloteval:review:1" rubric="mini" unit="\(unit)" round="2025H1" reviewer="E1">
          <score criterion="C1" level="\(index % 3 == 0 ? "Q" : "B")"/>
        </review>
        """
      try write(review, to: "batch/reviews/\(index).xml")
    }
    try write(submission(unit: "U001"), to: "batch/subs/zz-duplicate.xml")
    let arguments = ["--rubric", path("rubric.xml"), "--reviews", path("batch/reviews"), path("batch/subs")]
    let one = try await CommandRunner.run(["validate", "--jobs", "1"] + arguments)
    let four = try await CommandRunner.run(["validate", "--jobs", "4"] + arguments)
    #expect(one.status == 1)
    #expect(one.stdoutBytes == four.stdoutBytes)
    #expect(one.stderr == four.stderr)
    #expect(one.stdout.contains("zz-duplicate.xml"), "\(one.stdout)")
    #expect(one.stdout.contains("warning: criterion C2 needs at least 1 evidence"))
    #expect(one.stderr.contains("81 file(s) checked"), "\(one.stderr)")
    let quiet = try await CommandRunner.run(["validate", "--quiet"] + arguments)
    #expect(quiet.stdoutBytes == one.stdoutBytes)
    #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
  }

  @Test("score --format csv has a BOM and neutralizes formula cells")
  func scoreCSV() async throws {
    try write(submission(unit: "U1", name: "=HYPERLINK(\"x\")"), to: "csv/a.xml")
    let output = try await CommandRunner.run(["score", "--rubric", path("rubric.xml"), "--format", "csv", path("csv")])
    #expect(output.status == 0)
    #expect(output.stdoutBytes.starts(with: [0xEF, 0xBB, 0xBF]))
    #expect(output.stdout.contains("\"'=HYPERLINK(\"\"x\"\")\""), "\(output.stdout)")
  }

  @Test("the default table aligns Chinese names and lists rejections on standard error")
  func scoreTable() async throws {
    try write(submission(unit: "U1", name: "南宁市机关事务管理局"), to: "t/a.xml")
    try write(submission(unit: "U1"), to: "t/b.xml")
    let output = try await CommandRunner.run(["score", "--rubric", path("rubric.xml"), path("t")])
    #expect(output.status == 0)
    #expect(output.stdout.contains("南宁市机关事务管理局"))
    #expect(output.stderr.contains("b.xml:1: error: duplicate submission for unit U1"))
  }

  @Test("score --out writes results.json, results.csv, rejected.csv and summary.txt, and no stray temporary files")
  func outFolder() async throws {
    try write(submission(unit: "U1", level: "B"), to: "in/a.xml")
    try write(submission(unit: "U2"), to: "in/b.xml")
    try write("<submission", to: "in/c.xml")
    let out = folder.appendingPathComponent("results")
    let output = try await CommandRunner.run(
      ["score", "--rubric", path("rubric.xml"), "--out", out.path, "--format", "json", path("in")])
    #expect(output.status == 0)
    let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(names == ["rejected.csv", "results.csv", "results.json", "summary.txt"])
    let saved = try Data(contentsOf: out.appendingPathComponent("results.json"))
    #expect(saved == output.stdoutBytes, "the file and standard output carry the same result")
    let csv = try String(contentsOf: out.appendingPathComponent("results.csv"), encoding: .utf8)
    let rows = csv.split(separator: "\r\n")
    #expect(rows.count == 3)
    #expect(rows[0].contains("rank,unit,name,region,level,category,score,selfScore,tier,vetoed,S1 组织保障,S2 成效"))
    #expect(rows[1].hasPrefix("1,U2,"))
    let rejected = try String(contentsOf: out.appendingPathComponent("rejected.csv"), encoding: .utf8)
    #expect(rejected.contains("c.xml,submission,"))
    let summary = try String(contentsOf: out.appendingPathComponent("summary.txt"), encoding: .utf8)
    #expect(summary.contains("submissions seen: 3"))
    #expect(summary.contains("  scored: 2"))
    #expect(summary.contains("  rejected: 1"))
  }

  @Test("no progress line is drawn when standard error is not a terminal")
  func progressIsSilentOffTerminal() async throws {
    try write(submission(unit: "U1"), to: "p/a.xml")
    let output = try await CommandRunner.run(["score", "--rubric", path("rubric.xml"), path("p")])
    #expect(!output.stderr.contains("\r"))
    #expect(!output.stderr.contains("files/s"))
  }

  @Test("rank names the exemplars, says why the near ones are out, and pairs the rest with partners")
  func rankAnalysis() async throws {
    // Tiers rescaled to the 30-point rubric: 示范 ≥ 25, 合格 ≥ 15. U1 is 示范 (10 + 9.5 + 8 = 27.5);
    // U2 (5 + 9 + 8 = 22) is 3 points short, a near miss; U3 (5 + 1 + 8 = 14) gets U1 as its partner.
    let scaled = smallRubric.replacingOccurrences(of: "min=\"80\"", with: "min=\"25\"")
      .replacingOccurrences(of: "min=\"50\"", with: "min=\"15\"")
    try write(scaled, to: "rubric.xml")
    try write(submission(unit: "U1", level: "A", value: "0.95"), to: "r/a.xml")
    try write(submission(unit: "U2", level: "B", value: "0.9"), to: "r/b.xml")
    try write(submission(unit: "U3", level: "B", value: "0.1"), to: "r/c.xml")
    let output = try await CommandRunner.run(
      ["rank", "--rubric", path("rubric.xml"), "--format", "json", "--draws", "50", "-q", path("r")])
    #expect(output.status == 0, "\(output.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: output.stdoutBytes) as? [String: Any])
    let exemplars = try #require(json["exemplars"] as? [[String: Any]])
    #expect(exemplars.map { $0["unit"] as? String } == ["U1"])
    let units = try #require(json["units"] as? [[String: Any]])
    #expect(units.map { $0["unit"] as? String } == ["U1", "U2", "U3"])
    let near = try #require(json["nearMisses"] as? [[String: Any]])
    #expect(near.map { $0["unit"] as? String } == ["U2"])
    let reasons = try #require(near.first?["reasons"] as? [[String: Any]])
    #expect(reasons.first?["rule"] as? String == "below-top-tier")
    #expect(abs((reasons.first?["gap"] as? Double ?? 0) - 3) < 1e-9, "25 − 22")
    let u3 = try #require(units.last?["partners"] as? [[String: Any]])
    #expect(u3.first?["unit"] as? String == "U1")
    let options = try #require(json["options"] as? [String: Any])
    let robustness = try #require(options["robustness"] as? [String: Any])
    #expect(robustness["draws"] as? Int == 50)
    #expect((robustness["description"] as? String)?.contains("50 draws") == true)
  }

  @Test("rank refuses a quota it cannot read")
  func rankBadQuota() async throws {
    let output = try await CommandRunner.run(["rank", "--rubric", path("rubric.xml"), "--per", "city:2", path("r")])
    #expect(output.status == 64)
    #expect(output.stderr.contains("--per"))
  }

  @Test("rank --out writes analysis.json and analysis.csv beside the score results")
  func rankOut() async throws {
    try write(submission(unit: "U1"), to: "ro/a.xml")
    try write(submission(unit: "U2", level: "B"), to: "ro/b.xml")
    let out = folder.appendingPathComponent("analysis")
    let output = try await CommandRunner.run(
      ["rank", "--rubric", path("rubric.xml"), "--draws", "20", "--out", out.path, "-q", path("ro")])
    #expect(output.status == 0, "\(output.stderr)")
    let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(names == ["analysis.csv", "analysis.json", "rejected.csv", "results.csv", "results.json", "summary.txt"])
    let csv = try String(contentsOf: out.appendingPathComponent("analysis.csv"), encoding: .utf8)
    #expect(csv.split(separator: "\r\n").count == 3)
    #expect(csv.contains("rank,unit,name,region,level,category,score,selfScore,selfGap,tier,exemplar"))
  }
}
