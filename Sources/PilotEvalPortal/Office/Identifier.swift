/// Which ids may appear in an address: round and unit ids.
public enum Identifier {
  /// 1 to 128 characters; no whitespace, control characters, `/ ? # % \`.
  public static func isValid(_ id: String) -> Bool {
    guard (1...128).contains(id.count) else { return false }
    return id.unicodeScalars.allSatisfy { scalar in
      scalar.value > 0x20 && scalar.value != 0x7f && !"/?#%\\".unicodeScalars.contains(scalar)
        && !scalar.properties.isWhitespace
    }
  }
}
