public import PilotEvalCore

extension RoundResult {
  /// The ranking as a terminal table: rank, unit, name, region, level, score, self score, tier;
  /// headers in `language`, or in both when it is nil.
  public func table(in language: Language? = nil) -> String {
    let headers: [(zh: String, en: String)] = [
      ("名次", "rank"), ("单位", "unit"), ("名称", "name"), ("地区", "region"), ("层级", "level"), ("得分", "score"),
      ("自评", "self"), ("等级", "tier"),
    ]
    let titles = headers.map { header in
      switch language {
      case .zh: header.zh
      case .en: header.en
      case nil: header.zh + " " + header.en
      }
    }
    let alignments: [TextTable.Alignment] = [.right, .left, .left, .left, .left, .right, .right, .left]
    var table = TextTable(columns: Array(zip(titles, alignments)))
    for unit in ranked() {
      let card = unit.scorecard
      table.append([
        String(unit.rank), sanitized(card.unit.id), sanitized(card.unit.name), sanitized(card.unit.region ?? "—"),
        sanitized(card.unit.level ?? "—"), fixed2(card.score), fixed2(card.selfScore), tierLabel(card.tier),
      ])
    }
    return table.render()
  }

  /// The display name of a tier id (e.g. 示范 for `exemplary`), 一票否决 for vetoed units.
  public func tierLabel(_ id: String) -> String {
    if id == Scorecard.vetoedTier { return "一票否决 vetoed" }
    return rubric.tier(id).map { "\($0.name) \($0.id)" } ?? id
  }

  /// Per-file rejection lines, compiler style, in path order, in `language`.
  public func rejectionLines(in language: Language = .en) -> [String] {
    rejected.flatMap { rejection in
      rejection.errors.map { error in
        var copy = error
        if copy.file.isEmpty { copy.file = rejection.file }
        return sanitized(copy.description(in: language))
      }
    }
  }
}

/// Text from an input file made safe for a terminal: control characters become `�`.
public func sanitized(_ text: String) -> String {
  String(
    String.UnicodeScalarView(
      text.unicodeScalars.map { scalar in
        scalar.properties.generalCategory == .control ? "\u{FFFD}" : scalar
      }))
}
