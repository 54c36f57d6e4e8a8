/// Escaping for HTML built by string concatenation: every text that comes from an
/// input file goes through one of these, wherever it lands.
enum HTML {
  /// Text content.
  static func text(_ value: String) -> String { XMLEscape.escape(value) }

  /// An attribute value in double quotes.
  static func attribute(_ value: String) -> String { XMLEscape.escape(value) }
}

/// The file name of a unit's page, portable and collision-free.
///
/// The id itself (`GX-NN-01.html`) when it is plainly safe everywhere: capital
/// ASCII letters, digits, `-` and `_`, at most 100 bytes, and not a name Windows
/// reserves (`CON`, `NUL`, `COM1` …). Any other id — with a small letter, so that
/// `ABC` and `abc` cannot meet on a case-insensitive disk, or with `../`, `/`,
/// Chinese … — gets its letters lowercased, other characters replaced by `_`, and
/// `~` with a 128-bit hash of the exact id appended (`abc~3f…e1.html`). Plain names
/// never contain `~`, so the two kinds never collide either.
public func unitPageName(_ id: String) -> String {
  let plain = id.unicodeScalars.allSatisfy { scalar in
    ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
  }
  if plain && !id.isEmpty && id.utf8.count <= 100 && !windowsReservedNames.contains(id) { return id + ".html" }
  let cleaned = String(
    String.UnicodeScalarView(
      id.lowercased().unicodeScalars.prefix(60).map { scalar in
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" ? scalar : "_"
      }))
  return cleaned + "~" + fnv1a(id, basis: 0xcbf2_9ce4_8422_2325) + fnv1a(id, basis: 0x6c62_272e_07bb_0142) + ".html"
}

/// Device names Windows reserves in any folder, whatever the extension.
private let windowsReservedNames: Set<String> = Set(
  ["CON", "PRN", "AUX", "NUL"] + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] })

/// FNV-1a over the UTF-8 bytes of `text` from `basis`, as 16 hexadecimal digits.
private func fnv1a(_ text: String, basis: UInt64) -> String {
  var hash = basis
  for byte in text.utf8 {
    hash ^= UInt64(byte)
    hash = hash &* 0x0000_0100_0000_01b3
  }
  let hex = String(hash, radix: 16)
  return String(repeating: "0", count: 16 - hex.count) + hex
}
