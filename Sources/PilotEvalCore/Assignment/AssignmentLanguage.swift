/// The language of a planner message.
public enum AssignmentLanguage: String, Sendable, CaseIterable {
  /// Chinese, the default for users.
  case zh
  /// English.
  case en
}
