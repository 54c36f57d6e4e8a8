public import PilotEvalCore

extension RoundResult {
  /// The result file's text: SPEC §5's object, one unit per line.
  public func jsonText() -> String {
    var bytes: [UInt8] = []
    writeJSON { bytes.append(contentsOf: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Streams the result file's UTF-8 text to `write` a unit at a time, so a
  /// round of any size is never held in memory as one document.
  public func writeJSON(_ write: ([UInt8]) -> Void) {
    var chunk: [UInt8] = []
    chunk.append(contentsOf: "{\n".utf8)
    member("rubric", .object([
      ("id", .string(rubric.id)), ("version", .string(rubric.version)), ("total", .number(rubric.total)),
    ]), into: &chunk)
    chunk.append(contentsOf: ",\n".utf8)
    member("round", .optional(round), into: &chunk)
    chunk.append(contentsOf: ",\n  \"units\": ".utf8)
    write(chunk)
    writeLines(ranked(), write) { $0.json() }
    write(Array(",\n  \"rejected\": ".utf8))
    writeLines(rejected, write) { $0.json() }
    chunk = Array(",\n".utf8)
    member("summary", summary.json(), into: &chunk)
    chunk.append(contentsOf: "\n}\n".utf8)
    write(chunk)
  }

  private func member(_ key: String, _ value: JSONValue, into output: inout [UInt8]) {
    output.append(contentsOf: "  ".utf8)
    JSONValue.string(key).write(into: &output, indent: 2, prettyDepth: 0)
    output.append(contentsOf: ": ".utf8)
    value.write(into: &output, indent: 2, prettyDepth: 1)
  }

  private func writeLines<T>(_ items: [T], _ write: ([UInt8]) -> Void, _ json: (T) -> JSONValue) {
    guard !items.isEmpty else { return write(Array("[]".utf8)) }
    write(Array("[\n".utf8))
    var line: [UInt8] = []
    for (index, item) in items.enumerated() {
      line.removeAll(keepingCapacity: true)
      line.append(contentsOf: "    ".utf8)
      json(item).write(into: &line, indent: 4, prettyDepth: 0)
      line.append(contentsOf: (index + 1 < items.count ? ",\n" : "\n").utf8)
      write(line)
    }
    write(Array("  ]".utf8))
  }

  /// The machine-readable result of SPEC §5, with extra keys that keep every
  /// number's reason (each reviewer's points in `reviewerIds` order, self
  /// statuses, tier blocks, a summary).
  public func json() -> JSONValue {
    let ranked = ranked()
    return .object([
      (
        "rubric",
        .object([
          ("id", .string(rubric.id)), ("version", .string(rubric.version)), ("total", .number(rubric.total)),
        ])
      ),
      ("round", .optional(round)),
      ("units", .array(ranked.map { $0.json() })),
      ("rejected", .array(rejected.map { $0.json() })),
      ("summary", summary.json()),
    ])
  }
}

extension RankedUnit {
  /// One entry of `units` in SPEC §5.
  public func json() -> JSONValue {
    let card = scorecard
    return .object([
      ("unit", .string(card.unit.id)),
      ("name", .string(card.unit.name)),
      ("region", .optional(card.unit.region)),
      ("level", .optional(card.unit.level)),
      ("category", .optional(card.unit.category)),
      ("round", .string(card.round)),
      ("file", .string(card.file)),
      ("score", .number(card.score)),
      ("selfScore", .number(card.selfScore)),
      ("base", .number(card.base)),
      ("selfBase", .number(card.selfBase)),
      ("bonus", .number(card.bonus)),
      ("selfBonus", .number(card.selfBonus)),
      ("deduction", .number(card.deduction)),
      ("selfDeduction", .number(card.selfDeduction)),
      ("applicableMax", .number(card.applicableMax)),
      ("tier", .string(card.tier)),
      ("selfTier", .string(card.selfTier)),
      ("blockedTiers", .array(card.blockedTiers.map { $0.json() })),
      ("vetoed", .bool(card.vetoed)),
      ("vetoes", .array(card.vetoes.map { .string($0.id) })),
      ("vetoDetails", .array(card.vetoes.map { $0.json() })),
      ("rank", .integer(rank)),
      ("reviewers", .integer(card.reviewers.count)),
      ("reviewerIds", .array(card.reviewers.map(JSONValue.string))),
      (
        "cohortRanks",
        .object([
          ("region", .integer(cohortRanks.region)), ("level", .integer(cohortRanks.level)),
          ("category", .integer(cohortRanks.category)),
        ])
      ),
      (
        "sections",
        .array(
          card.sections.map {
            .object([
              ("id", .string($0.id)), ("earned", .number($0.earned)), ("max", .number($0.max)),
              ("selfEarned", .number($0.selfEarned)),
            ])
          })
      ),
      ("criteria", .array(card.criteria.map { $0.json() })),
      ("bonuses", .array(card.bonuses.map { $0.json() })),
      ("deductions", .array(card.deductions.map { $0.json() })),
    ])
  }
}

extension CriterionResult {
  func json() -> JSONValue {
    .object([
      ("id", .string(id)),
      ("points", .number(points)),
      ("selfPoints", .number(selfPoints)),
      ("max", .number(max)),
      ("status", .string(status.rawValue)),
      ("selfStatus", .string(selfStatus.rawValue)),
      ("reviewerPoints", .array(reviews.map { .number($0.points) })),
    ])
  }
}

extension TierBlock {
  func json() -> JSONValue {
    let (rule, ids): (String, [String])
    switch reason {
    case .sectionFloor(let sections): (rule, ids) = ("section-floor", sections)
    case .keyItemAtZero(let criteria): (rule, ids) = ("key-item-at-zero", criteria)
    case .veto(let vetoes): (rule, ids) = ("veto", vetoes)
    }
    return .object([("tier", .string(tier)), ("rule", .string(rule)), ("ids", .array(ids.map(JSONValue.string)))])
  }
}

extension VetoOutcome {
  func json() -> JSONValue {
    .object([
      ("id", .string(id)), ("fromData", .bool(fromData)), ("reviewers", .array(reviewers.map(JSONValue.string))),
    ])
  }
}

extension AdjustmentResult {
  func json() -> JSONValue {
    .object([
      ("id", .string(id)), ("claimed", .bool(claimed)), ("counted", .bool(counted)),
      ("count", .number(count)), ("selfCount", .number(selfCount)), ("points", .number(points)),
    ])
  }
}

extension Rejection {
  /// One entry of `rejected` in SPEC §5.
  public func json() -> JSONValue {
    .object([
      ("file", .string(file)),
      ("kind", .string(kind.rawValue)),
      (
        "errors",
        .array(
          errors.map { error in
            var members: [(String, JSONValue)] = [("line", .integer(error.line))]
            if let column = error.column { members.append(("column", .integer(column))) }
            members.append(("message", .string(error.message)))
            return .object(members)
          })
      ),
    ])
  }
}

extension RunSummary {
  func json() -> JSONValue {
    .object([
      ("submissions", .integer(submissions)),
      ("scored", .integer(scored)),
      ("rejectedSubmissions", .integer(rejectedSubmissions)),
      ("reviewsApplied", .integer(reviewsApplied)),
      ("rejectedReviews", .integer(rejectedReviews)),
    ])
  }
}
