import ArgumentParser
import Foundation
import PilotEvalCore

/// `piloteval`: evaluates and ranks pilot units of the 机关事务标准化试点 programme.
@main
struct PilotEval: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "piloteval",
    abstract: "Evaluate and rank pilot units of a standardization programme (机关事务标准化试点评估).",
    discussion: """
      PilotEval 是机关事务标准化试点的评估与对标工具：项目办检查评估细则，试点单位按模板填写自评报告并\
      在提交前用 validate 逐行检查，评估人员汇总专家评审、计分排名，领导层得到分档、示范单位和结对帮扶建议。\
       所有提示默认用中文（--lang en 或 PILOTEVAL_LANG=en 改为英文）。

      PilotEval evaluates the pilot units of the government-affairs standardization programme: the \
      programme office checks its rubric, units fill in a template and validate it before submitting, \
      evaluators score a round with expert reviews, leadership gets tiers, exemplars and learning partners.

      Examples (from the repository folder, on the bundled sample round):
        R=Rubrics/jgsw-pilot.xml S=Samples/2025H1
        Programme office (项目办): check a rubric
          piloteval check-rubric $R
        Pilot unit (试点单位): start from a template, validate before submitting
          piloteval template --rubric $R --unit-id GX-NN-01 --round 2025H1 > mine.xml
          piloteval validate --rubric $R $S/submissions/GX-NN-01.xml
        Evaluator (评估人员): score a round with expert reviews
          piloteval score --rubric $R --reviews $S/reviews $S/submissions
        Leadership (领导层): exemplars, how robust, who learns from whom (以先带后)
          piloteval rank --rubric $R --reviews $S/reviews $S/submissions
          piloteval report --rubric $R --reviews $S/reviews --out rpt $S/submissions
        Across rounds (历次对比): keep each round, then see whether the gap is closing
          piloteval record --rubric $R --reviews $S/reviews $S/submissions
          piloteval trend --list
        Portal (填报平台): units submit online, the office watches the round
          piloteval portal init --db portal.sqlite
          piloteval serve --db portal.sqlite
      """,
    version: PilotEval.version,
    subcommands: [
      CheckRubric.self, Template.self, Validate.self, Score.self, Rank.self, Report.self, Record.self, Trend.self,
      Serve.self, Portal.self,
    ]
  )

  /// The tool's version, as `--version` prints it and the history store records it.
  static let version = "0.2.0"

  /// Runs the command; a command line that cannot be parsed is reported with the same
  /// `piloteval: 错误：` prefix as every other error, in the user's language.
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var asynchronous = command as? AsyncParsableCommand {
        try await asynchronous.run()
      } else {
        try command.run()
      }
    } catch {
      let status = exitCode(for: error)
      if status == .success || error is ExitCode || error is CleanExit {
        exit(withError: error)
      }
      let language =
        Language.choose(flag: languageFlag(CommandLine.arguments), environment: ProcessInfo.processInfo.environment)
        ?? .zh
      Console.language = language
      Console.fail(Message(.commandParse, message(for: error)))
      Console.error(Console.text(Message(.commandSeeHelp)))
      exit(withError: ExitCode(status.rawValue))
    }
  }

  /// The value given to `--lang` (as `--lang zh` or `--lang=zh`), if any.
  static func languageFlag(_ arguments: [String]) -> String? {
    for (index, argument) in arguments.enumerated() {
      if argument == "--lang", index + 1 < arguments.count { return arguments[index + 1] }
      if argument.hasPrefix("--lang=") { return String(argument.dropFirst("--lang=".count)) }
    }
    return nil
  }
}
