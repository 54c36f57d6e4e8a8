import ArgumentParser

/// `piloteval portal`: the programme office sets up the submission portal, by script.
struct Portal: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Set up the submission portal's database: office code, rounds, units and their codes.",
    discussion: """
      试点办公室用以下命令建立填报平台数据库：先 init（只显示一次试点办公室访问码），再 open-round \
      开启评估轮次，add-units 登记试点单位，add-reviewers、add-leaders 登记专家和领导；每个 add-… 命令都把\
      新访问码写入新的 CSV 文件。提交截止后 close 结束填报，assign 按回避规则分配专家，swap 调整单个分配，\
      publish 计分并发布报告。piloteval serve 运行与否均可执行。

      Works on the database file whether `piloteval serve` runs or not: init (prints the office \
      code once), then open-round, then add-units, add-reviewers and add-leaders (each writes the new \
      codes to a new CSV file); after submitting, close, assign experts under 回避, swap one \
      assignment by hand, and publish the scored report.

      Examples:
        piloteval portal init --db portal.sqlite
        piloteval portal open-round --db portal.sqlite --round 2026H1 \\
          --rubric Rubrics/jgsw-pilot.xml --deadline 2026-06-30T18:00:00+08:00
        piloteval portal add-units --db portal.sqlite --round 2026H1 units.csv \\
          --codes codes.csv
        piloteval portal add-reviewers --db portal.sqlite --round 2026H1 \\
          experts.csv --codes expert-codes.csv
        piloteval portal close --db portal.sqlite --round 2026H1
        piloteval portal assign --db portal.sqlite --round 2026H1 --per-unit 3 \\
          --seed 7 --csv plan.csv
        piloteval portal publish --db portal.sqlite --round 2026H1 --seed 1
      """,
    subcommands: [
      PortalInit.self, PortalOfficeCode.self, PortalOpenRound.self, PortalAddUnits.self, PortalAddReviewers.self,
      PortalAddLeaders.self, PortalClose.self, PortalAssign.self, PortalSwap.self, PortalPublish.self,
    ]
  )
}

/// The portal database every `portal` command and `serve` work on.
struct PortalDatabaseOption: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("The portal's SQLite database.", valueName: "file"))
  var db: String = "portal.sqlite"
}
