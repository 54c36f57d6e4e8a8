import ArgumentParser
import Foundation
import PilotEvalCore
import PilotEvalPortal

/// `piloteval portal close`: ends submitting (phase `reviewing`), as the API's close route does.
struct PortalClose: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "close",
    abstract: "End submitting for a round: uploads are refused from now on, reviews accepted. Idempotent.",
    discussion: """
      结束该轮次的填报：此后不再接收自评报告，开始接收专家评审。重复执行不改变结果。

      Ends submitting: uploads get 409 from now on and expert reviews are accepted. Running it \
      again changes nothing.

      Examples:
        piloteval portal close --db portal.sqlite --round 2026H1
      """)

  @OptionGroup var language: LanguageOption

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
