import Foundation

/// Fields of a submitted form: `application/x-www-form-urlencoded` or `multipart/form-data`.
struct FormData: Sendable {
  /// Text fields, each name with its values in order.
  private(set) var fields: [String: [String]] = [:]
  /// File fields: name → bytes.
  private(set) var files: [String: [UInt8]] = [:]

  /// The first value of `name`.
  subscript(_ name: String) -> String? { fields[name]?.first }

  /// Every value of `name`.
  func all(_ name: String) -> [String] { fields[name] ?? [] }

  /// Parses `body` as its `Content-Type` says; nil when it is neither kind.
  init?(body: [UInt8], contentType: String?) {
    guard let contentType else { return nil }
    let type = contentType.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
    if type == "application/x-www-form-urlencoded" {
      for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
        let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = Self.decode(parts[0])
        let value = parts.count > 1 ? Self.decode(parts[1]) : ""
        fields[name, default: []].append(value)
      }
    } else if type == "multipart/form-data", let boundary = Self.boundary(contentType) {
      guard parseMultipart(body, boundary: boundary) else { return nil }
    } else {
      return nil
    }
  }

  private static func decode(_ text: Substring) -> String {
    let spaced = text.replacingOccurrences(of: "+", with: " ")
    return spaced.removingPercentEncoding ?? spaced
  }

  private static func boundary(_ contentType: String) -> String? {
    for parameter in contentType.split(separator: ";").dropFirst() {
      let parts = parameter.split(separator: "=", maxSplits: 1)
      guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
      var value = parts[1].trimmingCharacters(in: .whitespaces)
      if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
      return value.isEmpty ? nil : value
    }
    return nil
  }

  /// RFC 7578: parts separated by `--boundary`, each with headers, a blank line and its bytes.
  private mutating func parseMultipart(_ body: [UInt8], boundary: String) -> Bool {
    let delimiter = Array("--\(boundary)".utf8)
    let separator = Array("\r\n--\(boundary)".utf8)
    guard var cursor = body.firstRange(of: delimiter)?.upperBound else { return false }
    while true {
      // After a delimiter: "--" ends the body, CRLF starts a part.
      if body[cursor...].starts(with: Array("--".utf8)) { return true }
      guard body[cursor...].starts(with: [13, 10]) else { return false }
      cursor += 2
      guard let headerEnd = body[cursor...].firstRange(of: [13, 10, 13, 10]) else { return false }
      let headers = String(decoding: body[cursor..<headerEnd.lowerBound], as: UTF8.self)
      guard let end = body[headerEnd.upperBound...].firstRange(of: separator) else { return false }
      let content = Array(body[headerEnd.upperBound..<end.lowerBound])
      if let disposition = headers.split(separator: "\r\n").first(where: {
        $0.lowercased().hasPrefix("content-disposition:")
      }) {
        let name = Self.parameter("name", in: disposition)
        if let name {
          if Self.parameter("filename", in: disposition) != nil {
            files[name] = content
          } else {
            fields[name, default: []].append(String(decoding: content, as: UTF8.self))
          }
        }
      }
      cursor = end.upperBound
    }
  }

  private static func parameter(_ name: String, in header: Substring) -> String? {
    for part in header.split(separator: ";").dropFirst() {
      let pieces = part.split(separator: "=", maxSplits: 1)
      guard pieces.count == 2, pieces[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
      var value = pieces[1].trimmingCharacters(in: .whitespaces)
      if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
      return value
    }
    return nil
  }
}
