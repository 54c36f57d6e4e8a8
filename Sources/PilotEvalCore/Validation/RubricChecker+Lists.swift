/// SPEC §1's rules for a rubric's lists: tiers, aggregation, tiebreak, vetoes, bonuses and deductions.
extension RubricChecker {
  // MARK: Tiers, aggregation, tiebreak

  mutating func readTiers(_ root: RubricNode) -> [Tier] {
    guard let list = root.child(named: "tiers", in: ns) else {
      error(Message(.rubricNoTiers), line: root.line)
      return []
    }
    var tiers: [Tier] = []
    var ids: [String: Int] = [:]
    var lines: [Int] = []
    for element in list.children(named: "tier", in: ns) {
      let id = element.attribute("id") ?? ""
      if id.isEmpty { error(Message(.rubricTierNoID), line: element.line) }
      if let first = ids[id] {
        error(Message(.rubricTierDuplicate, id, String(first)), line: element.line, subject: id)
      } else {
        ids[id] = element.line
      }
      // An unreadable min is one error; the comparisons with it are left out (NaN).
      let minimum = number(element, "min", required: true, owner: Message(.rubricOwnerTier, id)) ?? .nan
      let floor = number(element, "section-floor", required: false, owner: Message(.rubricOwnerTier, id))
      if let floor, floor < 0 || floor > 1 {
        warning(Message(.rubricFloorRange, id, formatted(floor)), line: element.line, subject: id)
      }
      if let previous = tiers.last, !minimum.isNaN, !previous.min.isNaN, !(minimum < previous.min) {
        error(
          Message(.rubricTiersNotDescending, id, formatted(minimum), previous.id, formatted(previous.min)),
          line: element.line, subject: id)
      }
      let name = element.text
      tiers.append(Tier(id: id, name: name.isEmpty ? id : name, min: minimum, sectionFloor: floor))
      lines.append(element.line)
    }
    guard let last = tiers.last else {
      error(Message(.rubricTiersEmpty), line: list.line)
      return []
    }
    if last.min != 0 && !last.min.isNaN {
      error(Message(.rubricLastTierNotZero, last.id, formatted(last.min)), line: lines.last!, subject: last.id)
    }
    if last.sectionFloor != nil {
      error(
        Message(.rubricLastTierFloor, last.id), line: lines.last!,
        subject: last.id)
    }
    return tiers
  }

  mutating func readAggregation(_ root: RubricNode) -> Aggregation {
    guard let element = root.child(named: "aggregation", in: ns) else { return .mean }
    let trim = Swift.min(
      Swift.max(number(element, "trim", required: false, owner: Message(.rubricOwnerAggregation)) ?? 1, -1),
      Double(Int32.max))
    switch element.attribute("method") ?? "mean" {
    case "mean": return .mean
    case "median": return .median
    case "trimmed-mean":
      if trim < 0 || trim != trim.rounded() {
        warning(
          Message(.rubricTrimWhole, formatted(trim), String(max(0, Int(trim)))), line: element.line)
      }
      return .trimmedMean(max(0, Int(trim)))
    case let other:
      warning(
        Message(.rubricUnknownAggregation, other), line: element.line)
      return .mean
    }
  }

  mutating func readTiebreak(_ root: RubricNode) -> [String] {
    guard let element = root.child(named: "tiebreak", in: ns) else { return [] }
    let known = Set(sections.map(\.id))
    var result: [String] = []
    for by in element.children(named: "by", in: ns) {
      let id = by.attribute("section") ?? ""
      if known.contains(id) {
        result.append(id)
      } else {
        error(Message(.rubricTiebreakUnknown, id), line: by.line, subject: id)
      }
    }
    return result
  }

  // MARK: Vetoes, bonuses, deductions

  mutating func readVetoes(_ root: RubricNode) -> [Veto] {
    var vetoes: [Veto] = []
    var ids: [String: Int] = [:]
    for list in root.children(named: "vetoes", in: ns) {
      for element in list.children(named: "veto", in: ns) {
        let id = element.attribute("id") ?? ""
        uniqueID(id, kind: .rubricKindVeto, line: element.line, in: &ids)
        let select = element.attribute("select")
        if let select { checkXPath(select, line: element.line, owner: Message(.rubricOwnerVeto, id), subject: id) }
        vetoes.append(
          Veto(id: id, title: element.attribute("title") ?? element.text, select: select, line: element.line))
      }
    }
    return vetoes
  }

  mutating func readAdjustments(_ root: RubricNode, list: String, item: String) -> ([Adjustment], Double?) {
    let kind: MessageKey = item == "bonus" ? .rubricKindBonus : .rubricKindDeduction
    func owner(_ id: String) -> Message { Message(item == "bonus" ? .rubricOwnerBonus : .rubricOwnerDeduction, id) }
    var items: [Adjustment] = []
    var ids: [String: Int] = [:]
    var cap: Double?
    for container in root.children(named: list, in: ns) {
      if let value = number(container, "cap", required: false, owner: Message(.rubricOwnerList, list)) {
        if value < 0 {
          error(
            Message(.rubricCapNegative, parts: [.message(Message(kind)), .text(formatted(value))]), line: container.line
          )
        }
        cap = value
      }
      for element in container.children(named: item, in: ns) {
        let id = element.attribute("id") ?? ""
        uniqueID(id, kind: kind, line: element.line, in: &ids)
        let points = number(element, "points", required: true, owner: owner(id)) ?? 0
        if points < 0 {
          error(
            Message(.rubricPartNegative, parts: [.message(owner(id)), .text(formatted(points))]), line: element.line,
            subject: id)
        }
        if let cap, points > cap + scoringEpsilon {
          warning(
            Message(
              .rubricAdjustmentOverCap, parts: [.message(owner(id)), .text(formatted(points)), .text(formatted(cap))]),
            line: element.line,
            subject: id)
        }
        let select = element.attribute("select")
        if let select {
          checkXPath(select, line: element.line, owner: owner(id), subject: id)
          if item == "bonus" { warning(Message(.rubricBonusSelect, id), line: element.line, subject: id) }
        }
        items.append(
          Adjustment(
            id: id, title: element.attribute("title") ?? element.text, points: points, select: select,
            line: element.line))
      }
    }
    return (items, cap)
  }

  mutating func uniqueID(_ id: String, kind: MessageKey, line: Int, in seen: inout [String: Int]) {
    if id.isEmpty { error(Message(.rubricNoID2, parts: [.message(Message(kind))]), line: line) }
    if let first = seen[id] {
      error(
        Message(.rubricKindDuplicate, parts: [.message(Message(kind)), .text(id), .text(String(first))]), line: line,
        subject: id)
    } else {
      seen[id] = line
    }
  }
}
