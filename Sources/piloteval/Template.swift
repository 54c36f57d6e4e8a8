import ArgumentParser
import PilotEvalReports

/// `piloteval template`: a blank self-assessment for a rubric.
struct Template: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print a blank self-assessment (自评报告) for a rubric, to fill in.",
    discussion: """
      Every criterion appears with its title, scoring method, choices, ★ mark and
      evidence rule as comments. The blank template already loads without rejection;
      check your answers with `piloteval validate` as you fill it in.
      """)

  @OptionGroup var language: LanguageOption
  @OptionGroup var rubricOption: RubricOption

  @Option(name: .customLong("unit-id"), help: ArgumentHelp("Your unit id, e.g. GX-NN-01.", valueName: "id"))
  var unitID: String?

  @Option(help: ArgumentHelp("The round id, e.g. 2025H1.", valueName: "id"))
  var round: String?

  func run() throws {
    let rubric = try rubricOption.load()
    Console.output(SubmissionTemplate(rubric: rubric, unitID: unitID, round: round).render())
  }
}
