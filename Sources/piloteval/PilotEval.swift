import ArgumentParser

/// `piloteval`: evaluates and ranks pilot units of the 机关事务标准化试点 programme.
@main
struct PilotEval: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "piloteval",
    abstract: "Evaluate and rank pilot units of a standardization programme (机关事务标准化试点评估).",
    discussion: """
      Workflow:
        Programme office  piloteval check-rubric Rubrics/jgsw-pilot.xml
        Pilot unit        piloteval template --rubric Rubrics/jgsw-pilot.xml --unit-id GX-NN-01 > mine.xml
                          piloteval validate --rubric Rubrics/jgsw-pilot.xml mine.xml
        Evaluator         piloteval score --rubric Rubrics/jgsw-pilot.xml \\
                            --reviews Samples/2025H1/reviews Samples/2025H1/submissions

      Formats and scoring rules: SPEC.md; schemas: Rubrics/schema/*.xsd.
      Exit status: 0 success; 1 a checked file has errors; 2 the rubric cannot be used;
      64 the command line is wrong.
      """,
    version: "0.1.0",
    subcommands: [CheckRubric.self, Template.self, Validate.self, Score.self, Rank.self]
  )
}
