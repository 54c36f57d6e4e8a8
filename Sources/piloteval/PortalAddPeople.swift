import ArgumentParser
import Foundation
import PilotEvalCore
import PilotEvalPortal

/// The one flow of `portal add-units`, `add-reviewers` and `add-leaders`: read a CSV list,
/// register its rows in the round, write the new access codes to a new file.
enum PortalAddPeople {
  /// Reads `file` with `parse`, registers the rows with `register` and writes the new codes to `codes`.
  static func run<Row>(
    database: String, file: String, codes: String,
    parse: (String) throws(UnitList.Problem) -> [Row],
    register: (SQLitePortalStore, [Row]) throws -> [(unit: String, code: AccessCode)]
  ) throws {
    guard !FileManager.default.fileExists(atPath: codes) else {
      Console.fail(Message(.portalCodesFileExists, codes))
      throw ExitCode(1)
    }
    let rows: [Row]
    do {
      guard let data = FileManager.default.contents(atPath: file) else {
        Console.fail(Message(.inputCannotRead, file))
        throw ExitCode(1)
      }
      rows = try parse(String(decoding: data, as: UTF8.self))
    } catch let problem as UnitList.Problem {
      Console.error(Console.line(problem.diagnostic(file: file)))
      throw ExitCode(1)
    }
    do {
      let issued = try register(try SQLitePortalStore(path: database), rows)
      try CodesFile.create(codes, codes: issued)
      Console.error(Console.text(Message(.portalCodesWritten, String(issued.count), codes)))
    } catch let error as PortalStoreError {
      Console.fail(error.message)
      throw ExitCode(1)
    } catch let error as CodesFile.Failure {
      Console.fail(Message(.portalCodesNotWritten, parts: [.message(error.message)]))
      throw ExitCode(1)
    }
  }

  /// Reads `file` as `kind`, registers the people in `round` and writes their new codes to `codes`.
  static func run(database: String, round: String, file: String, codes: String, kind: PersonList.Kind) throws {
    try run(
      database: database, file: file, codes: codes,
      parse: { text throws(UnitList.Problem) in try PersonList.parse(text, kind: kind) },
      register: { store, people in try store.addPeople(people, kind: kind, round: round) })
  }
}

/// `piloteval portal add-reviewers`: the experts of a round and their access codes.
struct PortalAddReviewers: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add-reviewers",
    abstract: "Register experts in a round; new codes go to a new CSV file (id,code), shown nowhere else.",
    discussion: """
      登记该轮次的评审专家：EXPERTS.csv 表头为 id,name,region,organisation（单位可空，地区必填，回避规则需要）。\
      已登记的专家保持不变，不发新访问码；新访问码写入新的 CSV 文件，只此一处。

      EXPERTS.csv has the header id,name,region,organisation (organisation may be empty). \
      Experts already in the round are left as they are and get no new code.

      Examples:
        piloteval portal add-reviewers --db portal.sqlite --round 2026H1 \\
          experts.csv --codes expert-codes.csv
      """)

  @OptionGroup var language: LanguageOption

  @OptionGroup var database: PortalDatabaseOption

  @Option(help: ArgumentHelp("The round id.", valueName: "id"))
  var round: String

  @Argument(help: ArgumentHelp("The experts, CSV.", valueName: "experts.csv"))
  var experts: String

  @Option(help: ArgumentHelp("Where the new codes go (must not exist).", valueName: "out.csv"))
  var codes: String

  func run() throws {
    try PortalAddPeople.run(database: database.db, round: round, file: experts, codes: codes, kind: .reviewers)
  }
}

/// `piloteval portal add-leaders`: the read-only leadership of a round and their access codes.
struct PortalAddLeaders: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add-leaders",
    abstract: "Register leaders (read the published report only); new codes go to a new CSV file.",
    discussion: """
      登记只读的领导用户：LEADERS.csv 表头为 id,name；领导只能阅读已发布的报告。

      LEADERS.csv has the header id,name; leaders only read the published report.

      Examples:
        piloteval portal add-leaders --db portal.sqlite --round 2026H1 \\
          leaders.csv --codes leader-codes.csv
      """)

  @OptionGroup var language: LanguageOption

  @OptionGroup var database: PortalDatabaseOption

  @Option(help: ArgumentHelp("The round id.", valueName: "id"))
  var round: String

  @Argument(help: ArgumentHelp("The leaders, CSV.", valueName: "leaders.csv"))
  var leaders: String

  @Option(help: ArgumentHelp("Where the new codes go (must not exist).", valueName: "out.csv"))
  var codes: String

  func run() throws {
    try PortalAddPeople.run(database: database.db, round: round, file: leaders, codes: codes, kind: .leaders)
  }
}
