/// A message for people, independent of the language it is shown in.
///
/// The `key` names the message (stable, usable as a storage id); the arguments fill
/// the numbered placeholders `{0}`, `{1}` … of the key's template in each language's
/// table (``MessageTable``).
public struct Message: Sendable, Hashable {
  /// A value that fills a placeholder: text as it is, or another message in the same language.
  public indirect enum Argument: Sendable, Hashable {
    /// Text shown as it is (an id, a number, a file name, a value from the input).
    case text(String)
    /// A phrase translated with the message it fills.
    case message(Message)

    /// The argument in `language`.
    public func text(in language: Language) -> String {
      switch self {
      case .text(let text): text
      case .message(let message): message.text(in: language)
      }
    }
  }

  /// Which message this is.
  public var key: MessageKey
  /// What fills the placeholders, in order.
  public var parts: [Argument]

  /// Creates a message whose placeholders are filled with `arguments`, as they are.
  public init(_ key: MessageKey, _ arguments: String...) {
    self.key = key
    self.parts = arguments.map(Argument.text)
  }

  /// Creates a message whose placeholders are filled with `parts`.
  public init(_ key: MessageKey, parts: [Argument]) {
    self.key = key
    self.parts = parts
  }

  /// The arguments as English text.
  public var arguments: [String] { parts.map { $0.text(in: .en) } }

  /// The message in `language`.
  public func text(in language: Language) -> String {
    let template = MessageTable.template(key, in: language)
    let filled = parts.map { $0.text(in: language) }
    return MessageTable.fill(template, with: filled)
  }
}
