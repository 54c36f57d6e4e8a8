/// The one place a stored finding becomes text, for receipts (JSON) and pages alike.
///
/// A finding with a portal message key is rendered from the portal's tables; one
/// from the readers and checkers keeps its text as they wrote it until diagnostics
/// carry typed messages (then this function renders those keys too).
public enum DiagnosticText {
  /// `diagnostic`'s message in `language`.
  public static func render(_ diagnostic: StoredDiagnostic, in language: PortalLanguage) -> String {
    if let key = diagnostic.key, let text = PortalText(rawValue: key) {
      return text.render(language, diagnostic.arguments)
    }
    return diagnostic.text
  }
}
