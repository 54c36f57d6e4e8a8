import ArgumentParser

/// `piloteval`: evaluates and ranks pilot units of the 机关事务标准化试点 programme.
@main
struct PilotEval: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "piloteval",
    abstract: "Evaluate and rank pilot units of a standardization programme (机关事务标准化试点评估).",
    discussion: """
      Workflow:
        Programme office: check a rubric
          piloteval check-rubric Rubrics/jgsw-pilot.xml
        Pilot unit: start from a template, validate before submitting
          piloteval template --rubric R.xml --unit-id GX-01 > mine.xml
          piloteval validate --rubric R.xml mine.xml
        Evaluator: score a round with expert reviews
          piloteval score --rubric R.xml --reviews reviews/ --out out/ subs/
        Leadership: exemplars, how robust, who learns from whom (以先带后)
          piloteval rank --rubric R.xml --reviews reviews/ subs/
          piloteval report --rubric R.xml --reviews reviews/ --out report/ subs/
        Portal: units submit online, the office watches the round
          piloteval portal init --db portal.sqlite                     (prints the office code)
          piloteval serve --db portal.sqlite
        Across rounds: keep each round, then see whether the gap is closing
          piloteval record --rubric R.xml --reviews reviews/ subs/      (into piloteval.sqlite)
          piloteval trend                                              (every recorded round)

      R.xml is a rubric, e.g. Rubrics/jgsw-pilot.xml; try it on Samples/2025H1.
      Formats and scoring rules: SPEC.md; schemas: Rubrics/schema/*.xsd.
      Exit status: 0 success · 1 a checked file has errors
                   2 the rubric cannot be used · 64 the command line is wrong
      """,
    version: PilotEval.version,
    subcommands: [
      CheckRubric.self, Template.self, Validate.self, Score.self, Rank.self, Report.self, Record.self, Trend.self,
      Serve.self, Portal.self,
    ]
  )

  /// The tool's version, as `--version` prints it and the history store records it.
  static let version = "0.2.0"
}
