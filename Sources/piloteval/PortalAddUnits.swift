import ArgumentParser
import Foundation
import PilotEvalCore
import PilotEvalPortal

/// `piloteval portal add-units`: units of a round and their access codes.
struct PortalAddUnits: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add-units",
    abstract: "Register pilot units in a round; new codes go to a new CSV file (id,code), shown nowhere else.",
    discussion: """
      单位名单为 CSV 文件，表头为 id,name,region,level,category，可另加 organisation 列。轮次中已有的\
      单位保持不变，不发新访问码；--reissue 为所列单位重新发放访问码，原访问码随即失效。新访问码只写入 \
      --codes 指定的新文件（权限 0600），该文件已存在时不会覆盖。名单有误时按“文件:行号”报告，退出 1。

      UNITS.csv has the header id,name,region,level,category and an optional organisation \
      column. Units already in the round are left as they are and get no new code; --reissue \
      gives the named units new codes and revokes their old ones. The codes file is created \
      with mode 0600 and never overwritten.

      Examples:
        piloteval portal add-units --db portal.sqlite --round 2026H1 units.csv \\
            --codes codes.csv
        piloteval portal add-units --db portal.sqlite --round 2026H1 units.csv \\
            --codes codes-2.csv --reissue GX-NN-01
      """)

  @OptionGroup var language: LanguageOption
  @OptionGroup var database: PortalDatabaseOption

  @Option(help: ArgumentHelp("The round id.", valueName: "id"))
  var round: String

  @Argument(help: ArgumentHelp("The units, CSV.", valueName: "units.csv"))
  var units: String

  @Option(help: ArgumentHelp("Where the new codes go (must not exist).", valueName: "out.csv"))
  var codes: String

  @Option(parsing: .upToNextOption, help: ArgumentHelp("Units to give new codes.", valueName: "id"))
  var reissue: [String] = []

  func run() throws {
    try PortalAddPeople.run(
      database: database.db, file: units, codes: codes,
      parse: { text throws(UnitList.Problem) in try UnitList.parse(text) },
      register: { store, list in try store.addUnits(list, round: round, reissue: reissue) })
  }
}
