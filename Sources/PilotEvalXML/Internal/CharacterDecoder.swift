internal import CLibXML2

/// One of libxml2's own character converters (iconv or built in), owned for one
/// decoding: text in the document's encoding → UTF-8, exactly as the parser will
/// decode it.
final class CharacterDecoder {
  private let handler: xmlCharEncodingHandlerPtr

  /// The converter libxml2 uses for the encoding named `name`; `nil` when it has none
  /// (the parser then refuses the document itself).
  init?(named name: String) {
    guard let handler = xmlFindCharEncodingHandler(name) else { return nil }
    self.handler = handler
  }

  /// The converter libxml2 picks for a document whose first bytes it detects as `family`.
  init?(detected family: DetectedFamily) {
    let encoding: xmlCharEncoding
    switch family {
    case .ebcdic: encoding = XML_CHAR_ENCODING_EBCDIC
    case .ucs4LittleEndian: encoding = XML_CHAR_ENCODING_UCS4LE
    case .ucs4BigEndian: encoding = XML_CHAR_ENCODING_UCS4BE
    case .ascii, .utf16LittleEndian, .utf16BigEndian: return nil
    }
    guard let handler = xmlGetCharEncodingHandler(encoding) else { return nil }
    self.handler = handler
  }

  deinit { xmlCharEncCloseFunc(handler) }

  /// `bytes` decoded to UTF-8, in chunks of at most `chunk` input bytes; on bytes the
  /// encoding cannot decode, what was decoded before them (the parser reads that far too).
  /// The result is at most about 3 × `bytes.count` long.
  func decode(_ bytes: UnsafeRawBufferPointer, chunk: Int = 64 * 1024) -> [UInt8] {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
    // Undecodable bytes are reported by the parser itself, located; not here.
    return LibXML.silencingThreadErrors { decode(base, count: bytes.count, chunk: chunk) }
  }

  private func decode(_ base: UnsafeRawPointer, count: Int, chunk: Int) -> [UInt8] {
    guard let input = xmlBufferCreate(), let output = xmlBufferCreate() else { return [] }
    defer {
      xmlBufferFree(input)
      xmlBufferFree(output)
    }
    var decoded: [UInt8] = []
    decoded.reserveCapacity(count)
    var offset = 0
    while true {
      if offset < count {
        let length = min(chunk, count - offset)
        let start = base.assumingMemoryBound(to: xmlChar.self) + offset
        guard xmlBufferAdd(input, start, Int32(length)) == 0 else { break }
        offset += length
      }
      let before = xmlBufferLength(input)
      guard before > 0 else { break }
      // Converts what fits; the rest (or a partial character) stays in `input`.
      let status = xmlCharEncInFunc(handler, output, input)
      let produced = Int(xmlBufferLength(output))
      if produced > 0, let content = xmlBufferContent(output) {
        decoded.append(contentsOf: UnsafeBufferPointer(start: content, count: produced))
        xmlBufferEmpty(output)
      }
      // -2: bytes the encoding cannot decode; other negatives but -3 (output full, partial character): errors.
      if status == -2 || (status < 0 && status != -3) { break }
      if xmlBufferLength(input) == before && (offset >= count || before > 64) { break }
    }
    return decoded
  }
}

/// The encoding family libxml2 detects from a document's first four bytes.
enum DetectedFamily {
  /// UTF-8 or another ASCII-compatible encoding (decided by the declaration).
  case ascii
  case utf16LittleEndian
  case utf16BigEndian
  case ucs4LittleEndian
  case ucs4BigEndian
  /// EBCDIC: `<?xm` is `4C 6F A7 94`.
  case ebcdic

  /// The family of `bytes`, as `xmlDetectCharEncoding` sees it.
  init(_ bytes: UnsafeRawBufferPointer) {
    guard bytes.count >= 4, let base = bytes.baseAddress else {
      self = .ascii
      return
    }
    switch xmlDetectCharEncoding(base.assumingMemoryBound(to: UInt8.self), 4) {
    case XML_CHAR_ENCODING_UTF16LE: self = .utf16LittleEndian
    case XML_CHAR_ENCODING_UTF16BE: self = .utf16BigEndian
    case XML_CHAR_ENCODING_UCS4LE: self = .ucs4LittleEndian
    case XML_CHAR_ENCODING_UCS4BE: self = .ucs4BigEndian
    case XML_CHAR_ENCODING_EBCDIC: self = .ebcdic
    default: self = .ascii
    }
  }
}
