internal import CLibXML2
import PilotEvalCore

/// libxml2's errors as users meet them, each said once in their language with the fix.
///
/// libxml2's own text stays on the diagnostic (`raw`) for the cases not mapped here.
enum ParserErrors {
  /// What the first bytes say the file is, when it is clearly not XML: a ZIP archive (a
  /// Word or Excel file saved under an .xml name), a PDF, or UTF-32 text.
  static func signature(_ bytes: UnsafeRawBufferPointer) -> Message? {
    guard bytes.count >= 4 else { return nil }
    let head = (bytes[0], bytes[1], bytes[2], bytes[3])
    if head == (0x50, 0x4B, 0x03, 0x04) {
      let window = UnsafeRawBufferPointer(rebasing: bytes[..<min(bytes.count, 1 << 16)])
      if contains(window, "word/") { return Message(.xmlWordDocument) }
      if contains(window, "xl/") { return Message(.xmlSpreadsheet) }
      return Message(.xmlZipArchive)
    }
    if head == (0x25, 0x50, 0x44, 0x46) { return Message(.xmlPDF) }
    // UTF-32 with or without a byte-order mark: '<' or the mark with three zero bytes.
    if head == (0x00, 0x00, 0xFE, 0xFF) || head == (0xFF, 0xFE, 0x00, 0x00) || head == (0x3C, 0x00, 0x00, 0x00)
      || head == (0x00, 0x00, 0x00, 0x3C)
    {
      return Message(.xmlUTF32)
    }
    return nil
  }

  /// Whether `error` concerns the file's encoding: after one such error libxml2 reports a
  /// cascade of follow-on errors about the same bytes, which are dropped.
  static func isEncoding(_ error: xmlError) -> Bool {
    let code = Int(error.code)
    return code == Int(XML_ERR_INVALID_ENCODING.rawValue) || code == Int(XML_ERR_INVALID_CHAR.rawValue)
      || code == Int(XML_ERR_UNKNOWN_ENCODING.rawValue) || code == Int(XML_ERR_UNSUPPORTED_ENCODING.rawValue)
      || error.domain == Int32(XML_FROM_I18N.rawValue) || (6000...6099).contains(code)
  }

  /// The message for one libxml2 error in a document whose bytes are `bytes`.
  static func message(for error: xmlError, raw: String, bytes: UnsafeRawBufferPointer) -> Message {
    let code = Int(error.code)
    let first = string(error.str1)
    switch code {
    case Int(XML_ERR_UNKNOWN_ENCODING.rawValue), Int(XML_ERR_UNSUPPORTED_ENCODING.rawValue):
      return Message(.xmlEncodingUnsupported, first ?? declaredEncoding(bytes) ?? "?")
    case _ where isEncoding(error):
      let declared = declaredEncoding(bytes) ?? "UTF-8"
      if Encodings.isGB18030(bytes) && !Encodings.isUTF8(bytes) {
        return Message(.xmlEncodingGB18030, declared)
      }
      return Message(.xmlEncodingInvalid, declared)
    case Int(XML_ERR_NAME_REQUIRED.rawValue) where raw.contains("EntityRef"),
      Int(XML_ERR_ENTITYREF_SEMICOL_MISSING.rawValue):
      return Message(.xmlBareAmpersand)
    case Int(XML_ERR_UNDECLARED_ENTITY.rawValue), Int(XML_WAR_UNDECLARED_ENTITY.rawValue):
      return Message(.xmlUnknownEntity, first ?? "")
    case Int(XML_ERR_LT_IN_ATTRIBUTE.rawValue):
      return Message(.xmlLessThanInAttribute)
    case Int(XML_ERR_ATTRIBUTE_NOT_STARTED.rawValue), Int(XML_ERR_ATTRIBUTE_WITHOUT_VALUE.rawValue):
      return Message(.xmlAttributeUnquoted)
    case Int(XML_ERR_ATTRIBUTE_REDEFINED.rawValue):
      return Message(.xmlAttributeRepeated, first ?? "")
    case Int(XML_ERR_TAG_NAME_MISMATCH.rawValue):
      return Message(.xmlTagMismatch, string(error.str2) ?? "", String(error.int1), first ?? "")
    case Int(XML_ERR_TAG_NOT_FINISHED.rawValue):
      return Message(.xmlUnclosed, first ?? "", String(error.int1))
    case Int(XML_ERR_DOCUMENT_END.rawValue):
      return Message(.xmlExtraContent)
    case Int(XML_ERR_DOCUMENT_EMPTY.rawValue):
      return bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        ? Message(.xmlEmpty) : Message(.xmlNotXML)
    case Int(XML_ERR_INTERNAL_ERROR.rawValue) where raw.contains("depth"):
      return Message(.xmlTooDeep, String(maximumDepth))
    default:
      return Message(.xmlUnmapped, raw)
    }
  }

