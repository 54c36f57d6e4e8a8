import PilotEvalXML

/// How a portal behaves: limits, throttling, proxies.
public struct PortalConfiguration: Sendable {
  /// Largest accepted upload, in bytes (the CLI's limit, 4 MiB).
  public var sizeLimit: Int = FileInput.defaultSizeLimit
  /// Requests one code may make per minute before 429.
  public var requestsPerCodePerMinute: Int = 600
  /// Failed logins for one unit id within `failureWindow` before 429.
  public var failedLoginsPerID: Int = 5
  /// Failed authentications from one address within `failureWindow` before 429; nil: not counted.
  public var failuresPerAddress: Int?
  /// The window for failures, in seconds.
  public var failureWindow: Int = 900
  /// Whether `X-Forwarded-For`/`X-Forwarded-Proto` are believed (behind a reverse proxy).
  public var trustProxy: Bool = false
  /// Validations running at once.
  public var validationWidth: Int = 2
  /// Offset of the times the portal writes and shows, in seconds (default +08:00).
  public var offsetSeconds: Int = 8 * 3600
  /// How long a web session lasts, in seconds.
  public var sessionLifetime: Int = 8 * 3600
  /// Publishes a round from the office's page; `nil` (a server without it) shows the command
  /// to use instead. `piloteval serve` sets the command line's own.
  public var publisher: (any RoundPublisher)?

  /// The defaults.
  public init() {}
}
