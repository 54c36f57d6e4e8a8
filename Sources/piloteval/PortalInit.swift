import ArgumentParser
import PilotEvalCore
import PilotEvalPortal

/// `piloteval portal init`: a new portal database and its office code.
struct PortalInit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create a portal database and print the office's access code (shown once).",
    discussion: """
      新建填报平台数据库，并在标准输出上显示试点办公室访问码。访问码只显示这一次，请妥善保管；\
      文件已存在时不做任何改动，退出 1。

      Creates a new portal database and prints the office's access code on standard output, once \
      only. An existing file is left as it is (exit 1).

      Examples:
        piloteval portal init --db portal.sqlite
        piloteval portal init --lang en --db portal.sqlite
      """)

  @OptionGroup var language: LanguageOption
  @OptionGroup var database: PortalDatabaseOption

  func run() throws {
    do {
      let store = try SQLitePortalStore.create(path: database.db)
      let code = try store.issueOfficeCode()
      Console.output(code.text + "\n")
      Console.error(Console.text(Message(.portalCreated, database.db)))
    } catch let error as PortalStoreError {
      Console.fail(error.message)
      throw ExitCode(1)
    }
  }
}
