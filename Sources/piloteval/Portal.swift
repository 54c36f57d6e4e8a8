import ArgumentParser

/// `piloteval portal`: the programme office sets up the submission portal, by script.
struct Portal: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Set up the submission portal's database: office code, rounds, units and their codes.",
    discussion: """
      试点办公室用以下命令建立填报平台数据库：先 init（只显示一次试点办公室访问码），再 open-round \
      开启评估轮次，最后 add-units 登记试点单位并把新访问码写入新的 CSV 文件。piloteval serve \
      运行与否均可执行。

      Works on the database file whether `piloteval serve` runs or not: init (prints the office \
      code once), then open-round, then add-units (writes the units' new codes to a new CSV file).

      Examples:
        piloteval portal init --db portal.sqlite
        piloteval portal open-round --db portal.sqlite --round 2026H1 \\
            --rubric Rubrics/jgsw-pilot.xml --deadline 2026-06-30T18:00:00+08:00
        piloteval portal add-units --db portal.sqlite --round 2026H1 units.csv \\
            --codes codes.csv
      """,
    subcommands: [PortalInit.self, PortalOfficeCode.self, PortalOpenRound.self, PortalAddUnits.self]
  )
}

/// The portal database every `portal` command and `serve` work on.
struct PortalDatabaseOption: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("The portal's SQLite database.", valueName: "file"))
  var db: String = "portal.sqlite"
}
