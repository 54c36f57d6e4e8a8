import ArgumentParser

/// `piloteval portal`: the programme office sets up the submission portal, by script.
struct Portal: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Set up the submission portal's database: office code, rounds, units and their codes.",
    discussion: """
      Works on the database file whether `piloteval serve` runs or not. `init` prints the
      office code once; every `add-…` writes the new codes to a new CSV file.

      Examples:
        piloteval portal init --db portal.sqlite
        piloteval portal open-round --db portal.sqlite --round 2026H1 \\
          --rubric Rubrics/jgsw-pilot.xml --deadline 2026-06-30T18:00:00+08:00
        piloteval portal add-units --db portal.sqlite --round 2026H1 units.csv \\
          --codes codes.csv
        piloteval portal add-reviewers --db portal.sqlite --round 2026H1 \\
          experts.csv --codes expert-codes.csv
        piloteval portal close --db portal.sqlite --round 2026H1
        piloteval portal assign --db portal.sqlite --round 2026H1 --per-unit 3 \\
          --seed 7 --csv plan.csv
        piloteval portal publish --db portal.sqlite --round 2026H1 --seed 1
      """,
    subcommands: [
      PortalInit.self, PortalOfficeCode.self, PortalOpenRound.self, PortalAddUnits.self, PortalAddReviewers.self,
      PortalAddLeaders.self, PortalClose.self, PortalAssign.self, PortalSwap.self, PortalPublish.self,
    ]
  )
}

/// The portal database every `portal` command and `serve` work on.
struct PortalDatabaseOption: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("The portal's SQLite database.", valueName: "file"))
  var db: String = "portal.sqlite"
}
