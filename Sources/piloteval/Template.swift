import ArgumentParser
import PilotEvalReports

/// `piloteval template`: a blank self-assessment for a rubric.
struct Template: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print a blank self-assessment (自评报告) for a rubric, to fill in.",
    discussion: """
      输出一份空白自评报告：每项指标的标题、计分方式、可选等级或检查项、★ 标记和佐证要求都写在注释里。\
      单位编号、轮次、提交日期和单位全称留空待填（用 --unit-id、--round 可预先填好）；未填写就提交会被拒收。\
      边填边用 piloteval validate 检查。

      Every criterion appears with its title, scoring method, choices, ★ mark and evidence rule as \
      comments. The unit id, round, submission date and full name are left empty to fill in \
      (--unit-id and --round fill the first two); a template sent unfilled is rejected. Check your \
      answers with `piloteval validate` as you fill it in.

      Examples:
        R=Rubrics/jgsw-pilot.xml
        piloteval template --rubric $R --unit-id GX-NN-01 --round 2025H1 > 自评.xml
        piloteval template --rubric $R
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
