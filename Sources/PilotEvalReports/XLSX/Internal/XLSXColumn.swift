/// Column letters for A1-style cell references.
enum XLSXColumn {
  /// The letters of the 0-based column `index`: 0 is `A`, 25 `Z`, 26 `AA`, 16383 `XFD`.
  static func name(_ index: Int) -> String {
    precondition(index >= 0, "column index \(index) is negative")
    var remaining = index + 1
    var letters: [UInt8] = []
    while remaining > 0 {
      letters.append(UInt8(ascii: "A") + UInt8((remaining - 1) % 26))
      remaining = (remaining - 1) / 26
    }
    return String(decoding: letters.reversed(), as: UTF8.self)
  }
}
