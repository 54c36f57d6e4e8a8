import ArgumentParser
import PilotEvalPortal
import PilotEvalXML

/// `piloteval portal open-round`: a round for a rubric, taking submissions.
struct PortalOpenRound: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open-round",
    abstract: "Open a round for a rubric (phase submitting), with an optional deadline.")

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
    guard Identifier.isValid(round) else {
      throw ValidationError("round id '\(round)' is not usable (1–128 characters, no spaces, '/', '?', '#' or '%')")
    }
    if let deadline, PortalClock.parse(deadline) == nil {
      throw ValidationError(
        "--deadline '\(deadline)' is not an ISO-8601 time with an offset, e.g. 2026-06-30T18:00:00+08:00")
    }
  }

  func run() throws {
    let bytes: [UInt8]
    switch FileInput.read(rubric, sizeLimit: RubricReader.sizeLimit) {
    case .failure(let problem):
      Console.error(problem.inFile(rubric).description)
      throw ExitCode(2)
    case .success(let read): bytes = read
    }
    guard case .success = RubricReader.load(bytes: bytes, file: rubric) else {
      Console.error("error: the rubric \(rubric) cannot be used; run `piloteval check-rubric \(rubric)` for details")
      throw ExitCode(2)
    }
    do {
      try SQLitePortalStore(path: database.db).openRound(round, rubricXML: bytes, deadline: deadline)
      Console.error("piloteval: round \(round) is open for submissions")
    } catch let error as PortalStoreError {
      Console.error("error: \(error)")
      throw ExitCode(1)
    }
  }
}
