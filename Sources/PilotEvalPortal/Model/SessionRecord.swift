/// A web session: a random token in an HttpOnly cookie, kept as its hash, with its CSRF token.
public struct SessionRecord: Sendable, Hashable {
  /// Whose session it is.
  public var principal: Principal
  /// The token every form of the session carries.
  public var csrf: String
  /// When it ends, seconds since 1970.
  public var expires: Int64

  /// Creates a session record.
  public init(principal: Principal, csrf: String, expires: Int64) {
    self.principal = principal
    self.csrf = csrf
    self.expires = expires
  }
}
