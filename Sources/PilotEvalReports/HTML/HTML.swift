/// Escaping for HTML built by string concatenation: every text that comes from an
/// input file goes through one of these, wherever it lands.
enum HTML {
  /// Text content.
  static func text(_ value: String) -> String { XMLEscape.escape(value) }

  /// An attribute value in double quotes.
  static func attribute(_ value: String) -> String { XMLEscape.escape(value) }
}

/// The file name of a unit's page: the id itself when it is plainly safe, otherwise
/// the id with unsafe characters replaced and a hash of the original appended, so
/// `../x`, `a/b` and `a_b` can never escape the folder or collide.
public func unitPageName(_ id: String) -> String {
  let safe = id.unicodeScalars.allSatisfy { scalar in
    (scalar.value < 128 && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))) || scalar == "-"
      || scalar == "_"
  }
  if safe && !id.isEmpty && id.utf8.count <= 100 { return id + ".html" }
  let cleaned = String(
    String.UnicodeScalarView(
      id.unicodeScalars.prefix(60).map { scalar in
        scalar.value < 128 && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) ? scalar : "_"
      }))
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in id.utf8 {
    hash ^= UInt64(byte)
    hash = hash &* 0x0000_0100_0000_01b3
  }
  let hex = String(hash, radix: 16)
  return cleaned + "-" + String(repeating: "0", count: 16 - hex.count) + hex + ".html"
}
