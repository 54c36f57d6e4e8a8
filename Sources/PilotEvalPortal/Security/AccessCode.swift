/// A secret that logs a person in: random, 192 bits, in base64url without padding (32 characters).
///
/// Shown once when issued; the portal keeps only `hash`, and finds a request's
/// code by hashing what it presents.
///
///     let code = AccessCode.generate()
///     print(code.text)            // e.g. "q3Xk…" (32 characters of A–Z a–z 0–9 - _)
///     store(code.hash)            // SHA-256, hex
public struct AccessCode: Sendable, Hashable {
  /// The code as given to its holder.
  public let text: String

  /// Random bytes per code.
  static let byteCount = 24

  /// A new code from the system's secure random source.
  public static func generate() -> AccessCode {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    return AccessCode(text: Base64URL.encode(bytes))
  }

  /// A code as presented by a request.
  public init(text: String) {
    self.text = text
  }

  /// What the store keeps and looks up: the SHA-256 of the code's UTF-8, in hex.
  public var hash: String { Self.hash(of: text) }

  /// The SHA-256 of `text`'s UTF-8, in hex.
  public static func hash(of text: String) -> String { SHA256.hex(Array(text.utf8)) }

  /// Whether `text` has the shape of a code (22 to 64 base64url characters); anything else is
  /// refused without a look-up.
  public static func isWellFormed(_ text: String) -> Bool {
    (22...64).contains(text.utf8.count) && text.utf8.allSatisfy(Base64URL.isAlphabet)
  }
}
