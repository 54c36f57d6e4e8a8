import ArgumentParser
import Foundation
import PilotEvalPortal

/// `piloteval portal add-units`: units of a round and their access codes.
struct PortalAddUnits: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add-units",
    abstract: "Register pilot units in a round; new codes go to a new CSV file (id,code), shown nowhere else.",
    discussion: """
      UNITS.csv has the header id,name,region,level,category and an optional organisation
      column. Units already in the round are left as they are and get no new code; --reissue
      gives the named units new codes and revokes their old ones. The codes file is created
      with mode 0600 and never overwritten.
      """)

  @OptionGroup var database: PortalDatabaseOption

  @Option(help: ArgumentHelp("The round id.", valueName: "id"))
  var round: String

  @Argument(help: ArgumentHelp("The units, CSV.", valueName: "units.csv"))
  var units: String

  @Option(help: ArgumentHelp("Where the new codes go (must not exist).", valueName: "out.csv"))
  var codes: String

  @Option(parsing: .upToNextOption, help: ArgumentHelp("Units to give new codes.", valueName: "id"))
  var reissue: [String] = []

  func run() throws {
    guard !FileManager.default.fileExists(atPath: codes) else {
      Console.error("error: '\(codes)' already exists; name a new file for the codes")
      throw ExitCode(1)
    }
    let list: [UnitRecord]
    do {
      guard let data = FileManager.default.contents(atPath: units) else {
        Console.error("error: cannot read '\(units)'")
        throw ExitCode(1)
      }
      list = try UnitList.parse(String(decoding: data, as: UTF8.self))
    } catch let problem as UnitList.Problem {
      Console.error("\(units):\(problem.line): error: \(problem.message)")
      throw ExitCode(1)
    }
    do {
      let store = try SQLitePortalStore(path: database.db)
      let issued = try store.addUnits(list, round: round, reissue: reissue)
      try CodesFile.create(codes, codes: issued)
      Console.error("piloteval: \(issued.count) new code(s) written to \(codes)")
    } catch let error as PortalStoreError {
      Console.error("error: \(error)")
      throw ExitCode(1)
    } catch let error as CodesFile.Failure {
      Console.error("error: \(error); give the units new codes with --reissue")
      throw ExitCode(1)
    }
  }
}
