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

  /// A one-line message for the user.
  public var description: String {
    switch self {
    case .cannotOpen(let file, let reason):
      return "cannot open history file \(file): \(reason); check that its folder exists and is writable"
    case .notAHistory(let file, let reason):
      return "\(file) is not a PilotEval history (\(reason)); "
        + "pass the path of an existing history, or of a new file to start one"
    case .newerSchema(let file, let unknown):
      return "\(file) was written by a newer PilotEval (unknown schema changes: "
        + "\(unknown.joined(separator: ", "))); upgrade piloteval to read or write it"
    case .roundExists(let round, let file):
      return "round \(round) is already recorded in \(file); pass --replace to overwrite it"
    case .unknownRound(let round, let known):
      if known.isEmpty {
        return "round \(round) is not recorded: the history is empty; record a round first"
      }
      return "round \(round) is not recorded; recorded rounds: \(known.joined(separator: ", "))"
    case .invalidSnapshot(let round, let reason):
      return "round \(round) cannot be recorded: \(reason)"
    case .storage(let file, let reason):
      return "history file \(file) could not be read or written: \(reason)"
    }
  }
}
