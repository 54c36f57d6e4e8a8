/// Cutting text that is longer than an output format holds, visibly: the kept
/// part ends with a marker that says how long the original was. One long text
/// from an input (a 40,000-character id, a 1,000,000-character unit name) never
/// stops a report.
public enum TextCut {
  /// The marker that ends a cut text, naming the original length in characters.
  public static func marker(originalLength: Int) -> String {
    "…〔已截断 truncated: \(originalLength)〕"
  }

  /// `text` when `measure(text) ≤ limit`; otherwise its longest prefix of whole
  /// characters that, with the marker, measures at most `limit`.
  public static func fitted(_ text: String, limit: Int, measure: (Substring) -> Int) -> String {
    guard measure(text[...]) > limit else { return text }
    let mark = marker(originalLength: text.count)
    let room = limit - measure(mark[...])
    guard room > 0 else { return String(mark.prefix(limit)) }
    // Measures grow with the prefix: find the longest prefix that fits by bisection.
    var low = 0
    var high = Swift.min(text.count, room)
    while low < high {
      let middle = (low + high + 1) / 2
      if measure(text.prefix(middle)) <= room { low = middle } else { high = middle - 1 }
    }
    return String(text.prefix(low)) + mark
  }

  /// `text` when it takes at most `width` terminal columns; otherwise its longest
  /// prefix that, with `…`, does.
  public static func fittedToColumns(_ text: String, width: Int) -> String {
    guard displayWidth(text) > width else { return text }
    var kept = ""
    var used = 0
    for character in text {
      let columns = displayWidth(String(character))
      if used + columns > width - 1 { break }
      kept.append(character)
      used += columns
    }
    return kept + "…"
  }
}
