import PilotEvalCore

/// The expert's review form of one unit: every criterion with the unit's answer and its
/// evidence items, an input that matches the criterion's method (a level, a value, points
/// within the step, checklist items), a "reject" box per evidence item with a reason, a
/// comment; then the bonus claims, deductions and vetoes to confirm. Findings of a submitted
/// review are shown in the group of fields their line came from.
struct ReviewFormView {
  let rubric: Rubric
  let submission: Submission
  let evidence: EvidenceList
  let form: ReviewForm
  let web: WebExchange
  /// Findings by field group (`criterion:ID` …); those of no group are shown above the form.
  var findings: [String: [StoredDiagnostic]] = [:]

  func render(action: String, csrf: String, editable: Bool) -> SafeHTML {
    let blocks = rubric.sectionedBlocks(block)
    let buttons: SafeHTML =
      editable
      ? """
      <p class="actions review-actions"><button type="submit" name="action" value="save" id="save-draft">\(web.t(.webReviewSave))</button>
      <button type="submit" name="action" value="submit" id="submit-review">\(web.t(.webReviewSubmit))</button></p>
      """ : .empty
    return """
      <form method="post" action="\(action)" class="review-form" id="review-form">
      <input type="hidden" name="csrf" value="\(csrf)">
      <fieldset class="review-all"\(editable ? SafeHTML.empty : " disabled")>
      \(blocks)
      \(bonuses())
      \(deductions())
      \(vetoes())
      </fieldset>
      \(buttons)
      </form>
      """
  }

  // MARK: - Criteria

  private func block(_ criterion: Criterion) -> SafeHTML {
    let id = criterion.id
    let response = submission.responses.first { $0.criterion == id }
    let key: SafeHTML = criterion.isKey ? " <span class=\"key\">\(web.t(.webFormKey))</span>" : .empty
    let legend: SafeHTML = """
      <legend>\(id) \(criterion.title) (\(web.t(.webFormPoints2, [number(criterion.points)])))\(key)</legend>
      """
    if let response, !response.applicable {
      return """
        <fieldset class="review-criterion" id="criterion-\(id)">\(legend)
        <p class="review-self">\(web.t(.webReviewNotApplicable, [response.reason ?? ""]))</p>
        \(evidenceList(criterion, entry: nil))</fieldset>
        """
    }
    let entry = form.criteria[id] ?? ReviewForm.Entry()
    let notes: SafeHTML =
      (response?.notes ?? []).isEmpty
      ? .empty : "<p class=\"review-notes\">\((response?.notes ?? []).joined(separator: "；"))</p>"
    return """
      <fieldset class="review-criterion" id="criterion-\(id)">\(legend)
      <p class="review-self" id="self-\(id)">\(web.t(.webReviewSelf, [selfAnswer(criterion, response)]))</p>\(notes)
      \(findingList("criterion:\(id)"))
      \(method(criterion, entry))
      \(evidenceList(criterion, entry: entry))
      <label>\(web.t(.webReviewComment)) <textarea name="comment.\(id)" id="comment-\(id)" rows="2">\(entry.comment)</textarea></label>
      </fieldset>
      """
  }

  /// The unit's own answer, in words.
  private func selfAnswer(_ criterion: Criterion, _ response: Response?) -> String {
    let fromData = criterion.measure != nil ? web.t(.webReviewFromData) : ""
    switch criterion.method {
    case .levels(let levels):
      guard let code = response?.level, !code.isEmpty else { return web.t(.webReviewNoAnswer) }
      let level = levels.first { $0.code == code }
      return "\(code) (\(web.t(.webFormPoints2, [number(level?.points ?? 0)]))) \(level?.text ?? "")"
    case .scale, .bands:
      let value = criterion.measure != nil ? submission.derived.measured[criterion.id] : response?.value
      guard let value, value.isFinite else { return web.t(.webReviewNoAnswer) + fromData }
      return ReviewForm.number(value) + fromData
    case .checklist(let items):
      let checked = ReviewForm.prefilled(rubric: rubric, submission: submission).criteria[criterion.id]?.checks ?? []
      let hasSelect = items.contains { $0.select != nil }
      guard response != nil || hasSelect else { return web.t(.webReviewNoAnswer) }
      return checked.isEmpty ? "—" : checked.joined(separator: ", ")
    case .judgement:
      guard let points = response?.points else { return web.t(.webReviewNoAnswer) }
      return web.t(.webFormPoints2, [number(points)])
    }
  }