  /// One message per fact: libxml2 reports a file cut short as a run of errors at its last
  /// byte ending in "premature end", and often restates a mapped error in its own words at
  /// the same place; only the explaining message is kept.
  static func oneFactEach(_ errors: [Diagnostic]) -> [Diagnostic] {
    var result = errors
    if let end = errors.last(where: { $0.content.key == .xmlUnclosed }) {
      result.removeAll { $0 != end && $0.line == end.line && $0.column == end.column }
    }
    // A document left open by an earlier error (a mismatched tag) ends "prematurely" as a consequence.
    if result.contains(where: { $0.content.key != .xmlUnclosed }) {
      result.removeAll { $0.content.key == .xmlUnclosed }
    }
    let explained = Set(result.filter { $0.content.key != .xmlUnmapped }.map { [$0.line, $0.column ?? 0] })
    return result.filter { $0.content.key != .xmlUnmapped || !explained.contains([$0.line, $0.column ?? 0]) }
  }

  /// libxml2's nesting limit without XML_PARSE_HUGE.
  static let maximumDepth = 256

  /// The encoding the XML declaration names, if any.
  static func declaredEncoding(_ bytes: UnsafeRawBufferPointer) -> String? {
    let head = String(decoding: bytes.prefix(200), as: UTF8.self)
    guard head.hasPrefix("<?xml"), let end = head.range(of: "?>") else { return nil }
    let declaration = head[..<end.lowerBound]
    guard let name = declaration.range(of: "encoding") else { return nil }
    let rest = declaration[name.upperBound...].drop { $0 == " " || $0 == "=" }
    guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
    return String(rest.dropFirst().prefix { $0 != quote })
  }

  private static func string(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
    pointer.map { String(cString: $0) }
  }

  private static func contains(_ bytes: UnsafeRawBufferPointer, _ needle: String) -> Bool {
    let pattern = Array(needle.utf8)
    guard bytes.count >= pattern.count else { return false }
    for start in 0...(bytes.count - pattern.count) where bytes[start] == pattern[0] {
      if (1..<pattern.count).allSatisfy({ bytes[start + $0] == pattern[$0] }) { return true }
    }
    return false
  }
}

/// Byte-level checks of a file's encoding.
enum Encodings {
  /// Whether `bytes` are well-formed UTF-8.
  static func isUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue: continue
      case .emptyInput: return true
      case .error: return false
      }
    }
  }

  /// Whether `bytes` are well-formed GB18030 (of which GBK is a part) with at least one
  /// character outside ASCII.
  static func isGB18030(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var index = 0
    var multibyte = false
    let count = bytes.count
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      guard (0x81...0xFE).contains(lead), index + 1 < count else { return false }
      let second = bytes[index + 1]
      if (0x40...0x7E).contains(second) || (0x80...0xFE).contains(second) {
        index += 2
      } else if (0x30...0x39).contains(second), index + 3 < count, (0x81...0xFE).contains(bytes[index + 2]),
        (0x30...0x39).contains(bytes[index + 3])
      {
        index += 4
      } else {
        return false
      }
      multibyte = true
    }
    return multibyte
  }
}
