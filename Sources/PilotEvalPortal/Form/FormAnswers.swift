public import PilotEvalCore

/// What a unit entered in the online form, criterion by criterion; turned into the same
/// submission XML a unit would upload (`xml`), and back into the form when it is shown again.
public struct FormAnswers: Sendable, Equatable {
  /// One criterion's answer.
  public struct Answer: Sendable, Equatable {
    /// False for 合理缺项.
    public var applicable = true
    /// Why it does not apply.
    public var reason = ""
    /// The level code chosen.
    public var level = ""
    /// A scale or band value, as typed.
    public var value = ""
    /// Judgement points, as typed.
    public var points = ""
    /// Checklist items ticked.
    public var checks: [String] = []
    /// Evidence: (file path, title).
    public var evidence: [(ref: String, title: String)] = []

    /// An empty answer.
    public init() {}

    /// Equal when every field is (evidence compared entry by entry).
    public static func == (lhs: Answer, rhs: Answer) -> Bool {
      lhs.applicable == rhs.applicable && lhs.reason == rhs.reason && lhs.level == rhs.level
        && lhs.value == rhs.value && lhs.points == rhs.points && lhs.checks == rhs.checks
        && lhs.evidence.map { [$0.ref, $0.title] } == rhs.evidence.map { [$0.ref, $0.title] }
    }
  }

  /// The unit's full name.
  public var unitName = ""
  /// The date filled in (YYYY-MM-DD).
  public var submitted = ""
  /// Answers by criterion id.
  public var answers: [String: Answer] = [:]

  /// Empty answers.
  public init() {}

  /// The submission XML for `unit` in `round` under `rubric`: criteria in rubric order, every
  /// value escaped, nothing added that the unit did not enter.
  public func xml(rubric: Rubric, unit: UnitRecord, round: String) -> String {
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<submission xmlns=\"urn:piloteval:submission:1\" rubric=\"\(Self.escape(rubric.id))\" "
    out += "rubric-version=\"\(Self.escape(rubric.version))\">\n"
    out += "  <unit id=\"\(Self.escape(unit.id))\""
    for (name, value) in [("region", unit.region), ("level", unit.level), ("category", unit.category)]
    where !value.isEmpty {
      out += " \(name)=\"\(Self.escape(value))\""
    }
    out += ">\(Self.escape(unitName.isEmpty ? unit.name : unitName))</unit>\n"
    out += "  <round id=\"\(Self.escape(round))\""
    if !submitted.isEmpty { out += " submitted=\"\(Self.escape(submitted))\"" }
    out += "/>\n"
    for criterion in rubric.criteria {
      guard let answer = answers[criterion.id] else { continue }
      out += response(criterion, answer)
    }
    out += "</submission>\n"
    return out
  }

  private func response(_ criterion: Criterion, _ answer: Answer) -> String {
    var attributes = " criterion=\"\(Self.escape(criterion.id))\""
    if !answer.applicable {
      attributes += " applicable=\"false\""
      if !answer.reason.isEmpty { attributes += " reason=\"\(Self.escape(answer.reason))\"" }
      return "  <response\(attributes)/>\n"
    }
    if !answer.level.isEmpty { attributes += " level=\"\(Self.escape(answer.level))\"" }
    if !answer.value.isEmpty { attributes += " value=\"\(Self.escape(answer.value))\"" }
    if !answer.points.isEmpty { attributes += " points=\"\(Self.escape(answer.points))\"" }
    var children = ""
    for item in answer.checks { children += "    <check item=\"\(Self.escape(item))\"/>\n" }
    for evidence in answer.evidence {
      children += "    <evidence ref=\"\(Self.escape(evidence.ref))\">\(Self.escape(evidence.title))</evidence>\n"
    }
    return children.isEmpty ? "  <response\(attributes)/>\n" : "  <response\(attributes)>\n\(children)  </response>\n"
  }

  /// XML text and attribute escaping; characters XML cannot hold are dropped.
  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\n": out += "&#10;"
      case "\r", "\t": out += " "
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
