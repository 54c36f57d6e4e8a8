public import PilotEvalCore

/// Why the history store refused or failed a request. Each message says what to do about it.
public enum HistoryError: Error, CustomStringConvertible, Sendable, Hashable {
  /// The file could not be opened or created (missing folder, no permission, a directory, …).
  case cannotOpen(file: String, reason: String)
  /// The file exists but is not a PilotEval history (another SQLite database, or not SQLite at all).
  case notAHistory(file: String, reason: String)
  /// The file was written by a newer PilotEval: it records schema changes this version does not know.
  case newerSchema(file: String, unknownMigrations: [String])
  /// The round is already recorded and `replace` was not asked for.
  case roundExists(String, file: String)
  /// The round is not recorded; `known` lists the recorded rounds in the order they were recorded.
  case unknownRound(String, known: [String])
  /// The snapshot holds a value SQLite cannot keep exactly (a NaN, or a string containing NUL).
  case invalidSnapshot(round: String, reason: String)
  /// SQLite failed while reading or writing (locked by another process, disk full, damaged file, …).
  case storage(file: String, reason: String)

  /// A one-line message for the user, in any language.
  public var message: Message {
    switch self {
    case .cannotOpen(let file, let reason): Message(.historyCannotOpen, file, reason)
    case .notAHistory(let file, let reason): Message(.historyNotAHistory, file, reason)
    case .newerSchema(let file, let unknown): Message(.historyNewerSchema, file, unknown.joined(separator: ", "))
    case .roundExists(let round, let file): Message(.historyRoundExists, round, file)
    case .unknownRound(let round, let known):
      known.isEmpty
        ? Message(.historyUnknownRoundEmpty, round)
        : Message(.historyUnknownRound, round, known.joined(separator: ", "))
    case .invalidSnapshot(let round, let reason): Message(.historyInvalidSnapshot, round, reason)
    case .storage(let file, let reason): Message(.historyStorage, file, reason)
    }
  }

  /// The message in English.
  public var description: String { message.text(in: .en) }
}
