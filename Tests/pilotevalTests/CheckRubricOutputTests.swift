import Foundation
import Testing

/// `check-rubric` speaks the message catalog in both languages, after the rubric rules moved to Core
/// (`RubricChecker`): every refusal, its line, and the summary, in document order.
@Suite("check-rubric output in zh and en")
struct CheckRubricOutputTests {
  static let rubric = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rubric xmlns="urn:piloteval:rubric:1" id="r" version="1">
      <tiers><tier id="good" min="60"/><tier id="pass" min="70"/><tier id="fail" min="5"/></tiers>
      <section id="S1" title="组织">
        <criterion id="C1" title="领导" points="-2"><levels><level code="A" points="1"/><level code="A" points="0"/></levels></criterion>
        <criterion id="C1" title="重复" points="4"><scale from="3" to="3"/></criterion>
        <criterion id="C3" title="两种" points="4"><judgement/><checklist><item id="a" points="1"/></checklist></criterion>
      </section>
      <tiebreak><by section="S9"/></tiebreak>
    </rubric>
    """

  static let zh = [
    "broken.xml:3: 错误：等级 pass 的 min 为 70，不低于等级 good 的 60：各等级须严格递减",
    "broken.xml:3: 错误：最后一个等级 fail 从 5 分起，而不是 0",
    "broken.xml:5: 错误：指标 C1 的分值为负数“-2”",
    "broken.xml:5: 错误：指标 C1 的等级 A 为 1 分，超过该指标的 -2 分",
    "broken.xml:5: 错误：等级代码“A”在指标 C1 中重复（第一次在第 5 行）",
    "broken.xml:5: 错误：指标 C1 的等级 A 为 0 分，超过该指标的 -2 分",
    "broken.xml:6: 错误：id“C1”重复：第 5 行的分项或指标已使用",
    "broken.xml:6: 错误：指标 C1 的 scale 起止相同（“3”），无法计分",
    "broken.xml:7: 错误：指标 C3 有 2 种计分方式（<judgement>, <checklist>）：只能保留一种",
    "broken.xml:9: 错误：tiebreak 引用了不存在的分项“S9”",
    "broken.xml：不予采用（10 个错误）",
  ]

  static let en = [
    "broken.xml:3: error: tier pass has min 70, not below tier good's 60: tiers must be strictly descending",
    "broken.xml:3: error: the last tier fail starts at 5, not 0",
    "broken.xml:5: error: criterion C1 has negative points '-2'",
    "broken.xml:5: error: level A of criterion C1 is worth 1 points, more than the criterion's -2",
    "broken.xml:5: error: level code 'A' repeats in criterion C1 (first at line 5)",
    "broken.xml:5: error: level A of criterion C1 is worth 0 points, more than the criterion's -2",
    "broken.xml:6: error: duplicate id 'C1': a section or criterion at line 5 already has it",
    "broken.xml:6: error: the scale of criterion C1 has from = to ('3'): it cannot be scored",
    "broken.xml:7: error: criterion C3 has 2 scoring methods (<judgement>, <checklist>); keep exactly one",
    "broken.xml:9: error: the tiebreak names an unknown section 'S9'",
    "broken.xml: refused (10 error(s))",
  ]

  @Test("a rubric breaking ten rules is refused with ten located errors and a summary", arguments: ["zh", "en"])
  func refusals(language: String) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("piloteval-rubric-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(Self.rubric.utf8).write(to: folder.appendingPathComponent("broken.xml"))
    let output = try await CommandRunner.run(["check-rubric", "--lang", language, "broken.xml"], in: folder)
    #expect(output.status == 2)
    #expect(output.stdout.isEmpty)
    let lines = output.stderr.split(separator: "\n").map(String.init)
    #expect(lines == (language == "zh" ? Self.zh : Self.en), "\(output.stderr)")
  }
}
