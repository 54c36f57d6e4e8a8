import ArgumentParser
import PilotEvalCore
import PilotEvalReports
import PilotEvalXML

/// `piloteval check-rubric`: refuses rubrics that break SPEC §1, warns about the rest.
struct CheckRubric: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check-rubric",
    abstract: "Check rubrics against the format rules (SPEC §1).",
    discussion: """
      Refusals (exit 2: the rubric cannot be used) are printed as FILE:LINE: error: …, naming the id concerned;
      anything else worth fixing is a warning (exit 0). Each rubric's summary follows.
      """)

  @Argument(help: ArgumentHelp("Rubric files to check.", valueName: "rubric.xml"))
  var rubrics: [String]

  @Flag(help: "Also report what the published XSD flags, as warnings.")
  var schema = false

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  mutating func validate() throws {
    if rubrics.isEmpty { throw ValidationError("name at least one rubric file") }
  }

  func run() throws {
    var refused = false
    var failed = false
    let validator = schema ? SchemaValidator(kind: .rubric) : nil
    for path in rubrics {
      switch RubricReader.load(path: path) {
      case .failure(let refusal):
        refused = true
        for diagnostic in refusal.diagnostics { Console.error(sanitized(diagnostic.description)) }
        Console.error("\(path): refused (\(refusal.diagnostics.errors.count) error(s))")
      case .success(let loaded):
        var warnings = loaded.warnings
        if let validator, case .success(let bytes) = FileInput.read(path, sizeLimit: RubricReader.sizeLimit) {
          warnings += validator.validate(bytes: bytes, file: path)
        }
        for warning in warnings { Console.error(sanitized(warning.description)) }
        if strict && !warnings.isEmpty { failed = true }
        let rubric = loaded.rubric
        Console.output(
          "\(path): ok — \(rubric.id) \(rubric.version): \(rubric.topLevelSections.count) sections, "
            + "\(rubric.criteria.count) criteria, total \(formatted(rubric.total)), "
            + "bonus cap \(formatted(rubric.effectiveBonusCap)), tiers \(rubric.tiers.map { "\($0.name)≥\(formatted($0.min))" }.joined(separator: " ")), "
            + "\(warnings.count) warning(s)\n")
      }
    }
    if refused { throw ExitCode(2) }
    if failed { throw ExitCode(1) }
  }
}
