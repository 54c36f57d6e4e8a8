import PilotEvalCore

/// The online form generated from a rubric: every criterion by its method — levels as
/// choices, a scale or band value, checklist items, judgement points — with its evidence
/// entries and, for optional criteria, 合理缺项 with a reason. Filled with `answers`.
struct RubricFormView {
  let rubric: Rubric
  let answers: FormAnswers
  let web: WebExchange

  func render(csrf: String, unitName: String) -> SafeHTML {
    let blocks = rubric.sectionedBlocks(block)
    return """
      <form method="post" action="/form" class="rubric-form" id="rubric-form">
      <input type="hidden" name="csrf" value="\(csrf)">
      <p>\(web.t(.webFormIntro))</p>
      <label>\(web.t(.webFormUnitName)) <input name="unitName" value="\(answers.unitName.isEmpty ? unitName : answers.unitName)"></label>
      <label>\(web.t(.webFormSubmitted)) <input name="submitted" value="\(answers.submitted)" pattern="[0-9]{4}-[0-9]{2}-[0-9]{2}"></label>
      \(blocks)
      <p class="actions"><button type="submit" name="action" value="check" id="check">\(web.t(.webFormCheck))</button>
      <button type="submit" name="action" value="download" id="download">\(web.t(.webFormDownload))</button>
      <button type="submit" name="action" value="submit" id="submit">\(web.t(.webFormSubmit))</button></p>
      </form>
      """
  }

  private func block(_ criterion: Criterion) -> SafeHTML {
    let id = criterion.id
    let answer = answers.answers[id] ?? FormAnswers.Answer()
    let key: SafeHTML = criterion.isKey ? " <span class=\"key\">\(web.t(.webFormKey))</span>" : .empty
    var applicability = SafeHTML.empty
    if criterion.isOptional {
      applicability = """
        <p class="applicability">\
        <label><input type="radio" name="applicable.\(id)" value="yes"\(checked(answer.applicable))> \(web.t(.webFormApplicable))</label> \
        <label><input type="radio" name="applicable.\(id)" value="no" id="na-\(id)"\(checked(!answer.applicable))> \(web.t(.webFormNotApplicable))</label> \
        <label>\(web.t(.webFormReason)) <input name="reason.\(id)" id="reason-\(id)" value="\(answer.reason)"></label></p>
        """
    }
    var evidenceNote = SafeHTML.empty
    if criterion.minimumEvidence > 0 {
      evidenceNote = " <small>\(web.t(.webFormMinimumEvidence, [String(criterion.minimumEvidence)]))</small>"
    }
    let evidence = answer.evidence.map { "\($0.ref) | \($0.title)" }.joined(separator: "\n")
    return """
      <fieldset class="criterion" id="criterion-\(id)"><legend>\(id) \(criterion.title) \
      (\(web.t(.webFormPoints2, [Self.number(criterion.points)])))\(key)</legend>
      \(applicability)
      \(method(criterion, answer))
      <label>\(web.t(.webFormEvidence))\(evidenceNote)<textarea name="evidence.\(id)" id="evidence-\(id)" rows="2">\(evidence)</textarea></label>
      </fieldset>
      """
  }

  private func method(_ criterion: Criterion, _ answer: FormAnswers.Answer) -> SafeHTML {
    let id = criterion.id
    if criterion.measure != nil { return "<p class=\"auto\">\(web.t(.webFormAutomatic))</p>" }
    switch criterion.method {
    case .levels(let levels):
      let choices = levels.map { level -> SafeHTML in
        """
        <label class="choice"><input type="radio" name="level.\(id)" value="\(level.code)" id="level-\(id)-\(level.code)"\
        \(checked(answer.level == level.code))> \(level.code) (\(web.t(.webFormPoints2, [Self.number(level.points)]))) \(level.text)</label>
        """
      }
      return """
        <div class="levels"><span>\(web.t(.webFormLevel))</span>
        <label class="choice"><input type="radio" name="level.\(id)" value=""\(checked(answer.level.isEmpty))> \(web.t(.webFormUnanswered))</label>
        \(choices)</div>
        """
    case .scale(let from, let to):
      return """
        <label>\(web.t(.webFormValue, [Self.number(from), Self.number(to)])) \
        <input name="value.\(id)" id="value-\(id)" inputmode="decimal" value="\(answer.value)"></label>
        """
    case .bands:
      return
        "<label>\(web.t(.webFormBandValue)) <input name=\"value.\(id)\" id=\"value-\(id)\" inputmode=\"decimal\" value=\"\(answer.value)\"></label>"
    case .checklist(let items):
      let boxes = items.map { item -> SafeHTML in
        if item.select != nil {
          return "<li>\(item.id) \(item.text) <small>\(web.t(.webFormAutomatic))</small></li>"
        }
        return """
          <li><label><input type="checkbox" name="check.\(id)" value="\(item.id)" id="check-\(id)-\(item.id)"\
          \(checked(answer.checks.contains(item.id)))> \(item.id) \(item.text) (\(web.t(.webFormPoints2, [Self.number(item.points)])))</label></li>
          """
      }
      return "<div class=\"checks\"><span>\(web.t(.webFormChecks))</span><ul>\(boxes)</ul></div>"
    case .judgement:
      return """
        <label>\(web.t(.webFormPoints, [Self.number(criterion.points)])) \
        <input name="points.\(id)" id="points-\(id)" inputmode="decimal" value="\(answer.points)"></label>
        """
    }
  }

  private func checked(_ on: Bool) -> SafeHTML { on ? " checked" : .empty }

  static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}
