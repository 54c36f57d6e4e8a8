import PilotEvalCore

/// The one place a stored finding becomes text, for receipts (JSON) and pages alike.
///
/// A finding with a portal message key is rendered from the portal's tables; one with a
/// catalog key (the readers' and checkers' findings) is rebuilt as a `Message` and rendered
/// from Core's catalog. A finding kept without a key (none are written so any more) keeps the
/// text it was stored with.
public enum DiagnosticText {
  /// `diagnostic`'s message in `language`.
  public static func render(_ diagnostic: StoredDiagnostic, in language: PortalLanguage) -> String {
    guard let key = diagnostic.key else { return diagnostic.text }
    if let text = PortalText(rawValue: key) {
      return text.render(language, diagnostic.arguments)
    }
    if let message = StoredMessage.decode(key: key, arguments: diagnostic.arguments) {
      return message.text(in: language.core)
    }
    return diagnostic.text
  }
}
