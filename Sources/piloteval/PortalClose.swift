import ArgumentParser
import Foundation
import PilotEvalCore
import PilotEvalPortal

/// `piloteval portal close`: ends submitting (phase `reviewing`), as the API's close route does.
struct PortalClose: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "close",
    abstract: "End submitting for a round: uploads are refused from now on, reviews accepted. Idempotent.")

  @OptionGroup var database: PortalDatabaseOption

  @Option(help: ArgumentHelp("The round id.", valueName: "id"))
  var round: String

  func run() async throws {
    do {
      let store = try SQLitePortalStore(path: database.db)
      guard try await store.round(round) != nil else { throw PortalStoreError.unknownRound(round) }
      try await store.close(round: round)
      Console.error(Console.text(Message(.portalRoundClosed, round)))
    } catch let error as PortalStoreError {
      Console.fail(error.message)
      throw ExitCode(1)
    }
  }
}
