/// File names made from ids for the export: safe on every file system and distinct even where
/// ids differ only in case.
///
/// An id made only of `A–Z a–z 0–9 - _`, not a reserved device name and not equal, ignoring
/// case, to another such id, is used as it is. Any other id keeps its safe characters (others
/// become `_`) and gets `~` and 12 hex digits of its SHA-256: `~` never occurs in an unchanged
/// name, so the two kinds cannot meet.
enum ExportName {
  private static let reserved: Set<String> = {
    var names: Set<String> = ["con", "prn", "aux", "nul"]
    for digit in 1...9 {
      names.insert("com\(digit)")
      names.insert("lpt\(digit)")
    }
    return names
  }()

  /// A name for each id.
  static func names(for ids: [String]) -> [String: String] {
    let safe = Dictionary(ids.map { ($0, sanitized($0)) }, uniquingKeysWith: { first, _ in first })
    let candidates = safe.filter { id, name in name == id && !name.isEmpty && !reserved.contains(name.lowercased()) }
    var folded: [String: Int] = [:]
    for name in candidates.values { folded[name.lowercased(), default: 0] += 1 }
    var names: [String: String] = [:]
    for (id, name) in safe {
      let plain = candidates[id] != nil && folded[name.lowercased()] == 1
      names[id] = plain ? name : name + "~" + String(SHA256.hex(Array(id.utf8)).prefix(12))
    }
    return names
  }

  private static func sanitized(_ id: String) -> String {
    String(
      id.unicodeScalars.prefix(64).map { scalar -> Character in
        let value = scalar.value
        let keep =
          (0x41...0x5a).contains(value) || (0x61...0x7a).contains(value) || (0x30...0x39).contains(value)
          || value == 0x2d || value == 0x5f
        return keep ? Character(scalar) : "_"
      })
  }
}
