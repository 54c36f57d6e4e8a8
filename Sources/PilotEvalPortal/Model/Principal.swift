/// Who holds an access code.
public enum Role: String, Sendable, Hashable, Codable {
  /// The programme office: everything.
  case office
  /// A pilot unit, in one round.
  case unit
  /// An expert reviewer, in one round.
  case reviewer
  /// Leadership: published reports only.
  case leader
}

/// The holder of a valid access code or session.
public struct Principal: Sendable, Hashable {
  /// What they may do.
  public var role: Role
  /// Their id (unit id, reviewer id …); "office" for the office.
  public var subject: String
  /// The round the code belongs to (units, reviewers); nil for the office.
  public var round: String?

  /// Creates a principal.
  public init(role: Role, subject: String, round: String?) {
    self.role = role
    self.subject = subject
    self.round = round
  }
}
