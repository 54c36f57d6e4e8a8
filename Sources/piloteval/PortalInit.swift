import ArgumentParser
import PilotEvalPortal

/// `piloteval portal init`: a new portal database and its office code.
struct PortalInit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create a portal database and print the office's access code (shown once).")

  @OptionGroup var database: PortalDatabaseOption

  func run() throws {
    do {
      let store = try SQLitePortalStore.create(path: database.db)
      let code = try store.issueOfficeCode()
      Console.output(code.text + "\n")
      Console.error("piloteval: created \(database.db); the office code above is shown only once, keep it safe")
    } catch let error as PortalStoreError {
      Console.error("error: \(error)")
      throw ExitCode(1)
    }
  }
}
