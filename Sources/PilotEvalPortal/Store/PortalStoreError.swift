/// Why the portal database cannot be used or changed.
public enum PortalStoreError: Error, Sendable, Equatable, CustomStringConvertible {
  /// `init` found a file already there.
  case alreadyExists(path: String)
  /// The file is missing or is not a portal database.
  case notAPortal(path: String)
  /// The round does not exist.
  case unknownRound(String)
  /// `open-round` for a round that already exists.
  case roundExists(String)
  /// `--reissue` for a unit that is not in the round.
  case unknownUnit(round: String, unit: String)
  /// SQLite failed.
  case storage(String)

  /// One line, for the terminal.
  public var description: String {
    switch self {
    case .alreadyExists(let path):
      "'\(path)' already exists; `portal init` creates a new database only (use `portal office-code --rotate` for a new office code)"
    case .notAPortal(let path):
      "'\(path)' is not a portal database; create one with `piloteval portal init --db \(path)`"
    case .unknownRound(let round): "unknown round '\(round)'"
    case .roundExists(let round): "round '\(round)' is already open"
    case .unknownUnit(let round, let unit): "unit '\(unit)' is not in round '\(round)'"
    case .storage(let reason): "database error: \(reason)"
    }
  }
}
