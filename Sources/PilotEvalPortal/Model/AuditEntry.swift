/// One line of the audit log.
public struct AuditEntry: Sendable, Hashable {
  /// When, ISO-8601 with offset.
  public var at: String
  /// Who (`unit:GX-01`, `office`, `anonymous`, `cli`).
  public var actor: String
  /// What (`login`, `upload`, `download`, `close`, `export`, `open-round` …).
  public var action: String
  /// The round concerned, if any.
  public var round: String?
  /// The unit concerned, if any.
  public var unit: String?
  /// The HTTP status answered (0 for CLI actions).
  public var status: Int
  /// The client's address, as the server sees it.
  public var address: String
  /// Free detail (version, sha256 …).
  public var detail: String

  /// Creates an audit entry.
  public init(
    at: String, actor: String, action: String, round: String? = nil, unit: String? = nil, status: Int = 0,
    address: String = "", detail: String = ""
  ) {
    self.at = at
    self.actor = actor
    self.action = action
    self.round = round
    self.unit = unit
    self.status = status
    self.address = address
    self.detail = detail
  }
}
