/// SPEC §1's rules for a criterion's scoring method and the points of its parts.
extension RubricChecker {
  mutating func readMethod(_ element: RubricNode, criterion id: String, points: Double) -> ScoringMethod {
    switch element.name {
    case "levels":
      var levels: [Level] = []
      var codes: [String: Int] = [:]
      for level in element.children(named: "level", in: ns) {
        let code = level.attribute("code") ?? ""
        if code.isEmpty { error(Message(.rubricLevelNoCode, id), line: level.line, subject: id) }
        if let first = codes[code] {
          error(
            Message(.rubricLevelRepeats, code, id, String(first)), line: level.line, subject: id)
        } else {
          codes[code] = level.line
        }
        let value = itemPoints(
          level, owner: Message(.rubricOwnerLevel, code, id), criterion: id, limit: points, refuseAbove: true)
        levels.append(Level(code: code, points: value, text: level.text))
      }
      if levels.isEmpty { warning(Message(.rubricNoLevels, id), line: element.line, subject: id) }
      if let best = levels.map(\.points).max(), best < points - scoringEpsilon {
        warning(Message(.rubricLevelsShort, id, formatted(points)), line: element.line, subject: id)
      }
      return .levels(levels)
    case "scale":
      let from = number(element, "from", required: true, owner: Message(.rubricOwnerScale, id)) ?? 0
      let to = number(element, "to", required: true, owner: Message(.rubricOwnerScale, id)) ?? 1
      if from == to {
        error(
          Message(.rubricScaleFlat, id, formatted(from)), line: element.line,
          subject: id)
      }
      return .scale(from: from, to: to)
    case "bands":
      var bands: [Band] = []
      for band in element.children(named: "band", in: ns) {
        let low = number(band, "min", required: false, owner: Message(.rubricOwnerBand, id))
        let high = number(band, "max", required: false, owner: Message(.rubricOwnerBand, id))
        if let low, let high, low >= high {
          warning(
            Message(.rubricBandEmpty, id, formatted(low), formatted(high)), line: band.line,
            subject: id)
        }
        let value = itemPoints(
          band, owner: Message(.rubricOwnerBand, id), criterion: id, limit: points, refuseAbove: true)
        bands.append(Band(min: low, max: high, points: value))
      }
      if bands.isEmpty {
        warning(Message(.rubricNoBands, id), line: element.line, subject: id)
      }
      return .bands(bands)
    case "checklist":
      var items: [ChecklistItem] = []
      var ids: [String: Int] = [:]
      for item in element.children(named: "item", in: ns) {
        let itemID = item.attribute("id") ?? ""
        if itemID.isEmpty { error(Message(.rubricItemNoID, id), line: item.line, subject: id) }
        if let first = ids[itemID] {
          error(Message(.rubricItemRepeats, itemID, id, String(first)), line: item.line, subject: id)
        } else {
          ids[itemID] = item.line
        }
        let value = itemPoints(
          item, owner: Message(.rubricOwnerItem, itemID, id), criterion: id, limit: points, refuseAbove: false)
        let select = item.attribute("select")
        if let select { checkXPath(select, line: item.line, owner: Message(.rubricOwnerItem, itemID, id), subject: id) }
        items.append(ChecklistItem(id: itemID, points: value, text: item.text, select: select, line: item.line))
      }
      if items.isEmpty { warning(Message(.rubricEmptyChecklist, id), line: element.line, subject: id) }
      let reachable = items.reduce(0) { $0 + $1.points }
      if reachable < points - scoringEpsilon {
        warning(
          Message(.rubricItemsShort, id, formatted(reachable), formatted(points)),
          line: element.line, subject: id)
      }
      return .checklist(items)
    default:
      let step = number(element, "step", required: false, owner: Message(.rubricOwnerJudgement, id))
      if let step, step <= 0 {
        warning(
          Message(.rubricStepNotPositive, id), line: element.line, subject: id)
        return .judgement(step: nil)
      }
      return .judgement(step: step)
    }
  }

  mutating func itemPoints(
    _ element: RubricNode, owner: Message, criterion id: String, limit: Double, refuseAbove: Bool
  ) -> Double {
    let value = number(element, "points", required: true, owner: owner) ?? 0
    if value < 0 {
      error(
        Message(.rubricPartNegative, parts: [.message(owner), .text(formatted(value))]), line: element.line, subject: id
      )
    } else if value > limit + scoringEpsilon {
      let parts: [Message.Argument] = [.message(owner), .text(formatted(value)), .text(formatted(limit))]
      if refuseAbove {
        error(Message(.rubricPartOverLimit, parts: parts), line: element.line, subject: id)
      } else {
        warning(Message(.rubricPartOverLimitCapped, parts: parts), line: element.line, subject: id)
      }
    }
    return value
  }
}
