import PilotEvalCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A linear pass over a document's bytes, before libxml2 sees them, that refuses
/// shapes no real submission has but that make libxml2 2.9 slow: its duplicate
/// attribute check is quadratic, so one element with 200,000 attributes in a
/// 2 MB file takes minutes, and no callback runs before that work is done.
///
/// The scan understands just enough XML to count attributes per start tag:
/// comments, CDATA sections, processing instructions and declarations are
/// skipped, quoted values are opaque. It reads UTF-8 and other ASCII-based
/// encodings as they are; UTF-16 is first folded to one byte per code unit
/// (ASCII kept, everything else a neutral byte); any other encoding is decoded
/// to UTF-8 first with libxml2's converters (`EncodingSniffer`). A malformed
/// document passes the scan and is left for the parser to report.
enum PreScan {
  /// The most attributes (namespace declarations included) one element may carry.
  static let maximumAttributes = 256

  /// A problem found, with its line, or `nil` when the bytes may be parsed.
  ///
  /// The bytes are scanned as they are (UTF-16 folded); when the document is in an
  /// encoding whose bytes are not ASCII where its characters are (EBCDIC, UCS-4,
  /// UTF-7, ISO-2022 …, or any encoding a UTF-16 document switches to), its text
  /// decoded to UTF-8 by libxml2's own converter is scanned as well.
  static func check(_ bytes: UnsafeRawBufferPointer) -> Diagnostic? {
    if let problem = checkAsWritten(bytes) { return problem }
    guard let decoder = EncodingSniffer.decoderForScan(bytes) else { return nil }
    let decoded = decoder.decode(bytes)
    return decoded.withUnsafeBytes { scan($0) }
  }

  /// The scan of the bytes as written, UTF-16 folded to one byte per code unit.
  private static func checkAsWritten(_ bytes: UnsafeRawBufferPointer) -> Diagnostic? {
    guard bytes.count >= 2 else { return nil }
    let (first, second) = (bytes[0], bytes[1])
    let littleEndian = (first == 0xFF && second == 0xFE) || (first == 0x3C && second == 0x00)
    let bigEndian = (first == 0xFE && second == 0xFF) || (first == 0x00 && second == 0x3C)
    guard littleEndian || bigEndian else { return scan(bytes) }
    let folded = stride(from: 0, to: bytes.count - 1, by: 2).map { index -> UInt8 in
      let (low, high) = littleEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
      return high == 0 && low < 0x80 ? low : 0x80
    }
    return folded.withUnsafeBytes { scan($0) }
  }

  private static func scan(_ bytes: UnsafeRawBufferPointer) -> Diagnostic? {
    // An element has no more attributes than the document has `=` signs: most documents
    // have fewer than the limit, and counting them is much cheaper than the scan.
    guard count(UInt8(ascii: "="), in: bytes, exceeds: maximumAttributes) else { return nil }
    guard let start = bytes.baseAddress else { return nil }
    let end = start + bytes.count
    var cursor = start
    while cursor < end {
      guard let open = memchr(cursor, Int32(UInt8(ascii: "<")), end - cursor) else { return nil }
      let tag = UnsafeRawPointer(open)
      cursor = tag + 1
      guard cursor < end else { return nil }
      switch cursor.load(as: UInt8.self) {
      case UInt8(ascii: "?"):
        cursor = after("?>", from: cursor, end: end)
      case UInt8(ascii: "!"):
        if matches("!--", at: cursor, end: end) {
          cursor = after("-->", from: cursor + 3, end: end)
        } else if matches("![CDATA[", at: cursor, end: end) {
          cursor = after("]]>", from: cursor, end: end)
        } else {
          cursor = after(">", from: cursor, end: end)
        }
      case UInt8(ascii: "/"):
        cursor = after(">", from: cursor, end: end)
      default:
        var attributes = 0
        while cursor < end {
          let byte = cursor.load(as: UInt8.self)
          cursor += 1
          if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            cursor = after(byte, from: cursor, end: end)
          } else if byte == UInt8(ascii: "=") {
            attributes += 1
            if attributes > maximumAttributes { return tooManyAttributes(line: line(of: tag, from: start)) }
          } else if byte == UInt8(ascii: ">") {
            break
          }
        }
      }
    }
    return nil
  }

  /// Whether `byte` occurs more than `limit` times in `bytes` (found with `memchr`, which
  /// skips the bytes between two occurrences many at a time).
  static func count(_ byte: UInt8, in bytes: UnsafeRawBufferPointer, exceeds limit: Int) -> Bool {
    guard let start = bytes.baseAddress else { return limit < 0 }
    let end = start + bytes.count
    var cursor = start
    var found = 0
    while cursor < end, let hit = memchr(cursor, Int32(byte), end - cursor) {
      found += 1
      if found > limit { return true }
      cursor = UnsafeRawPointer(hit) + 1
    }
    return found > limit
  }

  private static func tooManyAttributes(line: Int) -> Diagnostic {
    .error(Message(.inputTooManyAttributes, String(maximumAttributes)), line: line)
  }

  /// The 1-based line of `position`.
  private static func line(of position: UnsafeRawPointer, from start: UnsafeRawPointer) -> Int {
    UnsafeRawBufferPointer(start: start, count: position - start).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
  }

  private static func matches(_ text: StaticString, at position: UnsafeRawPointer, end: UnsafeRawPointer) -> Bool {
    text.utf8CodeUnitCount <= end - position
      && memcmp(position, text.utf8Start, text.utf8CodeUnitCount) == 0
  }

  /// Just past the first `text` at or after `position`, or `end`.
  private static func after(
    _ text: StaticString, from position: UnsafeRawPointer, end: UnsafeRawPointer
  )
    -> UnsafeRawPointer
  {
    var cursor = position
    while cursor < end, let found = memchr(cursor, Int32(text.utf8Start.pointee), end - cursor) {
      let candidate = UnsafeRawPointer(found)
      if matches(text, at: candidate, end: end) { return candidate + text.utf8CodeUnitCount }
      cursor = candidate + 1
    }
    return end
  }

  /// Just past the first `byte` at or after `position`, or `end`.
  private static func after(
    _ byte: UInt8, from position: UnsafeRawPointer, end: UnsafeRawPointer
  )
    -> UnsafeRawPointer
  {
    guard position < end, let found = memchr(position, Int32(byte), end - position) else { return end }
    return UnsafeRawPointer(found) + 1
  }
}