  private func method(_ criterion: Criterion, _ entry: ReviewForm.Entry) -> SafeHTML {
    let id = criterion.id
    switch criterion.method {
    case .levels(let levels):
      let choices = levels.map { level -> SafeHTML in
        """
        <label class="choice"><input type="radio" name="level.\(id)" value="\(level.code)" id="level-\(id)-\(level.code)"\
        \(checked(entry.level == level.code))> \(level.code) (\(web.t(.webFormPoints2, [number(level.points)]))) \(level.text)</label>
        """
      }
      return "<div class=\"levels\"><span>\(web.t(.webReviewLevel))</span>\(choices)</div>"
    case .scale(let from, let to):
      return """
        <label>\(web.t(.webReviewValue, [number(from), number(to)])) \
        <input name="value.\(id)" id="value-\(id)" inputmode="decimal" value="\(entry.value)"></label>
        """
    case .bands:
      return """
        <label>\(web.t(.webReviewBandValue)) \
        <input name="value.\(id)" id="value-\(id)" inputmode="decimal" value="\(entry.value)"></label>
        """
    case .checklist(let items):
      let boxes = items.map { item -> SafeHTML in
        """
        <li><label><input type="checkbox" name="check.\(id)" value="\(item.id)" id="check-\(id)-\(item.id)"\
        \(checked(entry.checks.contains(item.id)))> \(item.id) \(item.text) (\(web.t(.webFormPoints2, [number(item.points)])))</label></li>
        """
      }
      return "<div class=\"checks\"><span>\(web.t(.webReviewChecks))</span><ul>\(boxes)</ul></div>"
    case .judgement(let step):
      return judgement(criterion, step: step, typed: entry.points)
    }
  }

  /// Points within the step as a choice of the allowed values (up to 400 of them); without a
  /// step, or with more values, a number field.
  private func judgement(_ criterion: Criterion, step: Double?, typed: String) -> SafeHTML {
    let id = criterion.id
    guard let step, step > 0, criterion.points / step <= 400 else {
      return """
        <label>\(web.t(.webReviewPoints, [number(criterion.points)])) \
        <input name="points.\(id)" id="points-\(id)" inputmode="decimal" value="\(typed)"></label>
        """
    }
    var values: [String] = []
    var index = 0.0
    while index * step <= criterion.points + 1e-9 {
      values.append(number(index * step))
      index += 1
    }
    if !typed.isEmpty, !values.contains(where: { !ReviewForm.differs(typed, $0) }) { values.append(typed) }
    let options = ([""] + values).map { value -> SafeHTML in
      let selected = value.isEmpty ? typed.isEmpty : !typed.isEmpty && !ReviewForm.differs(typed, value)
      return
        "<option value=\"\(value)\"\(selected ? " selected" : SafeHTML.empty)>\(value.isEmpty ? "—" : value)</option>"
    }
    return """
      <label>\(web.t(.webReviewPointsStep, [number(criterion.points), number(step)])) \
      <select name="points.\(id)" id="points-\(id)">\(options)</select></label>
      """
  }

  /// The evidence items, each with a "reject" box when `entry` is given (an applicable criterion).
  private func evidenceList(_ criterion: Criterion, entry: ReviewForm.Entry?) -> SafeHTML {
    let id = criterion.id
    let items = evidence.criteria[id] ?? []
    let rule =
      criterion.minimumEvidence > 0
      ? web.t(.webReviewEvidence, [String(criterion.minimumEvidence)]) : web.t(.webReviewEvidenceAny)
    let heading: SafeHTML = "<span>\(rule)</span>"
    guard !items.isEmpty else {
      return "<div class=\"review-evidence\">\(heading)<p>\(web.t(.webReviewEvidenceNone))</p></div>"
    }
    let rows = items.map { item -> SafeHTML in
      let box: SafeHTML =
        entry.map { entry in
          """
          <label class="reject"><input type="checkbox" name="reject.\(id)" value="\(item.number)" \
          id="reject-\(id)-\(item.number)"\(checked(entry.rejected.contains(item.number)))> \(web.t(.webReviewReject))</label>
          """
        } ?? .empty
      return """
        <li id="evidence-\(id)-\(item.number)"><span class="evidence-title">\(item.title)</span> \
        <code class="evidence-ref">\(item.reference)</code>\(box)</li>
        """
    }
    let reason: SafeHTML =
      entry.map {
        """
        <label>\(web.t(.webReviewRejectReason)) <input name="reject-reason.\(id)" id="reject-reason-\(id)" value="\($0.rejectReason)"></label>
        """
      } ?? .empty
    return "<div class=\"review-evidence\">\(heading)<ol>\(rows)</ol>\(reason)</div>"
  }

  // MARK: - Bonuses, deductions, vetoes

