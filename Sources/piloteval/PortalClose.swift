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
      结束该轮次的填报：此后不再接收自评报告，开始接收专家评审。重复执行不改变结果。\
      --review-deadline 设定（或更改）专家评审截止时间：过时仍有未完成评审的专家在评审进度页上标为“逾期”。

      Ends submitting: uploads get 409 from now on and expert reviews are accepted. Running it \
      again changes nothing. --review-deadline sets (or changes) the review deadline: experts with \
      reviews still outstanding after it are shown as late on the office's progress page.

      Examples:
        piloteval portal close --db portal.sqlite --round 2026H1
        piloteval portal close --db portal.sqlite --round 2026H1 \\
          --review-deadline 2026-07-20T18:00:00+08:00
      """)

  @OptionGroup var language: LanguageOption

  @OptionGroup var database: PortalDatabaseOption

  @Option(help: ArgumentHelp("The round id.", valueName: "id"))
  var round: String

  @Option(
    name: .customLong("review-deadline"),
    help: ArgumentHelp("When reviews are due, ISO-8601 with an offset.", valueName: "time"))
  var reviewDeadline: String?

  func validate() throws {
    if let reviewDeadline, PortalClock.parse(reviewDeadline) == nil {
      throw Console.usage(Message(.portalDeadline, reviewDeadline))
    }
  }

  func run() async throws {
    do {
      let store = try SQLitePortalStore(path: database.db)
      guard let record = try await store.round(round) else { throw PortalStoreError.unknownRound(round) }
      if let reviewDeadline {
        guard record.phase != .published else {
          Console.fail(Message(.portalPublishWrongPhase, round, record.phase.rawValue))
          throw ExitCode(1)
        }
        try await store.setReviewDeadline(round: round, deadline: reviewDeadline)
      }
      try await store.close(round: round)
      Console.error(Console.text(Message(.portalRoundClosed, round)))
      if let reviewDeadline { Console.error(Console.text(Message(.portalReviewDeadlineSet, round, reviewDeadline))) }
    } catch let error as PortalStoreError {
      Console.fail(error.message)
      throw ExitCode(1)
    }
  }
}
