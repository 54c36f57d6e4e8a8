import ArgumentParser
import PilotEvalPortal

/// `piloteval portal office-code --rotate`: a new office code; the old one stops working.
struct PortalOfficeCode: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "office-code",
    abstract: "Issue a new office access code and revoke the old one (with --rotate).")

  @OptionGroup var database: PortalDatabaseOption

  @Flag(help: "Issue a new code, revoking the current one.")
  var rotate = false

  func run() throws {
    guard rotate else {
      Console.error("error: codes are stored only as hashes and cannot be shown again; use --rotate for a new one")
      throw ExitCode(64)
    }
    do {
      let code = try SQLitePortalStore(path: database.db).issueOfficeCode()
      Console.output(code.text + "\n")
      Console.error("piloteval: the previous office code no longer works")
    } catch let error as PortalStoreError {
      Console.error("error: \(error)")
      throw ExitCode(1)
    }
  }
}
