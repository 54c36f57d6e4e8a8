/// A strict JSON parser for tests: RFC 8259 syntax, and an object that names a key twice is an error
/// (Foundation's parser keeps the last value silently). Values are returned as `Any` like Foundation's.
struct StrictJSON {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  private let bytes: [UInt8]
  private var position = 0

  /// Parses `text`; throws on a syntax error, trailing content, or a repeated key (naming its path).
  static func parse(_ text: String) throws -> Any {
    var parser = StrictJSON(bytes: Array(text.utf8))
    let value = try parser.value(path: "$")
    parser.skipSpace()
    guard parser.position == parser.bytes.count else { throw Failure(description: "trailing content") }
    return value
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  private mutating func skipSpace() {
    while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 }
  }

  private mutating func expect(_ byte: UInt8) throws {
    skipSpace()
    guard position < bytes.count, bytes[position] == byte else {
      throw Failure(description: "expected '\(Character(Unicode.Scalar(byte)))' at byte \(position)")
    }
    position += 1
  }

  private mutating func value(path: String) throws -> Any {
    skipSpace()
    guard position < bytes.count else { throw Failure(description: "unexpected end") }
    switch bytes[position] {
    case UInt8(ascii: "{"):
      position += 1
      var object: [String: Any] = [:]
      skipSpace()
      if bytes[position] == UInt8(ascii: "}") {
        position += 1
        return object
      }
      while true {
        skipSpace()
        let key = try string()
        guard object[key] == nil else { throw Failure(description: "repeated key \(path).\(key)") }
        try expect(UInt8(ascii: ":"))
        object[key] = try value(path: "\(path).\(key)")
        skipSpace()
        if bytes[position] == UInt8(ascii: ",") {
          position += 1
          continue
        }
        try expect(UInt8(ascii: "}"))
        return object
      }
    case UInt8(ascii: "["):
      position += 1
      var array: [Any] = []
      skipSpace()
      if bytes[position] == UInt8(ascii: "]") {
        position += 1
        return array
      }
      while true {
        array.append(try value(path: "\(path)[\(array.count)]"))
        skipSpace()
        if bytes[position] == UInt8(ascii: ",") {
          position += 1
          continue
        }
        try expect(UInt8(ascii: "]"))
        return array
      }
    case UInt8(ascii: "\""):
      return try string()
    default:
      return try scalar()
    }
  }

  private mutating func string() throws -> String {
    try expect(UInt8(ascii: "\""))
    var raw: [UInt8] = []
    while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
      if bytes[position] == UInt8(ascii: "\\") {
        raw.append(bytes[position])
        position += 1
      }
      guard position < bytes.count else { break }
      raw.append(bytes[position])
      position += 1
    }
    try expect(UInt8(ascii: "\""))
    // Escapes are kept as written: keys compared here are plain ASCII names.
    return String(decoding: raw, as: UTF8.self)
  }

  private mutating func scalar() throws -> Any {
    let start = position
    while position < bytes.count, !",]} \n\r\t".utf8.contains(bytes[position]) { position += 1 }
    let token = String(decoding: bytes[start..<position], as: UTF8.self)
    switch token {
    case "true": return true
    case "false": return false
    case "null": return Optional<Any>.none as Any
    default:
      guard let number = Double(token), number.isFinite else { throw Failure(description: "bad token \(token)") }
      return number
    }
  }
}
