/// The templates of every message, one table per language.
///
/// A template holds numbered placeholders `{0}`, `{1}` …; every key has a template in
/// every language, with the same placeholders (a test checks both).
public enum MessageTable {
  /// The table for `language`.
  public static func table(_ language: Language) -> [MessageKey: String] {
    switch language {
    case .zh: zh
    case .en: en
    }
  }

  /// The template of `key` in `language`; the key itself when a table lacks it (a test forbids that).
  public static func template(_ key: MessageKey, in language: Language) -> String {
    table(language)[key] ?? key.rawValue
  }

  /// The Chinese templates.
  public static let zh: [MessageKey: String] = zhInput.merging(zhRubric) { a, _ in a }
    .merging(zhSubmission) { a, _ in a }.merging(zhCommand) { a, _ in a }
    .merging(zhLimits) { a, _ in a }.merging(zhPortal) { a, _ in a }
    .merging(zhAssignment) { a, _ in a }

  /// The English templates.
  public static let en: [MessageKey: String] = enInput.merging(enRubric) { a, _ in a }
    .merging(enSubmission) { a, _ in a }.merging(enCommand) { a, _ in a }
    .merging(enLimits) { a, _ in a }.merging(enPortal) { a, _ in a }
    .merging(enAssignment) { a, _ in a }

  /// The placeholder numbers a template uses, e.g. `[0, 1]` for "{0} of {1}".
  public static func placeholders(in template: String) -> Set<Int> {
    var found = Set<Int>()
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      let after = rest[rest.index(after: open)...]
      guard let close = after.firstIndex(of: "}") else { break }
      if let number = Int(after[..<close]) { found.insert(number) }
      rest = after[after.index(after: close)...]
    }
    return found
  }

  /// `template` with `{n}` replaced by `arguments[n]`; braces that are not a placeholder stay.
  static func fill(_ template: String, with arguments: [String]) -> String {
    guard template.contains("{") else { return template }
    var result = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      result += rest[..<open]
      let after = rest[rest.index(after: open)...]
      if let close = after.firstIndex(of: "}"), let number = Int(after[..<close]), arguments.indices.contains(number) {
        result += arguments[number]
        rest = after[after.index(after: close)...]
      } else {
        result += "{"
        rest = after
      }
    }
    return result + rest
  }
}
