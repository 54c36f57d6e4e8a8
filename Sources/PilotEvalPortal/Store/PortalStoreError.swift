public import PilotEvalCore

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
  /// Publishing a round that is not `reviewing`.
  case wrongPhase(round: String, phase: String)

  /// What is wrong and what to do, in any language.
  public var message: Message {
    switch self {
    case .alreadyExists(let path): Message(.portalAlreadyExists, path)
    case .notAPortal(let path): Message(.portalNotAPortal, path)
    case .unknownRound(let round): Message(.portalUnknownRound, round)
    case .roundExists(let round): Message(.portalRoundExists, round)
    case .unknownUnit(let round, let unit): Message(.portalUnknownUnit, unit, round)
    case .storage(let reason): Message(.portalStorage, reason)
    case .wrongPhase(let round, let phase): Message(.portalPublishWrongPhase, round, phase)
    }
  }

  /// One line, for the terminal, in English.
  public var description: String { message.text(in: .en) }
}
