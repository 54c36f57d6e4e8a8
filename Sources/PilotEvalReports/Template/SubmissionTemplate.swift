public import PilotEvalCore

/// A blank self-assessment (自评报告) for a rubric: every criterion with its
/// title, method, choices, ★ mark and evidence rule explained in comments, in
/// the rubric's language, ready for a unit to fill in.
///
/// What only the unit can fill in (unit id, round id, submission date, full name) is left
/// empty with a comment saying what goes there, unless given: a template sent unfilled is
/// rejected (an empty id is missing) and `validate` names each field. Answers are left
/// empty too (a missing answer is not a rejection), so a unit can validate as it goes.
public struct SubmissionTemplate: Sendable {
  /// The rubric the template is for.
  public var rubric: Rubric
  /// The unit id to put in; empty for the unit to fill.
  public var unitID: String
  /// The round id to put in; empty for the unit to fill.
  public var round: String

  /// Creates a template.
  public init(rubric: Rubric, unitID: String? = nil, round: String? = nil) {
    self.rubric = rubric
    self.unitID = unitID ?? ""
    self.round = round ?? ""
  }

  /// The template as an XML document.
  public func render() -> String {
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += comment(
      [
        "自评报告模板 — \(rubric.title) (\(rubric.id) \(rubric.version))",
        "填写说明：逐项填写 <response>，每项附佐证材料 <evidence ref=\"文件路径\">材料名称</evidence>。",
        "提交前请用 piloteval validate 检查本文件（指定本计分表为 rubric）。",
        "Self-assessment template. Fill in each <response>; run `piloteval validate` before submitting.",
      ], indent: "")
    out +=
      "<submission xmlns=\"\(escapeAttribute("urn:piloteval:submission:1"))\" rubric=\"\(escapeAttribute(rubric.id))\" rubric-version=\"\(escapeAttribute(rubric.version))\">\n"
    out += comment(
      [
        "必填：id 填单位编号（如 GX-NN-01），标签之间填单位全称；region/level/category 填地区、层级、类别。",
        "Required: the unit id in id=\"…\", the unit's full name between the tags.",
      ], indent: "  ")
    out += "  <unit id=\"\(escapeAttribute(unitID))\" region=\"\" level=\"\" category=\"\"></unit>\n"
    out += comment(
      [
        "必填：id 填评估轮次（如 2025H1），submitted 填提交日期（YYYY-MM-DD）。",
        "Required: the round id in id=\"…\", the submission date in submitted=\"YYYY-MM-DD\".",
      ], indent: "  ")
    out += "  <round id=\"\(escapeAttribute(round))\" submitted=\"\"/>\n"
    var section: Int? = nil
    for criterion in rubric.criteria {
      if criterion.section != section, let position = criterion.section {
        section = position
        out += "\n" + comment(["【\(sectionPath(position))】"], indent: "  ")
      }
      out += criterionBlock(criterion)
    }
    if !rubric.bonuses.isEmpty {
      var lines = ["加分项（如有，请保留对应行并附佐证）上限 \(formatted(rubric.effectiveBonusCap)) 分："]
      lines += rubric.bonuses.map { "  <bonus id=\"\($0.id)\"> \($0.title)（\(formatted($0.points)) 分）" }
      out += "\n" + comment(lines, indent: "  ")
    }
    if !rubric.deductions.isEmpty {
      var lines = ["扣分项（如实申报，count 为次数）："]
      lines += rubric.deductions.map { deduction in
        let how = deduction.select != nil ? "（由 <data> 自动计算）" : "  <deduction id=\"\(deduction.id)\" count=\"1\"/>"
        return "  \(deduction.id) \(deduction.title)：每次 \(formatted(deduction.points)) 分\(how)"
      }
      out += comment(lines, indent: "  ")
    }
    out += "  <data>\n"
    out += comment(["业务数据：计分表通过 XPath 读取以下数据（如有）。"] + dataHints(), indent: "    ")
    out += "  </data>\n"
    out += "</submission>\n"
    return out
  }

  // MARK: - Pieces

