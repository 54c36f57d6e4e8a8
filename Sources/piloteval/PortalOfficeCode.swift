import ArgumentParser
import PilotEvalCore
import PilotEvalPortal

/// `piloteval portal office-code --rotate`: a new office code; the old one stops working.
struct PortalOfficeCode: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "office-code",
    abstract: "Issue a new office access code and revoke the old one (with --rotate).",
    discussion: """
      访问码只以散列形式保存，无法再次显示。加 --rotate 时发放新的试点办公室访问码并显示一次，\
      原访问码随即失效。

      Codes are stored only as hashes and cannot be shown again. With --rotate, a new office code \
      is printed once and the previous one stops working.

      Examples:
        piloteval portal office-code --db portal.sqlite --rotate
      """)

  @OptionGroup var language: LanguageOption
  @OptionGroup var database: PortalDatabaseOption

  @Flag(help: "Issue a new code, revoking the current one.")
  var rotate = false

  func run() throws {
    guard rotate else { throw Console.usage(Message(.portalOfficeCodeNotShown)) }
    do {
      let code = try SQLitePortalStore(path: database.db).issueOfficeCode()
      Console.output(code.text + "\n")
      Console.error(Console.text(Message(.portalOfficeCodeRevoked)))
    } catch let error as PortalStoreError {
      Console.fail(error.message)
      throw ExitCode(1)
    }
  }
}
