/// The language of everything PilotEval writes for people to read.
///
/// Machine outputs (JSON, results.csv) do not depend on it.
public enum Language: String, Sendable, Hashable, CaseIterable {
  /// Chinese, the programme's language and the default.
  case zh
  /// English, on request.
  case en

  /// The environment variable that picks the language when `--lang` is not given.
  public static let environmentVariable = "PILOTEVAL_LANG"

  /// The language to use: `flag` (`--lang`) if given; else `PILOTEVAL_LANG`; else the first
  /// of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty. A value starting with `en`
  /// gives English, anything else (including `C` or nothing at all) Chinese.
  ///
  /// `flag` and `PILOTEVAL_LANG` must be `zh` or `en` (either case); an unknown value is
  /// returned as `nil` so the caller can say so.
  public static func choose(flag: String?, environment: [String: String]) -> Language? {
    if let flag { return Language(rawValue: flag.lowercased()) }
    if let chosen = environment[environmentVariable], !chosen.isEmpty {
      return Language(rawValue: chosen.lowercased())
    }
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environment[name], !value.isEmpty {
        return value.lowercased().hasPrefix("en") ? .en : .zh
      }
    }
    return .zh
  }
}
