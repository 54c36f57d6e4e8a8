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
        String(unit.rank), terminalCell(card.unit.id), terminalCell(card.unit.name),
        terminalCell(card.unit.region ?? "—"), terminalCell(card.unit.level ?? "—"), fixed2(card.score),
        fixed2(card.selfScore), terminalCell(tierLabel(card.tier)),
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

/// Text from an input file made safe for a terminal: control characters and the
/// bidirectional controls that would reorder a line (U+202A–U+202E, U+2066–U+2069,
/// U+200E, U+200F, U+061C) become `�`.
public func sanitized(_ text: String) -> String {
  guard text.unicodeScalars.contains(where: isUnsafeForTerminal) else { return text }
  return String(String.UnicodeScalarView(text.unicodeScalars.map { isUnsafeForTerminal($0) ? "\u{FFFD}" : $0 }))
}

/// Whether `scalar` is a control character or a bidirectional control.
private func isUnsafeForTerminal(_ scalar: Unicode.Scalar) -> Bool {
  switch scalar.value {
  case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
  default: scalar.properties.generalCategory == .control
  }
}

/// The widest a cell of the terminal table may be, in columns: a longer text is cut with `…`.
public let terminalCellWidth = 60

/// `text` sanitized and cut to `terminalCellWidth` columns (a 1,000,000-character
/// unit name would otherwise widen every row of the table).
func terminalCell(_ text: String) -> String {
  TextCut.fittedToColumns(sanitized(text), width: terminalCellWidth)
}
