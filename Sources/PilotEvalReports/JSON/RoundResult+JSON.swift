public import PilotEvalCore

extension RoundResult {
  /// The result file's text (SPEC §5): one unit per line.
  public func jsonText() -> String {
    var bytes: [UInt8] = []
    writeJSON { bytes.append(contentsOf: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Streams the result file's UTF-8 text to `write` a line at a time, so a
  /// round of any size is never held in memory as one document.
  ///
  /// Beside SPEC §5's keys, each unit keeps every number's reason: the self
  /// side of every figure, `selfTier`, `blockedTiers` (tiers the score reached
  /// but a rule kept the unit out of), `reviewerIds` and, per criterion,
  /// `selfStatus` and `reviewerPoints` in `reviewerIds` order; a `summary`
  /// closes the file.
  public func writeJSON(jobs: Int = 1, _ write: ([UInt8]) -> Void) {
    var json = JSONWriter()
    json.raw("{\n  \"rubric\": ")
    json.beginObject()
    json.field("id", rubric.id)
    json.field("version", rubric.version)
    json.field("total", rubric.total)
    json.endObject()
    json.raw(",\n  \"round\": ")
    json.value(round)
    json.raw(",\n  \"units\": ")
    write(json.bytes)
    let units = placements()
    let scorecards = scorecards
    if units.isEmpty {
      write(Array("[]".utf8))
    } else {
      OrderedParallel.forEach(
        count: units.count, jobs: jobs,
        transform: { index in
          var json = JSONWriter(capacity: 8192)
          json.raw(index == 0 ? "[\n    " : ",\n    ")
          let place = units[index]
          RankedUnit(scorecard: scorecards[place.index], rank: place.rank, cohortRanks: place.cohortRanks)
            .write(to: &json)
          return json.bytes
        },
        consume: { _, line in write(line) })
      write(Array("\n  ]".utf8))
    }
    json.reset()
    json.raw(",\n  \"rejected\": ")
    write(json.bytes)
    writeLines(rejected, write) { json, rejection in rejection.write(to: &json) }
    json.reset()
    json.raw(",\n  \"summary\": ")
    summary.write(to: &json)
    json.raw("\n}\n")
    write(json.bytes)
  }

  private func writeLines<T>(_ items: [T], _ write: ([UInt8]) -> Void, _ body: (inout JSONWriter, T) -> Void) {
    guard !items.isEmpty else { return write(Array("[]".utf8)) }
    var json = JSONWriter()
    for (index, item) in items.enumerated() {
      json.reset()
      json.raw(index == 0 ? "[\n    " : ",\n    ")
      body(&json, item)
      write(json.bytes)
    }
    write(Array("\n  ]".utf8))
  }
}

extension RankedUnit {
  /// Writes one entry of `units` (SPEC §5).
  public func write(to json: inout JSONWriter) {
    let card = scorecard
    json.beginObject()
    json.field("unit", card.unit.id)
    json.field("name", card.unit.name)
    json.field("region", card.unit.region)
    json.field("level", card.unit.level)
    json.field("category", card.unit.category)
    json.field("round", card.round)
    json.field("file", card.file)
    json.field("score", card.score)
    json.field("selfScore", card.selfScore)
    json.field("base", card.base)
    json.field("selfBase", card.selfBase)
    json.field("bonus", card.bonus)
    json.field("selfBonus", card.selfBonus)
    json.field("deduction", card.deduction)
    json.field("selfDeduction", card.selfDeduction)
    json.field("applicableMax", card.applicableMax)
    json.field("tier", card.tier)
    json.field("selfTier", card.selfTier)
    json.key("blockedTiers")
    json.beginArray()
    for block in card.blockedTiers { block.write(to: &json) }
    json.endArray()
    json.field("vetoed", card.vetoed)
    json.field("vetoes", card.vetoes.map(\.id))
    json.key("vetoDetails")
    json.beginArray()
    for veto in card.vetoes {
      json.beginObject()
      json.field("id", veto.id)
      json.field("fromData", veto.fromData)
      json.field("reviewers", veto.reviewers)
      json.endObject()
    }
    json.endArray()
    json.field("rank", rank)
    json.field("reviewers", card.reviewers.count)
    json.field("reviewerIds", card.reviewers)
    json.key("cohortRanks")
    cohortRanks.write(to: &json)
    json.key("sections")
    json.beginArray()
    for section in card.sections {
      json.beginObject()
      json.field("id", section.id)
      json.field("earned", section.earned)
      json.field("max", section.max)
      json.field("selfEarned", section.selfEarned)
      json.endObject()
    }
    json.endArray()
    json.key("criteria")
    json.beginArray()
    let criteria = card.criteria
    for index in criteria.indices {
      json.beginObject()
      json.field("id", criteria.id(at: index))
      json.field("points", criteria.points(at: index))
      json.field("selfPoints", criteria.selfPoints(at: index))
      json.field("max", criteria.max(at: index))
      json.field("status", criteria.status(at: index).rawValue)
      json.field("selfStatus", criteria.selfStatus(at: index).rawValue)
      json.key("reviewerPoints")
      json.beginArray()
      for reviewer in criteria.reviewerIDs.indices {
        json.value(criteria.reviewerPoints(criterion: index, reviewer: reviewer))
      }
      json.endArray()
      json.endObject()
    }
    json.endArray()
    json.key("bonuses")
    json.beginArray()
    for bonus in card.bonuses { bonus.write(to: &json) }
    json.endArray()
    json.key("deductions")
    json.beginArray()
    for deduction in card.deductions { deduction.write(to: &json) }
    json.endArray()
    json.endObject()
  }
}

extension TierBlock {
  func write(to json: inout JSONWriter) {
    let (rule, ids): (String, [String])
    switch reason {
    case .sectionFloor(let sections): (rule, ids) = ("section-floor", sections)
    case .keyItemAtZero(let criteria): (rule, ids) = ("key-item-at-zero", criteria)
    case .veto(let vetoes): (rule, ids) = ("veto", vetoes)
    }
    json.beginObject()
    json.field("tier", tier)
    json.field("rule", rule)
    json.field("ids", ids)
    json.endObject()
  }
}

extension AdjustmentResult {
  func write(to json: inout JSONWriter) {
    json.beginObject()
    json.field("id", id)
    json.field("claimed", claimed)
    json.field("counted", counted)
    json.field("count", count)
    json.field("selfCount", selfCount)
    json.field("points", points)
    json.endObject()
  }
}

extension Rejection {
  /// Writes one entry of `rejected` (SPEC §5).
  public func write(to json: inout JSONWriter) {
    json.beginObject()
    json.field("file", file)
    json.field("kind", kind.rawValue)
    json.key("errors")
    json.beginArray()
    for error in errors {
      json.beginObject()
      json.field("line", error.line)
      if let column = error.column { json.field("column", column) }
      json.field("message", error.message)
      json.endObject()
    }
    json.endArray()
    json.endObject()
  }
}

extension RunSummary {
  func write(to json: inout JSONWriter) {
    json.beginObject()
    json.field("submissions", submissions)
    json.field("scored", scored)
    json.field("rejectedSubmissions", rejectedSubmissions)
    json.field("reviewsApplied", reviewsApplied)
    json.field("rejectedReviews", rejectedReviews)
    json.endObject()
  }
}

extension CohortRanks {
  /// Writes `{"region": …, "level": …, "category": …}`.
  func write(to json: inout JSONWriter) {
    json.beginObject()
    json.field("region", region)
    json.field("level", level)
    json.field("category", category)
    json.endObject()
  }
}
