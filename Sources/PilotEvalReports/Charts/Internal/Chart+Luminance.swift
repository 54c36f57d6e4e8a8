extension Chart {
  /// About the relative luminance (0 black … 1 white) of a `#RRGGBB` colour, or nil for any other form; the
  /// exponent 2.5 stands in for sRGB's 2.4, close enough to pick a text colour.
  static func luminance(_ color: String) -> Double? {
    let digits = Array(color.utf8.dropFirst())
    guard color.hasPrefix("#"), digits.count == 6,
      let value = Int(String(decoding: digits, as: UTF8.self), radix: 16)
    else { return nil }
    func linear(_ channel: Int) -> Double {
      let c = Double(channel) / 255
      let a = (c + 0.055) / 1.055
      return c <= 0.040_45 ? c / 12.92 : a * a * a.squareRoot()
    }
    return 0.2126 * linear(value >> 16 & 0xFF) + 0.7152 * linear(value >> 8 & 0xFF) + 0.0722 * linear(value & 0xFF)
  }
}
