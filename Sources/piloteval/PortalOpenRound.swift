import ArgumentParser
import PilotEvalCore
import PilotEvalPortal
import PilotEvalXML

/// `piloteval portal open-round`: a round for a rubric, taking submissions.
struct PortalOpenRound: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open-round",
    abstract: "Open a round for a rubric (phase submitting), with an optional deadline.",
    discussion: """
      按评估细则开启一个评估轮次，开始接收填报；评估细则保存在数据库中。截止时间须为带时区偏移的 \
      ISO-8601 时间（如 2026-06-30T18:00:00+08:00），可以不设。评估细则有问题时退出 2，\
      请先用 piloteval check-rubric 检查。

      Opens a round for a rubric, taking submissions; the rubric is kept in the database. The \
      deadline, optional, is an ISO-8601 time with an offset. A rubric that cannot be used stops \
      the command (exit 2): check it with `piloteval check-rubric`.

      Examples:
        piloteval portal open-round --db portal.sqlite --round 2026H1 \\
            --rubric Rubrics/jgsw-pilot.xml
        piloteval portal open-round --db portal.sqlite --round 2026H2 \\
            --rubric Rubrics/jgsw-pilot.xml --deadline 2026-12-31T18:00:00+08:00
      """)

  @OptionGroup var language: LanguageOption
  @OptionGroup var database: PortalDatabaseOption

  @Option(help: ArgumentHelp("The scoring rubric, an XML file; it is kept in the database.", valueName: "rubric.xml"))
  var rubric: String

  @Option(help: ArgumentHelp("The round id, as in submissions (e.g. 2026H1).", valueName: "id"))
  var round: String

  @Option(
    help: ArgumentHelp(
      "Last moment for uploads, ISO-8601 with an offset (e.g. 2026-06-30T18:00:00+08:00).", valueName: "time"))
  var deadline: String?

  func validate() throws {
    guard Identifier.isValid(round) else { throw Console.usage(Message(.portalRoundId, round)) }
    if let deadline, PortalClock.parse(deadline) == nil { throw Console.usage(Message(.portalDeadline, deadline)) }
  }

  func run() throws {
    let bytes: [UInt8]
    switch FileInput.read(rubric, sizeLimit: RubricReader.sizeLimit) {
    case .failure(let problem):
      Console.error(Console.line(problem.inFile(rubric)))
      throw ExitCode(2)
    case .success(let read): bytes = read
    }
    guard case .success = RubricReader.load(bytes: bytes, file: rubric) else {
      Console.fail(Message(.portalRubricUnusable, rubric))
      throw ExitCode(2)
    }
    do {
      try SQLitePortalStore(path: database.db).openRound(round, rubricXML: bytes, deadline: deadline)
      Console.error(Console.text(Message(.portalRoundOpened, round)))
    } catch let error as PortalStoreError {
      Console.fail(error.message)
      throw ExitCode(1)
    }
  }
}
