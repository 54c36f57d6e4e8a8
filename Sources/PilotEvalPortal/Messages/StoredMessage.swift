import Foundation
public import PilotEvalCore

/// How a catalog message (`PilotEvalCore.Message`) is kept with a stored finding: its key's
/// raw value and one string per argument, so that it can be rendered again in the language of
/// each later request.
///
/// A plain-text argument is kept as it is. A translated phrase (an argument that is itself a
/// message), or a text that happens to begin with the marker U+0001, is kept as the marker
/// followed by JSON (`{"key":…,"arguments":[…]}` or `{"text":…}`), so decoding is unambiguous.
public enum StoredMessage {
  private static let marker = "\u{1}"

  private struct Nested: Codable {
    var key: String?
    var arguments: [String]?
    var text: String?
  }

  /// The key and encoded arguments of `message`.
  public static func encode(_ message: Message) -> (key: String, arguments: [String]) {
    (message.key.rawValue, message.parts.map(encode))
  }

  /// The message kept as `key` with `arguments`, or nil when `key` is not in the catalog.
  public static func decode(key: String, arguments: [String]) -> Message? {
    guard let messageKey = MessageKey(rawValue: key) else { return nil }
    return Message(messageKey, parts: arguments.map(decode))
  }

  private static func encode(_ argument: Message.Argument) -> String {
    switch argument {
    case .text(let text):
      guard text.hasPrefix(marker) else { return text }
      return marker + json(Nested(text: text))
    case .message(let message):
      let (key, arguments) = encode(message)
      return marker + json(Nested(key: key, arguments: arguments))
    }
  }

  private static func decode(_ argument: String) -> Message.Argument {
    guard argument.hasPrefix(marker),
      let nested = try? JSONDecoder().decode(Nested.self, from: Data(argument.dropFirst().utf8))
    else { return .text(argument) }
    if let text = nested.text { return .text(text) }
    if let key = nested.key, let message = decode(key: key, arguments: nested.arguments ?? []) {
      return .message(message)
    }
    return .text(argument)
  }

  private static func json(_ value: Nested) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
  }
}