  private func bonuses() -> SafeHTML {
    var claimed: [String] = []
    for claim in submission.bonusClaims where !claimed.contains(claim.id) { claimed.append(claim.id) }
    let rows = claimed.compactMap { id -> SafeHTML? in
      guard let bonus = rubric.bonuses.first(where: { $0.id == id }) else { return nil }
      let rejected = form.rejectedBonuses.contains(id)
      let items = (evidence.bonuses[id] ?? []).map { item -> SafeHTML in
        "<li><span class=\"evidence-title\">\(item.title)</span> <code class=\"evidence-ref\">\(item.reference)</code></li>"
      }
      return """
        <div class="review-item" id="bonus-\(id)"><p>\(id) \(bonus.title) (\(web.t(.webFormPoints2, [number(bonus.points)])))</p>
        \(findingList("bonus:\(id)"))\(items.isEmpty ? SafeHTML.empty : "<ol>\(items)</ol>")
        <label class="choice"><input type="radio" name="bonus.\(id)" value="confirm" id="bonus-\(id)-confirm"\(checked(!rejected))> \(web.t(.webReviewConfirm))</label>
        <label class="choice"><input type="radio" name="bonus.\(id)" value="reject" id="bonus-\(id)-reject"\(checked(rejected))> \(web.t(.webReviewReject))</label></div>
        """
    }
    let body: SafeHTML = rows.isEmpty ? "<p>\(web.t(.webReviewBonusNone))</p>" : SafeHTML.join(rows)
    return
      "<fieldset class=\"review-criterion\" id=\"bonuses\"><legend>\(web.t(.webReviewBonuses))</legend>\(body)</fieldset>"
  }

  private func deductions() -> SafeHTML {
    guard !rubric.deductions.isEmpty else { return .empty }
    let baseline = ReviewForm.prefilled(rubric: rubric, submission: submission)
    let rows = rubric.deductions.map { deduction -> SafeHTML in
      let id = deduction.id
      let head: SafeHTML = "<p>\(id) \(deduction.title) (\(web.t(.webFormPoints2, [number(deduction.points)])))</p>"
      if deduction.select != nil {
        let count = number(submission.derived.deductionCounts[id] ?? 0)
        return
          "<div class=\"review-item\" id=\"deduction-\(id)\">\(head)<p>\(web.t(.webReviewDeductionAuto, [count]))</p></div>"
      }
      let declared = baseline.deductions[id].flatMap { $0.isEmpty ? nil : $0 } ?? "0"
      return """
        <div class="review-item" id="deduction-\(id)">\(head)\(findingList("deduction:\(id)"))
        <label>\(web.t(.webReviewDeductionCount, [declared])) <input name="deduction.\(id)" id="deduction-count-\(id)" \
        inputmode="numeric" value="\(form.deductions[id] ?? "")"></label></div>
        """
    }
    return
      "<fieldset class=\"review-criterion\" id=\"deductions\"><legend>\(web.t(.webReviewDeductions))</legend>\(rows)</fieldset>"
  }

  private func vetoes() -> SafeHTML {
    guard !rubric.vetoes.isEmpty else { return .empty }
    let rows = rubric.vetoes.map { veto -> SafeHTML in
      let id = veto.id
      let head: SafeHTML = "<p>\(id) \(veto.title)</p>"
      if submission.derived.triggeredVetoes.contains(id) {
        return
          "<div class=\"review-item\" id=\"veto-\(id)\">\(head)<p class=\"error\">\(web.t(.webReviewVetoAuto))</p></div>"
      }
      let reason = form.vetoes[id]
      return """
        <div class="review-item" id="veto-\(id)">\(head)\(findingList("veto:\(id)"))
        <label class="choice"><input type="radio" name="veto.\(id)" value="no" id="veto-\(id)-no"\(checked(reason == nil))> \(web.t(.webReviewVetoNo))</label>
        <label class="choice"><input type="radio" name="veto.\(id)" value="yes" id="veto-\(id)-yes"\(checked(reason != nil))> \(web.t(.webReviewVetoYes))</label>
        <label>\(web.t(.webReviewVetoReason)) <input name="veto-reason.\(id)" id="veto-reason-\(id)" value="\(reason ?? "")"></label></div>
        """
    }
    return
      "<fieldset class=\"review-criterion\" id=\"vetoes\"><legend>\(web.t(.webReviewVetoes))</legend>\(rows)</fieldset>"
  }

  // MARK: - Helpers

  /// The findings of one field group, as a list beside its fields.
  private func findingList(_ anchor: String) -> SafeHTML {
    guard let list = findings[anchor], !list.isEmpty else { return .empty }
    let items = list.map { finding -> SafeHTML in
      "<li class=\"\(finding.severity)\">\(DiagnosticText.render(finding, in: web.language))</li>"
    }
    return "<ul class=\"field-findings\">\(items)</ul>"
  }

  private func checked(_ on: Bool) -> SafeHTML { on ? " checked" : .empty }

  private func number(_ value: Double) -> String { ReviewForm.number(value) }
}
