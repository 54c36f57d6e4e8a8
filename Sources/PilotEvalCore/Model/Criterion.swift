/// A leaf of the rubric: one thing a unit is scored on.
public struct Criterion: Sendable, Hashable {
  /// The criterion id, unique with the section ids.
  public var id: String
  /// The title, in the rubric's language.
  public var title: String
  /// Full points (> 0).
  public var points: Double
  /// Whether a unit may declare it not applicable (合理缺项).
  public var isOptional: Bool
  /// A ★ key item: a unit whose verified points here are zero gets the lowest tier.
  public var isKey: Bool
  /// How the answer turns into points.
  public var method: ScoringMethod
  /// An XPath number over the submission that supplies the value (scale and bands only).
  public var measure: String?
  /// How many evidence items the answer needs (0 when the rubric asks for none).
  public var minimumEvidence: Int
  /// The section it belongs to (position in `Rubric.sections`).
  public var section: Int?
  /// The line of the `<criterion>` element.
  public var line: Int

  /// Creates a criterion.
  public init(
    id: String, title: String, points: Double, isOptional: Bool = false, isKey: Bool = false,
    method: ScoringMethod, measure: String? = nil, minimumEvidence: Int = 0,
    section: Int? = nil, line: Int = 0
  ) {
    self.id = id
    self.title = title
    self.points = points
    self.isOptional = isOptional
    self.isKey = isKey
    self.method = method
    self.measure = measure
    self.minimumEvidence = minimumEvidence
    self.section = section
    self.line = line
  }
}

/// The five ways a criterion can be scored (SPEC §1).
public enum ScoringMethod: Sendable, Hashable {
  /// Pick one of several levels, each worth fixed points.
  case levels([Level])
  /// A linear scale from `from` (0 points) to `to` (full points); `from > to` means lower is better.
  case scale(from: Double, to: Double)
  /// The first band in document order with `min ≤ v < max`.
  case bands([Band])
  /// Items checked, their points summed and capped at the criterion's points.
  case checklist([ChecklistItem])
  /// Points given directly, optionally in multiples of `step`.
  case judgement(step: Double?)

  /// The element name used in the rubric, e.g. `levels`.
  public var name: String {
    switch self {
    case .levels: "levels"
    case .scale: "scale"
    case .bands: "bands"
    case .checklist: "checklist"
    case .judgement: "judgement"
    }
  }

  /// Whether the answer is a number in `value` (scale and bands).
  public var takesValue: Bool {
    switch self {
    case .scale, .bands: true
    default: false
    }
  }
}

/// A level of a `levels` criterion.
public struct Level: Sendable, Hashable {
  /// The code a response names, e.g. `A`.
  public var code: String
  /// Points for choosing it.
  public var points: Double
  /// What the level means.
  public var text: String
  /// Creates a level.
  public init(code: String, points: Double, text: String = "") {
    self.code = code
    self.points = points
    self.text = text
  }
}

/// A band of a `bands` criterion: `min ≤ v < max`, a missing bound is open.
public struct Band: Sendable, Hashable {
  /// The inclusive lower bound.
  public var min: Double?
  /// The exclusive upper bound.
  public var max: Double?
  /// Points for a value in the band.
  public var points: Double
  /// Creates a band.
  public init(min: Double?, max: Double?, points: Double) {
    self.min = min
    self.max = max
    self.points = points
  }

  /// Whether `value` falls in the band.
  public func contains(_ value: Double) -> Bool {
    if let min, !(min <= value) { return false }
    if let max, !(value < max) { return false }
    return true
  }
}

/// An item of a `checklist` criterion.
public struct ChecklistItem: Sendable, Hashable {
  /// The id a `<check item>` names.
  public var id: String
  /// Points when checked.
  public var points: Double
  /// What the item asks.
  public var text: String
  /// An XPath boolean that decides the item from the submission's data.
  public var select: String?
  /// The line of the `<item>` element in the rubric (0 when unknown).
  public var line: Int
  /// Creates an item.
  public init(id: String, points: Double, text: String = "", select: String? = nil, line: Int = 0) {
    self.id = id
    self.points = points
    self.text = text
    self.select = select
    self.line = line
  }
}
