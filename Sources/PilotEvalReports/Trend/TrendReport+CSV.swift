public import PilotEvalCore

extension TrendReport {
  /// One row per unit in id order, for Excel: unit, name, region, level; then, for each round, the score (on
  /// the report's basis), rank and tier (empty where the unit has no scorecard); then the score change and the
  /// rank change (positive = moved up) from the first round the unit appears in to the last.
  ///
  /// Columns of a round are headed `<round> score`, `<round> rank` and `<round> tier`. UTF-8 with a byte
  /// order mark and CRLF line ends, as every CSV file of the report.
  public func csv() -> String {
    var header = ["unit", "name", "region", "level"]
    for round in rounds { header += ["\(round) score", "\(round) rank", "\(round) tier"] }
    header += ["change", "rankChange"]
    var writer = CSVWriter(header: header)
    for unit in units {
      var row: [CSVCell] = [.text(unit.id), .text(unit.name), .text(unit.region), .text(unit.level)]
      for round in rounds.indices {
        let score = unit.scores.indices.contains(round) ? unit.scores[round] : nil
        let rank = unit.ranks.indices.contains(round) ? unit.ranks[round] : nil
        let tier = unit.tiers.indices.contains(round) ? unit.tiers[round] : nil
        row.append(score.map(CSVCell.number) ?? .empty)
        row.append(rank.map(CSVCell.integer) ?? .empty)
        row.append(tier.map(CSVCell.text) ?? .empty)
      }
      row.append(unit.change.map(CSVCell.number) ?? .empty)
      row.append(unit.rankChange.map(CSVCell.integer) ?? .empty)
      writer.append(row)
    }
    return writer.render()
  }
}
