public import PilotEvalCore

/// Publishes a round: scores, analyses and reports it exactly as `piloteval report` does on the
/// round's export (and records it into a history database when one is configured), stores the
/// report and makes the round read-only.
///
/// The command-line program provides it (it owns `report` and `record`), and `piloteval serve`
/// hands it to the server, so that the office's publish page and `portal publish` run the very
/// same code.
public protocol RoundPublisher: Sendable {
  /// Publishes `round` with `options`, the analysis options exactly as on the command line
  /// (`["--draws", "200", "--seed", "7"]`). Returns the number of report files stored. Throws
  /// `PublishRefusal` with a message for the office when it refuses (a wrong option, a wrong
  /// phase, a round already in the history).
  func publish(round: String, options: [String]) async throws -> Int
}

/// Why publishing was refused, said to the office in its language.
public struct PublishRefusal: Error, Sendable {
  /// What is wrong and what to do.
  public var message: Message
  /// Whether an option was wrong (the form is shown again), rather than the round's state.
  public var isOptionError: Bool

  /// A refusal.
  public init(_ message: Message, optionError: Bool = false) {
    self.message = message
    isOptionError = optionError
  }
}
