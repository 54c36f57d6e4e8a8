extension Chart {
  /// Text widths estimated without a font: CJK and other wide characters take one em, the rest about 0.6 em.
  enum TextMetrics {
    /// The estimated width of `text` at `fontSize`.
    static func width(_ text: String, fontSize: Double) -> Double {
      text.unicodeScalars.reduce(0) { width, scalar in width + (isWide(scalar) ? 1 : 0.6) } * fontSize
    }

    /// `text`, cut and ended with `…` so that it fits `width`.
    static func fitted(_ text: String, width: Double, fontSize: Double) -> String {
      guard self.width(text, fontSize: fontSize) > width else { return text }
      var result = ""
      var used = 0.6 * fontSize
      for character in text {
        let extra = self.width(String(character), fontSize: fontSize)
        if used + extra > width { break }
        used += extra
        result.append(character)
      }
      return result + "…"
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
      let value = scalar.value
      return (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
        || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
        || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
        || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1FAFF).contains(value)
        || (0x20000...0x3FFFD).contains(value)
    }
  }
}
