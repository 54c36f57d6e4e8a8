import Foundation
public import PilotEvalCore

extension ReviewForm {
  /// The review XML a form makes, with the field each line of it came from.
  public struct Document: Sendable {
    /// The review file.
    public var text: String
    /// For each line that holds an element: the form field group it came from
    /// (`criterion:ID`, `bonus:ID`, `deduction:ID` or `veto:ID`), so a finding can be shown there.
    public var anchors: [Int: String]
    /// Entries the review format cannot say (a checklist with every item cleared), by field group.
    public var unsayable: [String]

    /// The file's bytes.
    public var bytes: [UInt8] { Array(text.utf8) }
  }

  /// The review XML (SPEC §3) of this form for `unit` in `round` by `reviewer`, against the
  /// unit's `submission`, whose own answers fill `baseline` (`prefilled`).
  ///
  /// Only what differs from the unit's answer is written: a view equal to it would change
  /// nothing (SPEC §3: a reviewer who says nothing of a criterion accepts the unit's answer),
  /// and numbers are compared as numbers, so "0.90" equals a prefilled "0.9". Comments are
  /// always written; criteria the unit declared not applicable are left out (a review cannot
  /// change applicability).
  public func xml(
    rubric: Rubric, submission: Submission, baseline: ReviewForm, evidence: EvidenceList, unit: String,
    round: String, reviewer: String
  ) -> Document {
    var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
    lines.append(
      "<review xmlns=\"urn:piloteval:review:1\" rubric=\"\(esc(rubric.id))\" unit=\"\(esc(unit))\" "
        + "round=\"\(esc(round))\" reviewer=\"\(esc(reviewer))\">")
    var anchors: [Int: String] = [:]
    var unsayable: [String] = []
    func add(_ line: String, _ anchor: String) {
      lines.append("  " + line)
      anchors[lines.count] = anchor
    }
    for criterion in rubric.criteria {
      let response = submission.responses.first { $0.criterion == criterion.id }
      if response?.applicable == false { continue }
      let entry = criteria[criterion.id] ?? Entry()
      let base = baseline.criteria[criterion.id] ?? Entry()
      let anchor = "criterion:\(criterion.id)"
      var attributes = ""
      var checks: [String]?
      switch criterion.method {
      case .levels:
        if !entry.level.isEmpty, entry.level != base.level { attributes = " level=\"\(esc(entry.level))\"" }
      case .scale, .bands:
        if Self.differs(entry.value, base.value) { attributes = " value=\"\(esc(entry.value))\"" }
      case .judgement:
        if Self.differs(entry.points, base.points) { attributes = " points=\"\(esc(entry.points))\"" }
      case .checklist:
        if Set(entry.checks) != Set(base.checks) {
          if entry.checks.isEmpty { unsayable.append(anchor) } else { checks = entry.checks }
        }
      }
      let comment = entry.comment.trimmingCharacters(in: .whitespacesAndNewlines)
      let open = "<score criterion=\"\(esc(criterion.id))\"\(attributes)"
      if let checks {
        add(open + ">" + checks.map { "<check item=\"\(esc($0))\"/>" }.joined() + esc(comment) + "</score>", anchor)
      } else if !attributes.isEmpty || !comment.isEmpty {
        add(comment.isEmpty ? open + "/>" : open + ">\(esc(comment))</score>", anchor)
      }
      let items = evidence.criteria[criterion.id] ?? []
      let rejected = items.filter { entry.rejected.contains($0.number) }
      if !rejected.isEmpty {
        let named = rejected.map { "#\($0.number) \($0.reference)" }.joined(separator: "; ")
        let reason = entry.rejectReason.trimmingCharacters(in: .whitespacesAndNewlines)
        let text = reason.isEmpty ? named : "\(named): \(reason)"
        add(
          "<evidence criterion=\"\(esc(criterion.id))\" rejected=\"\(rejected.count)\">\(esc(text))</evidence>", anchor)
      }
    }
    var claimed: [String] = []
    for claim in submission.bonusClaims where !claimed.contains(claim.id) { claimed.append(claim.id) }
    for id in claimed where rejectedBonuses.contains(id) {
      add("<bonus id=\"\(esc(id))\" rejected=\"true\"/>", "bonus:\(id)")
    }
    for deduction in rubric.deductions where deduction.select == nil {
      let typed = deductions[deduction.id] ?? ""
      if Self.differs(typed, baseline.deductions[deduction.id] ?? "") {
        add("<deduction id=\"\(esc(deduction.id))\" count=\"\(esc(typed))\"/>", "deduction:\(deduction.id)")
      }
    }
    for veto in rubric.vetoes {
      guard let reason = vetoes[veto.id], !submission.derived.triggeredVetoes.contains(veto.id) else { continue }
      let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
      add("<veto id=\"\(esc(veto.id))\" triggered=\"true\">\(esc(text))</veto>", "veto:\(veto.id)")
    }
    lines.append("</review>")
    return Document(text: lines.joined(separator: "\n") + "\n", anchors: anchors, unsayable: unsayable)
  }

  /// Whether a typed number says something other than the unit's: empty says nothing; two
  /// numbers are compared by value, anything else as text (the validator judges it).
  static func differs(_ typed: String, _ base: String) -> Bool {
    let typed = typed.trimmingCharacters(in: .whitespaces)
    guard !typed.isEmpty else { return false }
    let base = base.trimmingCharacters(in: .whitespaces)
    if isPlainNumber(typed), isPlainNumber(base), let a = Double(typed), let b = Double(base) { return a != b }
    return typed != base
  }

  /// Written as SPEC's numbers are: `-?[0-9]+(\.[0-9]+)?`.
  static func isPlainNumber(_ text: String) -> Bool {
    var digits = Substring(text)
    if digits.hasPrefix("-") { digits = digits.dropFirst() }
    let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2 else { return false }
    return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
  }

  private func esc(_ text: String) -> String { FormAnswers.escape(text) }
}
