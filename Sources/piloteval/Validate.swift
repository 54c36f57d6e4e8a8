import ArgumentParser
import PilotEvalCore
import PilotEvalReports
import PilotEvalXML

/// `piloteval validate`: every problem in every file, line by line, before submitting.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check submissions (and reviews) line by line before they are submitted.",
    discussion: """
      逐行报告每个文件的全部问题（文件:行号: 错误|警告：…）。错误是 score 会拒收该文件的原因（退出 1）；\
      警告不导致拒收，但值得修改（除非 --strict，否则退出 0）：未答复的指标、佐证不足、★ 关键指标得 0 分、\
      不起作用的属性、超出可计分范围的数值（如把 92% 写成 92）、未说明理由的合理缺项，以及 XSD 模式的提示。

      Reports every problem in every file, compiler style (FILE:LINE: error|warning: …). Errors are \
      what would make `score` reject the file (exit 1). Warnings are worth fixing but do not reject \
      (exit 0 unless --strict): unanswered criteria, missing evidence, ★ key items at zero, ignored \
      attributes, values outside what their criterion can score (92 for 92%), 合理缺项 without a \
      reason, and what the published XSD flags.

      Examples:
        R=Rubrics/jgsw-pilot.xml S=Samples/2025H1
        piloteval validate --rubric $R $S/submissions/GX-NN-01.xml
        piloteval validate --rubric $R $S/submissions/broken
        piloteval validate --lang en --verbose --rubric $R $S/submissions/broken
      """)

  @OptionGroup var language: LanguageOption
  @OptionGroup var rubricOption: RubricOption
  @OptionGroup var round: RoundOptions

  @Flag(help: "Exit 1 on warnings too.")
  var strict = false

  @Flag(
    name: .shortAndLong,
    help: "Print no progress or closing count on standard error (findings still go to standard output).")
  var quiet = false

  func run() throws {
    try round.checkPaths()
    let rubric = try rubricOption.load()
    let progress = ProgressLine(label: Console.text(Message(.commandProgressValidating)), enabled: !quiet)
    let validated = RoundReader(rubric: rubric).validate(round.configuration) {
      progress.update(done: $0, total: $1)
    }
    progress.finish()
    try rubricOption.stopIfFailed(validated.result)
    let rejections = Dictionary(
      validated.result.rejected.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })

    var rejectedCount = 0
    var warningCount = 0
    let output = BufferedOutput(.standardOutput)
    for path in validated.files {
      let errors = rejections[path]?.errors.map { $0.file.isEmpty ? $0.inFile(path) : $0 } ?? []
      let notes = Self.withoutRestatements(validated.warnings[path] ?? [], errors: errors)
      for diagnostic in (errors + notes).sorted(by: { $0.line < $1.line }) {
        output.write(Console.line(diagnostic) + "\n")
      }
      if !errors.isEmpty { rejectedCount += 1 }
      warningCount += notes.count
    }
    output.flush()
    let checked = validated.files.count
    if !quiet {
      Console.error(
        Console.text(
          Message(
            .commandValidated, String(checked), String(checked - rejectedCount), String(rejectedCount),
            String(warningCount))))
    }
    if rejectedCount > 0 || (strict && warningCount > 0) { throw ExitCode(1) }
  }

  /// `notes` without the XSD's findings on a line that another diagnostic already explains:
  /// one message per fact.
  static func withoutRestatements(_ notes: [Diagnostic], errors: [Diagnostic]) -> [Diagnostic] {
    let explained = Set((errors + notes).filter { $0.content.key != .schemaFinding }.map(\.line))
    return notes.filter { $0.content.key != .schemaFinding || !explained.contains($0.line) }
  }
}