  private func criterionBlock(_ criterion: Criterion) -> String {
    var lines = ["\(criterion.isKey ? "★ " : "")\(criterion.id) \(criterion.title)（\(formatted(criterion.points)) 分）"]
    switch criterion.method {
    case .levels(let levels):
      lines.append("评分方式：等级，填写 level=\"…\"：")
      lines += levels.map { "  \($0.code) = \(formatted($0.points)) 分：\($0.text)" }
    case .scale(let from, let to):
      let direction = from > to ? "（数值越低越好）" : ""
      lines.append("评分方式：比例，填写 value=\"…\"；\(formatted(from)) 得 0 分，\(formatted(to)) 得满分\(direction)。")
    case .bands(let bands):
      lines.append("评分方式：区间，填写 value=\"…\"：")
      lines += bands.map { band in
        let low = band.min.map { "≥ \(formatted($0))" } ?? ""
        let high = band.max.map { "< \(formatted($0))" } ?? ""
        return "  \([low, high].filter { !$0.isEmpty }.joined(separator: " 且 ")) 得 \(formatted(band.points)) 分"
      }
    case .checklist(let items):
      lines.append("评分方式：清单，每完成一项加 <check item=\"…\"/>（合计最高 \(formatted(criterion.points)) 分）：")
      lines += items.map { item in
        "  \(item.id) = \(formatted(item.points)) 分：\(item.text)\(item.select != nil ? "（由 <data> 自动判定）" : "")"
      }
    case .judgement(let step):
      lines.append(
        "评分方式：专家评判，填写 points=\"…\"（0–\(formatted(criterion.points))\(step.map { "，步长 \(formatted($0))" } ?? "")）。")
    }
    if criterion.measure != nil {
      lines.append("数值由 <data> 中的业务数据自动计算，无需填写 value。")
    }
    if criterion.minimumEvidence > 0 {
      lines.append("佐证：至少 \(criterion.minimumEvidence) 份 <evidence>，否则不得分（无佐证材料不得分）。")
    }
    if criterion.isKey {
      lines.append("★ 必须完成项：得 0 分则评估等级为最低档。")
    }
    if criterion.isOptional {
      lines.append("合理缺项：如确不适用，改为 <response criterion=\"\(criterion.id)\" applicable=\"false\" reason=\"原因\"/>。")
    }
    var out = comment(lines, indent: "  ")
    out += "  <response criterion=\"\(escapeAttribute(criterion.id))\">\n"
    out += "    <!-- <evidence ref=\"台账/文件名.pdf\">佐证材料名称</evidence> -->\n"
    out += "  </response>\n"
    return out
  }

  private func dataHints() -> [String] {
    var hints: [String] = []
    for criterion in rubric.criteria {
      if let measure = criterion.measure { hints.append("\(criterion.id)：\(measure)") }
      if case .checklist(let items) = criterion.method {
        hints += items.compactMap { item in item.select.map { "\(criterion.id)/\(item.id)：\($0)" } }
      }
    }
    hints += rubric.vetoes.compactMap { veto in veto.select.map { "否决 \(veto.id)：\($0)" } }
    hints += rubric.deductions.compactMap { deduction in deduction.select.map { "扣分 \(deduction.id)：\($0)" } }
    return hints
  }

  private func sectionPath(_ position: Int) -> String {
    var names: [String] = []
    var current: Int? = position
    while let index = current {
      let section = rubric.sections[index]
      names.insert("\(section.id) \(section.title)", at: 0)
      current = section.parent
    }
    return names.joined(separator: " / ")
  }

  private func comment(_ lines: [String], indent: String) -> String {
    guard !lines.isEmpty else { return "" }
    let safe = lines.map(commentSafe)
    if safe.count == 1 { return "\(indent)<!-- \(safe[0]) -->\n" }
    return "\(indent)<!--\n" + safe.map { "\(indent)  \($0)\n" }.joined() + "\(indent)-->\n"
  }
}

/// Text that may stand inside an XML comment (no `--`, no trailing `-`).
func commentSafe(_ text: String) -> String {
  var result = text
  while result.contains("--") { result = result.replacingOccurrences("--", with: "- -") }
  if result.hasSuffix("-") { result += " " }
  return result
}

/// Text escaped for an XML attribute value in double quotes.
public func escapeAttribute(_ text: String) -> String { XMLEscape.escape(text) }

extension String {
  func replacingOccurrences(_ target: String, with replacement: String) -> String {
    var result = ""
    var rest = Substring(self)
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound] + replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
