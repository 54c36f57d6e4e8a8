import ArgumentParser
import Foundation
import PilotEvalCore
import Testing

@testable import piloteval

/// Mistakes that used to pass in silence, and messages in the user's language (issue 13).
@Suite("Messages and silent mistakes", .serialized)
struct MessagesCommandTests {
  static let rubric = "Rubrics/jgsw-pilot.xml"
  static let submissions = "Samples/2025H1/submissions"
  static let reviews = "Samples/2025H1/reviews"

  static func scratch() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("piloteval-msg-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  // MARK: Named paths

  @Test("a mistyped --reviews folder stops the command before any output, in both languages")
  func mistypedReviews() async throws {
    let zh = try await CommandRunner.run(
      ["score", "--lang", "zh", "--rubric", Self.rubric, "--reviews", "nosuch", Self.submissions])
    #expect(zh.status == 1)
    #expect(zh.stdout.isEmpty)
    #expect(zh.stderr.hasPrefix("piloteval: 错误：--reviews nosuch 不存在"), "\(zh.stderr)")
    let en = try await CommandRunner.run(
      ["score", "--lang", "en", "--rubric", Self.rubric, "--reviews", "nosuch", Self.submissions])
    #expect(en.status == 1)
    #expect(en.stderr.hasPrefix("piloteval: error: --reviews nosuch does not exist"), "\(en.stderr)")
  }

  @Test("a missing or XML-less submissions path stops score and report; report writes nothing")
  func missingSubmissions() async throws {
    let folder = try Self.scratch()
    let empty = folder.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    try Data("not xml".utf8).write(to: empty.appendingPathComponent("readme.txt"))
    let missing = try await CommandRunner.run(["score", "--lang", "zh", "--rubric", Self.rubric, "subs-typo"])
    #expect(missing.status == 1)
    #expect(missing.stdout.isEmpty)
    #expect(missing.stderr.contains("自评报告路径 subs-typo 不存在"), "\(missing.stderr)")
    let none = try await CommandRunner.run(["score", "--lang", "en", "--rubric", Self.rubric, empty.path])
    #expect(none.status == 1)
    #expect(none.stdout.isEmpty)
    #expect(none.stderr.contains("no .xml file in"), "\(none.stderr)")
    let out = folder.appendingPathComponent("report")
    let report = try await CommandRunner.run(
      ["report", "--rubric", Self.rubric, "--out", out.path, "-q", empty.path])
    #expect(report.status == 1)
    #expect(!FileManager.default.fileExists(atPath: out.path))
    let db = try await CommandRunner.run(
      [
        "report", "--rubric", Self.rubric, "--db", folder.appendingPathComponent("no.sqlite").path, "--out", out.path,
        Self.submissions,
      ])
    #expect(db.status == 1)
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test("an existing reviews folder without XML is a round without reviews, said prominently")
  func emptyReviews() async throws {
    let folder = try Self.scratch()
    let output = try await CommandRunner.run(
      [
        "score", "--lang", "zh", "--rubric", Self.rubric, "--reviews", folder.path, "--format", "csv",
        Self.submissions,
      ])
    #expect(output.status == 0)
    #expect(output.stderr.contains("专家评审采用 0 份"))
    #expect(output.stderr.contains("得分均为自评得分，未经专家核定"), "\(output.stderr)")
  }

  // MARK: Command-line values

  @Test("a negative number after an option gets a proper message, not 'Missing value'")
  func negativeOptionValues() async throws {
    for (option, value) in [("--draws", "-5"), ("--partners", "-1"), ("--min-reviewers", "-2")] {
      let output = try await CommandRunner.run(
        ["rank", "--lang", "zh", "--rubric", Self.rubric, option, value, Self.submissions])
      #expect(output.status == 64)
      #expect(output.stderr.hasPrefix("piloteval: 错误：\(option) "), "\(output.stderr)")
      #expect(!output.stderr.contains("Missing value"))
    }
    let jobs = try await CommandRunner.run(["score", "--lang", "en", "--rubric", Self.rubric, "--jobs", "-3", "x"])
    #expect(jobs.stderr.hasPrefix("piloteval: error: --jobs must be at least 1, not -3"), "\(jobs.stderr)")
  }

  @Test("parse errors share the prefix; an unknown --lang is refused")
  func parseErrors() async throws {
    let unknown = try await CommandRunner.run(["score", "--lang", "zh", "--bogus"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.hasPrefix("piloteval: 错误：命令行有误："), "\(unknown.stderr)")
    #expect(!unknown.stderr.contains("Error:"))
    let lang = try await CommandRunner.run(["score", "--lang", "fr", "--rubric", Self.rubric, Self.submissions])
    #expect(lang.status == 64)
    #expect(lang.stderr.contains("--lang 只能是 zh 或 en"), "\(lang.stderr)")
  }

  @Test("without --lang: PILOTEVAL_LANG, then the locale; C means Chinese")
  func languageFromEnvironment() async throws {
    let arguments = ["score", "--rubric", Self.rubric, "--reviews", "nosuch", Self.submissions]
    let english = try await CommandRunner.run(arguments, environment: ["PILOTEVAL_LANG": "", "LC_ALL": "en_US.UTF-8"])
    #expect(english.stderr.contains("does not exist"), "\(english.stderr)")
    let posix = try await CommandRunner.run(
      arguments, environment: ["PILOTEVAL_LANG": "", "LC_ALL": "C", "LANG": "en"])
    #expect(posix.stderr.contains("不存在"), "\(posix.stderr)")
    let chosen = try await CommandRunner.run(arguments, environment: ["PILOTEVAL_LANG": "en", "LC_ALL": "C"])
    #expect(chosen.stderr.contains("does not exist"))
  }

  // MARK: The sample round's mistakes

  @Test("validate explains each mistake in broken/ once, in Chinese and in English")
  func brokenSamples() async throws {
    let arguments = ["validate", "--rubric", Self.rubric, "\(Self.submissions)/broken"]
    let zh = try await CommandRunner.run(arguments + ["--lang", "zh"])
    #expect(zh.status == 1)
    for expected in [
      "09-gbk-declared-utf8.xml:2:", "文件实际为 GBK/GB18030 编码，而声明的是 UTF-8",
      "10-word-document.xml:1: 错误：这是 Word 文档（.docx），不是 XML",
      "11-bare-ampersand.xml", "“&”须写作 &amp;",
      "12-unfilled-template.xml", "未填写单位编号", "未填写轮次", "未填写提交日期", "未填写单位全称",
      "13-percent-as-whole-number.xml", "92 — 是否应为 0.92？",
    ] {
      #expect(zh.stdout.contains(expected), "missing '\(expected)' in\n\(zh.stdout)")
    }
    #expect(!zh.stdout.contains("Input is not proper"))
    #expect(!zh.stdout.contains("xmlParseEntityRef"))
    let lines = zh.stdout.split(separator: "\n")
    #expect(lines.filter { $0.contains("09-gbk-declared-utf8.xml") }.count == 1, "one message per fact")
    let en = try await CommandRunner.run(arguments + ["--lang", "en"])
    for expected in ["encoded in GBK/GB18030", "Word document (.docx)", "a bare '&'", "92 — should it be 0.92?"] {
      #expect(en.stdout.contains(expected), "missing '\(expected)' in\n\(en.stdout)")
    }
    let verbose = try await CommandRunner.run(arguments + ["--lang", "en", "--verbose"])
    #expect(verbose.stdout.contains("parser's own text: Input is not proper UTF-8"))
  }

  // MARK: Unreviewed exemplars

  @Test("with reviews, no unit without a review is an exemplar or a partner, and the near misses say why")
  func unreviewedExemplars() async throws {
    let output = try await CommandRunner.run(
      [
        "rank", "--rubric", Self.rubric, "--reviews", Self.reviews, "--draws", "20", "--format", "json", "-q",
        Self.submissions,
      ])
    #expect(output.status == 0, "\(output.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: output.stdoutBytes) as? [String: Any])
    let units = try #require(json["units"] as? [[String: Any]])
    let scores = try await CommandRunner.run(
      ["score", "--rubric", Self.rubric, "--reviews", Self.reviews, "--format", "json", Self.submissions])
    let scored = try #require(
      (try JSONSerialization.jsonObject(with: scores.stdoutBytes) as? [String: Any])?["units"] as? [[String: Any]])
    let unreviewed = Set(scored.filter { ($0["reviewers"] as? Int) == 0 }.compactMap { $0["unit"] as? String })
    #expect(unreviewed.contains("JS-SZ-01") && unreviewed.contains("HB-SY-01"))
    let exemplars = try #require(json["exemplars"] as? [[String: Any]])
    #expect(!exemplars.isEmpty)
    #expect(exemplars.allSatisfy { ($0["reviewers"] as? Int ?? 0) >= 1 })
    for unit in units {
      let partners = (unit["partners"] as? [[String: Any]] ?? []).compactMap { $0["unit"] as? String }
      #expect(unreviewed.isDisjoint(with: partners), "\(unit["unit"] ?? "") learns from an unreviewed unit")
    }
    let near = try #require(json["nearMisses"] as? [[String: Any]])
    let kept = near.first { $0["unit"] as? String == "JS-SZ-01" }
    let rules = (kept?["reasons"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
    #expect(rules.contains("too-few-reviewers"), "\(near)")
    let options = (json["options"] as? [String: Any])?["exemplars"] as? [String: Any]
    #expect(options?["minimumReviewers"] as? Int == 1)
  }

  @Test("without reviews the default minimum is 0, and --min-reviewers 0 restores the old choice")
  func minimumReviewersDefault() throws {
    #expect(try AnalysisArguments.parse(["--min-reviewers", "0"]).minimumReviewers == 0)
    #expect(try AnalysisArguments.parse([]).minimumReviewers == nil)
  }

  @Test("a unit page never calls a score no expert reviewed verified")
  func unverifiedLabel() async throws {
    let out = try Self.scratch().appendingPathComponent("report")
    let report = try await CommandRunner.run(
      [
        "report", "--lang", "zh", "--rubric", Self.rubric, "--reviews", Self.reviews, "--draws", "20", "-q", "--out",
        out.path, Self.submissions,
      ])
    #expect(report.status == 0, "\(report.stderr)")
    let unreviewed = try String(contentsOf: out.appendingPathComponent("units/HB-SY-01.html"), encoding: .utf8)
    #expect(unreviewed.contains("自评得分，未经专家核定"))
    #expect(!unreviewed.contains("</b>核定得分"))
    let reviewed = try String(contentsOf: out.appendingPathComponent("units/ZJ-00-01.html"), encoding: .utf8)
    #expect(reviewed.contains("</b>核定得分"))
  }

  // MARK: Templates

  @Test("an unfilled template is rejected and validate names each field to fill; --unit-id and --round fill two")
  func unfilledTemplate() async throws {
    let folder = try Self.scratch()
    let blank = try await CommandRunner.run(["template", "--rubric", Self.rubric])
    #expect(blank.status == 0)
    #expect(!blank.stdout.contains("UNIT-ID") && !blank.stdout.contains("ROUND-ID"))
    #expect(blank.stdout.contains(#"<round id="" submitted=""/>"#))
    try blank.stdout.write(to: folder.appendingPathComponent("blank.xml"), atomically: true, encoding: .utf8)
    let check = try await CommandRunner.run(
      ["validate", "--lang", "zh", "--rubric", Self.rubric, folder.appendingPathComponent("blank.xml").path])
    #expect(check.status == 1)
    for field in ["未填写单位编号", "未填写轮次", "未填写提交日期", "未填写单位全称"] {
      #expect(check.stdout.contains(field), "\(field) in\n\(check.stdout)")
    }
    let filled = try await CommandRunner.run(
      ["template", "--rubric", Self.rubric, "--unit-id", "GX-NN-01", "--round", "2025H1"])
    #expect(filled.stdout.contains(#"<unit id="GX-NN-01""#) && filled.stdout.contains(#"<round id="2025H1""#))
  }

  @Test("the XSD's restatement of a fact already reported is not shown")
  func oneMessagePerFact() {
    let error = Diagnostic(.error, file: "a.xml", line: 6, message: Message.notANumber("value", "很多"))
    let restated = Diagnostic(.warning, file: "a.xml", line: 6, message: Message(.schemaFinding, "pattern '-?[0-9]+'"))
    let other = Diagnostic(
      .warning, file: "a.xml", line: 9, message: Message(.schemaFinding, "element 'x' not expected"))
    #expect(Validate.withoutRestatements([restated, other], errors: [error]) == [other])
  }

  // MARK: Trend wording

  @Test("trend with one round named says to name two or more, or none")
  func trendOneRound() async throws {
    let folder = try Self.scratch()
    let db = folder.appendingPathComponent("h.sqlite").path
    for round in ["2025H1", "2025H2"] {
      let record = try await CommandRunner.run(
        ["record", "--rubric", Self.rubric, "--db", db, "--draws", "10", "-q", "Samples/\(round)/submissions"])
      #expect(record.status == 0, "\(record.stderr)")
    }
    let zh = try await CommandRunner.run(["trend", "--lang", "zh", "--db", db, "2025H1"])
    #expect(zh.status == 1)
    #expect(zh.stderr.contains("只指定了 2025H1"), "\(zh.stderr)")
    #expect(zh.stderr.contains("2025H1, 2025H2"))
    let en = try await CommandRunner.run(["trend", "--lang", "en", "--db", db, "2025H1"])
    #expect(en.stderr.contains("name two or more, or none for all recorded rounds"), "\(en.stderr)")
  }

  // MARK: Help

  @Test("every example in --help parses as pasted into a shell, and the files it names exist")
  func helpExamples() throws {
    let top: [ParsableCommand.Type] = [PilotEval.self] + PilotEval.configuration.subcommands
    let commands = top + top.dropFirst().flatMap { $0.configuration.subcommands }
    var examples = 0
    for command in commands {
      let help = PilotEval.helpMessage(for: command, columns: 400)
      #expect(!help.contains("SPEC"), "\(command) cites SPEC")
      var variables: [String: String] = [:]
      var pending: String?
      for line in help.split(separator: "\n") {
        let text = line.trimmingCharacters(in: .whitespaces)
        if pending == nil, text.range(of: #"^([A-Z]+=\S+\s*)+$"#, options: .regularExpression) != nil {
          for assignment in text.split(separator: " ") {
            let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
            variables[parts[0]] = parts[1]
          }
          continue
        }
        guard pending != nil || text.hasPrefix("piloteval ") else { continue }
        #expect(line.count <= 80, "wider than a terminal, it would wrap mid-command: \(line)")
        let joined = (pending.map { $0 + " " } ?? "") + text
        if joined.hasSuffix("\\") {
          pending = String(joined.dropLast()).trimmingCharacters(in: .whitespaces)
          continue
        }
        pending = nil
        var words = joined.split(separator: " ").map(String.init).map { word in
          variables.reduce(word) { $0.replacingOccurrences(of: "$" + $1.key, with: $1.value) }
        }
        if let redirect = words.firstIndex(of: ">") { words.removeSubrange(redirect...) }
        #expect(!words.contains { $0.contains("$") }, "an unset variable in: \(joined)")
        examples += 1
        #expect(throws: Never.self, "\(joined)") { _ = try PilotEval.parseAsRoot(Array(words.dropFirst())) }
        for (index, word) in words.enumerated() where word.contains("/") && !word.hasPrefix("--") {
          let isOutput = index > 0 && ["--out", "--db"].contains(words[index - 1])
          let path = CommandRunner.repositoryRoot.appendingPathComponent(word).path
          #expect(isOutput || FileManager.default.fileExists(atPath: path), "\(word) in: \(joined)")
        }
      }
      if ObjectIdentifier(command) != ObjectIdentifier(PilotEval.self) {
        #expect(help.contains("Examples"), "\(command) has no examples")
      }
    }
    #expect(examples >= 20)
    let root = PilotEval.helpMessage(columns: 400)
    #expect(root.contains("机关事务标准化试点的评估与对标工具"))
    #expect(!root.contains("SPEC.md"))
  }
}
