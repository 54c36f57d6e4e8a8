/// Decides, from a document's first bytes, whether the attribute pre-scan must
/// read a decoded copy: libxml2 detects a family from the first four bytes and
/// then switches to the encoding the XML declaration names (SPEC v1.1 §2: the
/// 256-attribute bound holds in every encoding libxml2 reads).
enum EncodingSniffer {
  /// Declared encodings whose bytes below 0x80 are always the ASCII characters they
  /// look like (multi-byte characters use only bytes ≥ 0x40 after a lead ≥ 0x80, or
  /// digits): the scan of the raw bytes is exact for them.
  static let asciiTransparent: Set<String> = [
    "UTF-8", "UTF8", "US-ASCII", "ASCII", "GBK", "GB2312", "GB18030", "CP936", "BIG5", "BIG5-HKSCS", "EUC-CN",
    "EUC-JP", "EUC-KR", "SHIFT_JIS", "SHIFT-JIS", "SJIS", "CP932", "WINDOWS-31J",
  ]

  /// The converter whose UTF-8 output must be scanned, or `nil` when the scan of
  /// the bytes as written already sees what libxml2 will parse.
  static func decoderForScan(_ bytes: UnsafeRawBufferPointer) -> CharacterDecoder? {
    let family = DetectedFamily(bytes)
    let declared = declaredEncoding(bytes, family: family)?.uppercased()
    switch family {
    case .ascii:
      guard let declared, !isTransparent(declared) else { return nil }
      return CharacterDecoder(named: declared)
    case .utf16LittleEndian, .utf16BigEndian:
      guard let declared, !declared.hasPrefix("UTF-16"), declared != "UTF16" else { return nil }
      return CharacterDecoder(named: declared)
    case .ebcdic, .ucs4LittleEndian, .ucs4BigEndian:
      if let declared, let decoder = CharacterDecoder(named: declared) { return decoder }
      return CharacterDecoder(detected: family)
    }
  }

  private static func isTransparent(_ name: String) -> Bool {
    asciiTransparent.contains(name) || name.hasPrefix("ISO-8859-") || name.hasPrefix("ISO8859-")
      || name.hasPrefix("WINDOWS-125") || name.hasPrefix("CP125") || name == "LATIN1" || name == "ISO-LATIN-1"
  }

  /// The `encoding` of the XML declaration, read in the detected family's view of the first bytes.
  static func declaredEncoding(_ bytes: UnsafeRawBufferPointer, family: DetectedFamily) -> String? {
    let head = UnsafeRawBufferPointer(rebasing: bytes.prefix(1024))
    let view: [UInt8]
    switch family {
    case .ascii:
      view = Array(head)
    case .utf16LittleEndian, .utf16BigEndian:
      let little = family == .utf16LittleEndian
      view = stride(from: 0, to: head.count - 1, by: 2).map { index in
        let (low, high) = little ? (head[index], head[index + 1]) : (head[index + 1], head[index])
        return high == 0 && low < 0x80 ? low : 0x80
      }
    case .ebcdic, .ucs4LittleEndian, .ucs4BigEndian:
      guard let decoder = CharacterDecoder(detected: family) else { return nil }
      view = decoder.decode(head)
    }
    return encodingPseudoAttribute(view)
  }

  /// The value of `encoding="…"` in the `<?xml … ?>` declaration at the start of `text` (after a BOM).
  ///
  /// Searched with plain loops over the bytes: Foundation's generic `firstRange(of:)` cost
  /// 15% of a batch's instructions here (this runs on every file).
  static func encodingPseudoAttribute(_ text: [UInt8]) -> String? {
    text.withUnsafeBufferPointer { encodingPseudoAttribute(in: $0) }
  }

  private static func encodingPseudoAttribute(in text: UnsafeBufferPointer<UInt8>) -> String? {
    var start = 0
    if starts(text, at: 0, with: [0xEF, 0xBB, 0xBF]) { start = 3 }
    guard starts(text, at: start, with: declarationStart),
      let end = firstIndex(of: declarationEnd, in: text, from: start, to: text.count),
      let key = firstIndex(of: encodingName, in: text, from: start, to: end)
    else { return nil }
    var index = key + encodingName.count
    func skipSpace() {
      while index < end, [0x20, 0x09, 0x0A, 0x0D].contains(text[index]) { index += 1 }
    }
    skipSpace()
    guard index < end, text[index] == UInt8(ascii: "=") else { return nil }
    index += 1
    skipSpace()
    guard index < end, text[index] == UInt8(ascii: "\"") || text[index] == UInt8(ascii: "'") else { return nil }
    let quote = text[index]
    index += 1
    var close = index
    while close < end, text[close] != quote { close += 1 }
    guard close < end else { return nil }
    let name = String(decoding: UnsafeBufferPointer(rebasing: text[index..<close]), as: UTF8.self)
    return name.isEmpty || name.count > 64 ? nil : name
  }

  private static let declarationStart = Array("<?xml".utf8)
  private static let declarationEnd = Array("?>".utf8)
  private static let encodingName = Array("encoding".utf8)

  /// Whether `text` holds `prefix` at `position`.
  private static func starts(_ text: UnsafeBufferPointer<UInt8>, at position: Int, with prefix: [UInt8]) -> Bool {
    guard position + prefix.count <= text.count else { return false }
    for offset in 0..<prefix.count where text[position + offset] != prefix[offset] { return false }
    return true
  }

  /// The first position in `start..<end` where `needle` begins and ends before `end`.
  private static func firstIndex(
    of needle: [UInt8], in text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
  ) -> Int? {
    var position = start
    while position + needle.count <= end {
      if starts(text, at: position, with: needle) { return position }
      position += 1
    }
    return nil
  }
}
