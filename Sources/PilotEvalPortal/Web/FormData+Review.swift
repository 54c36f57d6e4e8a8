import Foundation
import PilotEvalCore

extension ReviewForm {
  /// The entries of a posted review form (field names as `ReviewFormView` writes them).
  /// Evidence numbers outside the criterion's list and unknown ids are dropped.
  init(_ form: FormData, rubric: Rubric, evidence: EvidenceList) {
    self.init()
    func text(_ name: String) -> String { (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
    for criterion in rubric.criteria {
      let id = criterion.id
      var entry = Entry()
      entry.level = text("level.\(id)")
      entry.value = text("value.\(id)")
      entry.points = text("points.\(id)")
      var checks: [String] = []
      for item in form.all("check.\(id)") where !checks.contains(item) { checks.append(item) }
      entry.checks = checks
      let count = evidence.criteria[id]?.count ?? 0
      entry.rejected = Set(form.all("reject.\(id)").compactMap { Int($0) }).filter { $0 >= 1 && $0 <= count }.sorted()
      entry.rejectReason = text("reject-reason.\(id)")
      entry.comment = text("comment.\(id)")
      criteria[id] = entry
    }
    rejectedBonuses = rubric.bonuses.map(\.id).filter { form["bonus.\($0)"] == "reject" }
    for deduction in rubric.deductions where deduction.select == nil {
      deductions[deduction.id] = text("deduction.\(deduction.id)")
    }
    for veto in rubric.vetoes where form["veto.\(veto.id)"] == "yes" {
      vetoes[veto.id] = text("veto-reason.\(veto.id)")
    }
  }
}
