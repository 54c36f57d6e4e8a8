import Foundation
import PilotEvalCore

extension FormAnswers {
  /// The answers in a posted form (field names as `RubricFormView` writes them).
  init(_ form: FormData, rubric: Rubric) {
    self.init()
    unitName = (form["unitName"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    submitted = (form["submitted"] ?? "").trimmingCharacters(in: .whitespaces)
    for criterion in rubric.criteria {
      let id = criterion.id
      var answer = Answer()
      answer.applicable = form["applicable.\(id)"] != "no"
      answer.reason = (form["reason.\(id)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
      answer.level = form["level.\(id)"] ?? ""
      answer.value = (form["value.\(id)"] ?? "").trimmingCharacters(in: .whitespaces)
      answer.points = (form["points.\(id)"] ?? "").trimmingCharacters(in: .whitespaces)
      answer.checks = form.all("check.\(id)")
      for line in (form["evidence.\(id)"] ?? "").split(whereSeparator: \.isNewline) {
        let parts = line.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let ref = parts.first, !ref.isEmpty else { continue }
        answer.evidence.append((ref, parts.count > 1 ? parts[1] : ref))
      }
      if answer != Answer() { answers[id] = answer }
    }
  }
}
