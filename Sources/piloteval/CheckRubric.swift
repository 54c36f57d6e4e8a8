import ArgumentParser
import PilotEvalCore
import PilotEvalReports
import PilotEvalXML

/// `piloteval check-rubric`: refuses rubrics that break the format rules (docs/FORMAT.md §2), warns about the rest.
struct CheckRubric: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check-rubric",
    abstract: "Check rubrics against the format rules (docs/FORMAT.md §2).",
    discussion: """
      检查评估细则是否符合格式规则（docs/FORMAT.zh.md 第二节）。不予采用的问题显示为 \
      “文件:行号: 错误：…”并退出 2；其余值得修改之处为警告（退出 0）。随后列出每份细则的概要。

      Refusals (exit 2: the rubric cannot be used) are printed as FILE:LINE: error: …, naming the id concerned; anything else \
      worth fixing is a warning (exit 0). Each rubric's summary follows.

      Examples:
        piloteval check-rubric Rubrics/jgsw-pilot.xml
        piloteval check-rubric --schema --strict Rubrics/jgsw-pilot.xml
      """)

  @OptionGroup var language: LanguageOption

  @Argument(help: ArgumentHelp("Rubric files to check.", valueName: "rubric.xml"))
  var rubrics: [String]

  @Flag(help: "Also report what the published XSD flags, as warnings.")
  var schema = false

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  mutating func validate() throws {
    if rubrics.isEmpty { throw Console.usage(Message(.commandNameRubrics)) }
  }

  func run() throws {
    var refused = false
    var failed = false
    let validator = schema ? SchemaValidator(kind: .rubric) : nil
    for path in rubrics {
      switch RubricReader.load(path: path) {
      case .failure(let refusal):
        refused = true
        for diagnostic in refusal.diagnostics { Console.error(Console.line(diagnostic, file: path)) }
        Console.error(Console.text(Message(.commandRubricRefused, path, String(refusal.diagnostics.errors.count))))
      case .success(let loaded):
        var warnings = loaded.warnings
        if let validator, case .success(let bytes) = FileInput.read(path, sizeLimit: RubricReader.sizeLimit) {
          warnings += validator.validate(bytes: bytes, file: path)
        }
        for warning in warnings { Console.error(Console.line(warning, file: path)) }
        if strict && !warnings.isEmpty { failed = true }
        let rubric = loaded.rubric
        let tiers = rubric.tiers.map { "\($0.name)≥\(formatted($0.min))" }.joined(separator: " ")
        let summary = Message(
          .commandRubricAccepted, path, rubric.id, rubric.version, String(rubric.topLevelSections.count),
          String(rubric.criteria.count), formatted(rubric.total), formatted(rubric.effectiveBonusCap), tiers,
          String(warnings.count))
        Console.output(Console.text(summary) + "\n")
      }
    }
    if refused { throw ExitCode(2) }
    if failed { throw ExitCode(1) }
  }
}
