/// The two parts of 回避: an expert reviews no unit of their own region, nor of their own organisation.
public enum ConflictRule: String, Sendable, Hashable, CaseIterable {
  /// The expert and the unit are of the same region.
  case region
  /// The expert and the unit are of the same organisation (where the unit gives one).
  case organisation

  /// The part of 回避 that `expert` reviewing `unit` would break, or `nil` when neither does.
  ///
  /// Regions and organisations are compared after trimming spaces; an empty organisation on either side
  /// never conflicts. The region is checked first.
  public static func broken(
    by expert: AssignmentRequest.Expert, reviewing unit: AssignmentRequest.Unit
  ) -> ConflictRule? {
    if trimmed(expert.region) == trimmed(unit.region) { return .region }
    let mine = trimmed(expert.organisation ?? "")
    if !mine.isEmpty, mine == trimmed(unit.organisation ?? "") { return .organisation }
    return nil
  }

  /// `text` without leading and trailing white space.
  static func trimmed(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
