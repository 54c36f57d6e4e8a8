import Foundation
public import PilotEvalCore

/// What an expert entered in the review form of one unit: per criterion the view they take
/// (level, value, points or checked items), the evidence items they reject and why, and a
/// comment; the bonus claims they reject, the deduction counts and the vetoes they find.
///
/// It is kept as the expert's draft (JSON) and turned into review XML (SPEC §3) by `xml`.
/// Fields hold what was typed; numbers are checked by the review validator, not here.
public struct ReviewForm: Sendable, Equatable, Codable {
  /// The expert's entries for one criterion.
  public struct Entry: Sendable, Equatable, Codable {
    /// The level code chosen (levels).
    public var level = ""
    /// The value (scale, bands).
    public var value = ""
    /// The points (judgement).
    public var points = ""
    /// The items checked (checklist).
    public var checks: [String] = []
    /// Numbers (from 1) of the evidence items rejected.
    public var rejected: [Int] = []
    /// Why they are rejected.
    public var rejectReason = ""
    /// The expert's comment.
    public var comment = ""

    /// An empty entry.
    public init() {}
  }

  /// Entries by criterion id.
  public var criteria: [String: Entry] = [:]
  /// Ids of the bonus claims rejected.
  public var rejectedBonuses: [String] = []
  /// Deduction counts as typed, by deduction id.
  public var deductions: [String: String] = [:]
  /// Vetoes found triggered: id → the reason given.
  public var vetoes: [String: String] = [:]

  /// An empty form.
  public init() {}

  /// The form as the unit's own answers fill it: what an expert who changes nothing sends.
  /// Measured values and data-derived checklist items are those of the submission's data.
  public static func prefilled(rubric: Rubric, submission: Submission) -> ReviewForm {
    var form = ReviewForm()
    for criterion in rubric.criteria {
      let response = submission.responses.first { $0.criterion == criterion.id }
      var entry = Entry()
      switch criterion.method {
      case .levels:
        entry.level = response?.level ?? ""
      case .scale, .bands:
        let measured = criterion.measure != nil ? submission.derived.measured[criterion.id] : response?.value
        entry.value = measured.map(number) ?? ""
      case .checklist(let items):
        let selected = submission.derived.selectedItems[criterion.id] ?? []
        let checked = Set(response?.checks ?? [])
        entry.checks = items.filter { $0.select != nil ? selected.contains($0.id) : checked.contains($0.id) }.map(\.id)
      case .judgement:
        entry.points = response?.points.map(number) ?? ""
      }
      form.criteria[criterion.id] = entry
    }
    for deduction in rubric.deductions where deduction.select == nil {
      let counts = submission.deductionClaims.filter { $0.id == deduction.id }.map(\.count)
      form.deductions[deduction.id] = counts.max().map(number) ?? ""
    }
    return form
  }

  /// `value` as a plain decimal (no exponent), empty when it is not finite.
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return "" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    let plain = String(value)
    if !plain.contains("e") { return plain }
    var fixed = String(format: "%.12f", value)
    while fixed.hasSuffix("0") { fixed.removeLast() }
    if fixed.hasSuffix(".") { fixed.removeLast() }
    return fixed
  }

  /// The draft as stored: JSON with sorted keys.
  func json() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }

  /// A stored draft; nil when it cannot be read.
  static func decode(_ json: String) -> ReviewForm? {
    try? JSONDecoder().decode(ReviewForm.self, from: Data(json.utf8))
  }
}
