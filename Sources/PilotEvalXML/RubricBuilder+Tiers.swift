import PilotEvalCore

/// The tiers, the aggregation and the tiebreak of a rubric (SPEC §1).
extension RubricBuilder {
  mutating func readTiers(_ root: Element) -> [Tier] {
    guard let list = root.child(named: "tiers", in: ns) else {
      error("the rubric has no <tiers>: the last tier must start at 0", line: root.line)
      return []
    }
    var tiers: [Tier] = []
    var ids: [String: Int] = [:]
    var lines: [Int] = []
    for element in list.children(named: "tier", in: ns) {
      let id = element.attribute("id") ?? ""
      if id.isEmpty { error("a tier has no id", line: element.line) }
      if let first = ids[id] {
        error("duplicate tier id '\(id)' (first at line \(first))", line: element.line, subject: id)
      } else {
        ids[id] = element.line
      }
      let minimum = number(element, "min", required: true, owner: "tier \(id)") ?? 0
      let floor = number(element, "section-floor", required: false, owner: "tier \(id)")
      if let floor, floor < 0 || floor > 1 {
        warning("the section floor of tier \(id) is \(formatted(floor)), outside 0…1", line: element.line, subject: id)
      }
      if let previous = tiers.last, !(minimum < previous.min) {
        error(
          "tier \(id) has min \(formatted(minimum)), not below tier \(previous.id)'s \(formatted(previous.min)): tiers must be strictly descending",
          line: element.line, subject: id)
      }
      let name = element.text
      tiers.append(Tier(id: id, name: name.isEmpty ? id : name, min: minimum, sectionFloor: floor))
      lines.append(element.line)
    }
    guard let last = tiers.last else {
      error("<tiers> is empty: the last tier must start at 0", line: list.line)
      return []
    }
    if last.min != 0 {
      error("the last tier \(last.id) starts at \(formatted(last.min)), not 0", line: lines.last!, subject: last.id)
    }
    if last.sectionFloor != nil {
      error(
        "the last tier \(last.id) has a section floor; the lowest tier must take every unit", line: lines.last!,
        subject: last.id)
    }
    return tiers
  }

  mutating func readAggregation(_ root: Element) -> Aggregation {
    guard let element = root.child(named: "aggregation", in: ns) else { return .mean }
    let trim = Swift.min(
      Swift.max(number(element, "trim", required: false, owner: "aggregation") ?? 1, -1), Double(Int32.max))
    switch element.attribute("method") ?? "mean" {
    case "mean": return .mean
    case "median": return .median
    case "trimmed-mean":
      if trim < 0 || trim != trim.rounded() {
        warning(
          "trim must be a whole number ≥ 0; '\(formatted(trim))' is read as \(max(0, Int(trim)))", line: element.line)
      }
      return .trimmedMean(max(0, Int(trim)))
    case let other:
      warning(
        "unknown aggregation method '\(other)' (expected mean, median, trimmed-mean); mean is used", line: element.line)
      return .mean
    }
  }

  mutating func readTiebreak(_ root: Element) -> [String] {
    guard let element = root.child(named: "tiebreak", in: ns) else { return [] }
    let known = Set(sections.map(\.id))
    var result: [String] = []
    for by in element.children(named: "by", in: ns) {
      let id = by.attribute("section") ?? ""
      if known.contains(id) {
        result.append(id)
      } else {
        error("the tiebreak names an unknown section '\(id)'", line: by.line, subject: id)
      }
    }
    return result
  }
}
