/// A logged-in browser: its session row and the hash of its cookie's token.
struct WebSession: Sendable {
  let tokenHash: String
  let record: SessionRecord

  var principal: Principal { record.principal }

  /// 403 unless `token` is this session's CSRF token.
  func checkCSRF(_ token: String?) throws {
    guard let token, Self.equal(token, record.csrf) else { throw PortalFailure.csrf }
  }

  /// Compares in time independent of where the strings differ.
  static func equal(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for index in x.indices { difference |= x[index] ^ y[index] }
    return difference == 0
  }
}
