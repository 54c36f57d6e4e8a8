/// Writes compact JSON straight into UTF-8 bytes, keys in the order written, so
/// output is byte-for-byte deterministic and a large result never exists as a
/// tree of values.
///
///     var json = JSONWriter()
///     json.beginObject()
///     json.field("unit", "GX-NN-01")
///     json.field("score", 87.5)
///     json.endObject()
///     // {"unit":"GX-NN-01","score":87.5}
public struct JSONWriter: Sendable {
  /// The text written so far.
  public private(set) var bytes: [UInt8] = []
  private var needsComma = false

  /// Creates an empty writer, with room for `capacity` bytes before it grows.
  public init(capacity: Int = 0) {
    bytes.reserveCapacity(capacity)
  }

  /// Forgets what was written, keeping the storage.
  public mutating func reset() {
    bytes.removeAll(keepingCapacity: true)
    needsComma = false
  }

  /// Appends raw text (a separator between values written elsewhere).
  public mutating func raw(_ text: String) {
    bytes.append(contentsOf: text.utf8)
    needsComma = false
  }

  // MARK: - Containers

  /// Opens an object; its members follow, then `endObject()`.
  public mutating func beginObject() {
    separate()
    bytes.append(UInt8(ascii: "{"))
    needsComma = false
  }

  /// Closes the innermost object.
  public mutating func endObject() {
    bytes.append(UInt8(ascii: "}"))
    needsComma = true
  }

  /// Opens an array; its elements follow, then `endArray()`.
  public mutating func beginArray() {
    separate()
    bytes.append(UInt8(ascii: "["))
    needsComma = false
  }

  /// Closes the innermost array.
  public mutating func endArray() {
    bytes.append(UInt8(ascii: "]"))
    needsComma = true
  }

  /// A member's key; the value written next belongs to it. Keys are literals
  /// written by this project, so they need no escaping.
  public mutating func key(_ name: StaticString) {
    separate()
    bytes.append(UInt8(ascii: "\""))
    name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(UInt8(ascii: "\""))
    bytes.append(UInt8(ascii: ":"))
    needsComma = false
  }

  /// A member's key that comes from data (a tier id, say), escaped as any string.
  public mutating func key(dynamic name: String) {
    separate()
    writeString(name)
    bytes.append(UInt8(ascii: ":"))
    needsComma = false
  }

  // MARK: - Values

  /// A string value.
  public mutating func value(_ text: String) {
    separate()
    writeString(text)
    needsComma = true
  }

  /// A string value, or `null`.
  public mutating func value(_ text: String?) {
    if let text { value(text) } else { literal("null") }
  }

  /// A number; NaN and infinities become `null`, whole numbers keep one decimal (`90.0`).
  ///
  /// Written in its shortest round-trip form. Scores are mostly short decimals,
  /// so those take a fast path; anything else uses Swift's own shortest form.
  public mutating func value(_ number: Double) {
    guard number.isFinite else { return literal("null") }
    separate()
    needsComma = true
    if Swift.abs(number) < 1e9 {
      let scaled = (number * 1_000_000).rounded()
      if scaled / 1_000_000 == number {
        // Below 1e9 two multiples of 1e-6 never share a double, so this is the shortest form.
        var micro = Int64(scaled)
        if micro < 0 || (micro == 0 && number.sign == .minus) {
          if micro != 0 { bytes.append(UInt8(ascii: "-")) }
          micro = -micro
        }
        appendDigits(micro / 1_000_000)
        bytes.append(UInt8(ascii: "."))
        var fraction = micro % 1_000_000
        if fraction == 0 { return bytes.append(UInt8(ascii: "0")) }
        var width = 6
        while fraction % 10 == 0 {
          fraction /= 10
          width -= 1
        }
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width))
        bytes.withUnsafeMutableBufferPointer { digits in
          for position in stride(from: start + width - 1, through: start, by: -1) {
            digits[position] = UInt8(ascii: "0") + UInt8(fraction % 10)
            fraction /= 10
          }
        }
        return
      }
    }
    bytes.append(contentsOf: number.description.utf8)
  }

  private mutating func appendDigits<Whole: BinaryInteger>(_ value: Whole) {
    guard value >= 10 else { return bytes.append(UInt8(ascii: "0") + UInt8(value)) }
    appendDigits(value / 10)
    bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
  }

  /// An integer.
  public mutating func value(_ number: Int) {
    separate()
    if number < 0 { bytes.append(UInt8(ascii: "-")) }
    appendDigits(number.magnitude)
    needsComma = true
  }

  /// `true` or `false`.
  public mutating func value(_ flag: Bool) { literal(flag ? "true" : "false") }

  /// An array of strings.
  public mutating func value(_ texts: [String]) {
    beginArray()
    for text in texts { value(text) }
    endArray()
  }

  /// An array of numbers.
  public mutating func value(_ numbers: [Double]) {
    beginArray()
    for number in numbers { value(number) }
    endArray()
  }

  // MARK: - Members

  /// A string member.
  public mutating func field(_ name: StaticString, _ text: String?) {
    key(name)
    value(text)
  }

  /// A number member.
  public mutating func field(_ name: StaticString, _ number: Double) {
    key(name)
    value(number)
  }

  /// An integer member.
  public mutating func field(_ name: StaticString, _ number: Int) {
    key(name)
    value(number)
  }

  /// A boolean member.
  public mutating func field(_ name: StaticString, _ flag: Bool) {
    key(name)
    value(flag)
  }

  /// A member holding an array of strings.
  public mutating func field(_ name: StaticString, _ texts: [String]) {
    key(name)
    value(texts)
  }

  /// A member holding an array of numbers.
  public mutating func field(_ name: StaticString, _ numbers: [Double]) {
    key(name)
    value(numbers)
  }

  // MARK: - Internals

  private mutating func separate() {
    if needsComma { bytes.append(UInt8(ascii: ",")) }
  }

  private mutating func literal(_ text: StaticString) {
    separate()
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    needsComma = true
  }

  private mutating func writeString(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    // 0xE2 leads U+2028 and U+2029 (and other characters, which the slow path copies unchanged).
    let mayNeedEscape: (UInt8) -> Bool = {
      $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2
    }
    // Most text needs no escape: scan its bytes where they are, then copy them in one piece.
    let plain =
      text.utf8.withContiguousStorageIfAvailable { !$0.contains(where: mayNeedEscape) }
      ?? !text.utf8.contains(where: mayNeedEscape)
    if plain {
      bytes.append(contentsOf: text.utf8)
      bytes.append(UInt8(ascii: "\""))
      return
    }
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": bytes.append(contentsOf: #"\""#.utf8)
      case "\\": bytes.append(contentsOf: #"\\"#.utf8)
      case "\n": bytes.append(contentsOf: #"\n"#.utf8)
      case "\r": bytes.append(contentsOf: #"\r"#.utf8)
      case "\t": bytes.append(contentsOf: #"\t"#.utf8)
      case "\u{2028}": bytes.append(contentsOf: #"\u2028"#.utf8)
      case "\u{2029}": bytes.append(contentsOf: #"\u2029"#.utf8)
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          bytes.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
        } else {
          bytes.append(contentsOf: String(scalar).utf8)
        }
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
