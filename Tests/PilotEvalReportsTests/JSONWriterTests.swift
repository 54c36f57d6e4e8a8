import Foundation
import PilotEvalReports
import Testing

@Suite("JSON writer")
struct JSONWriterTests {
  private func written(_ body: (inout JSONWriter) -> Void) -> String {
    var json = JSONWriter()
    body(&json)
    return String(decoding: json.bytes, as: UTF8.self)
  }

  @Test(
    "numbers are written in their shortest round-trip form; whole numbers keep one decimal",
    arguments: [
      (90.0, "90.0"), (0.3, "0.3"), (87.5, "87.5"), (0.0, "0.0"), (-0.0, "0.0"), (-1.25, "-1.25"),
      (1e-6, "0.000001"), (123456.000001, "123456.000001"),
    ])
  func numbers(value: Double, text: String) {
    #expect(written { $0.value(value) } == text)
  }

  @Test(
    "numbers off the six-decimal grid fall back to Swift's shortest form and still round-trip",
    arguments: [57.04444444444445, 1.0 / 3.0, 1e-7, 2.5e12, 0.1 + 0.2])
  func roundTrip(value: Double) throws {
    let text = written { $0.value(value) }
    #expect(Double(text) == value)
  }

  @Test(
    "integers are written in full, with a minus sign when negative",
    arguments: [
      (0, "0"), (7, "7"), (10, "10"), (-5, "-5"), (1_234_567, "1234567"), (Int.max, "\(Int.max)"),
      (Int.min, "\(Int.min)"),
    ])
  func integers(value: Int, text: String) {
    #expect(written { $0.value(value) } == text)
  }

  @Test("plain text, short or long, Chinese or not, is copied as it is")
  func plainStrings() {
    for text in ["", "U1", "浙江省机关事务管理局", String(repeating: "机关事务 standard ", count: 40)] {
      #expect(written { $0.value(text) } == "\"\(text)\"")
    }
    // A character led by the byte 0xE2 that needs no escape (an en dash) comes through unchanged.
    #expect(written { $0.value("1–2") } == "\"1–2\"")
  }

  @Test("NaN and infinities become null")
  func nonFinite() {
    #expect(written { $0.value(Double.nan) } == "null")
    #expect(written { $0.value(Double.infinity) } == "null")
  }

  @Test("strings are escaped: quotes, backslashes, control characters and line separators")
  func escaping() throws {
    let tricky = "a\"b\\c\nd\u{01}e\u{2028}f 南宁"
    let text = written { $0.value(tricky) }
    #expect(text == #""a\"b\\c\nd\u0001e\u2028f 南宁""#)
    let decoded = try JSONSerialization.jsonObject(with: Data("[\(text)]".utf8)) as? [String]
    #expect(decoded == [tricky])
  }

  @Test("objects and arrays get commas between members, none after the last")
  func structure() throws {
    let text = written { json in
      json.beginObject()
      json.field("unit", "U1")
      json.field("scores", [1.5, 2.0])
      json.key("nested")
      json.beginObject()
      json.field("ok", true)
      json.endObject()
      json.field("rank", 3)
      json.endObject()
    }
    #expect(text == #"{"unit":"U1","scores":[1.5,2.0],"nested":{"ok":true},"rank":3}"#)
  }
}
