public import Foundation
public import PilotEvalCore

extension RoundResult {
  /// The round as a spreadsheet: a ranking sheet (the columns of results.csv, and with `analysis` the rank
  /// interval, exemplar and robustness), a per-criterion sheet and a rejected-files sheet (one row per file,
  /// all its reasons in one cell). Labels and status values are in `language`. Numbers are numeric cells;
  /// text from input files is always a text cell, never a formula. Every sheet prints A4 landscape, one page
  /// wide, its header row repeated, and has an autofilter on its header.
  public func workbook(language: ReportLanguage = .zh, analysis: RoundAnalysis? = nil) throws -> Data {
    let words = ReportStrings(language: language)
    let topSections = rubric.sections.enumerated().filter { $0.element.parent == nil }
    var book = Workbook()
    book.addSheet(
      name: words["sheet.ranking"], rows: rankingRows(words, topSections: topSections.map(\.offset), analysis),
      columnWidths: [5, 9, 10, 22, 6, 6, 14, 8, 8, 7, 5, 5] + topSections.map { _ in 10 })

    var criteria: [[XLSXCell]] = [
      ["unit", "name", "criterion", "criterionTitle", "score", "selfScore", "max", "status"].map {
        .text(words["col.\($0)"])
      }
    ]
    for unit in ranked() {
      let card = unit.scorecard
      for (index, criterion) in rubric.criteria.enumerated() {
        let outcome = card.criteria[index]
        criteria.append([
          .text(card.unit.id), .text(card.unit.name), .text(criterion.id), .text(criterion.title),
          .number(outcome.points), .number(outcome.selfPoints), .number(criterion.points),
          .text(words["status.\(outcome.status.rawValue)"]),
        ])
      }
    }
    book.addSheet(name: words["sheet.criteria"], rows: criteria, columnWidths: [10, 22, 7, 26, 9, 9, 7, 12])

    var rejectedRows: [[XLSXCell]] = [["file", "kind", "reasons"].map { .text(words["col.\($0)"]) }]
    for rejection in rejected {
      let reasons = rejection.errors.map { error in
        let text = error.text(in: language == .en ? .en : .zh)
        return error.line > 0 ? words.format("atLine", String(error.line), text) : text
      }
      rejectedRows.append([
        .text(rejection.file), .text(words["kind.\(rejection.kind.rawValue)"]),
        .text(reasons.joined(separator: words["separator"])),
      ])
    }
    book.addSheet(name: words["sheet.rejected"], rows: rejectedRows, columnWidths: [44, 8, 90])
    return try book.data()
  }

  /// The ranking sheet: header, then one row per unit in rank order.
  private func rankingRows(_ words: ReportStrings, topSections: [Int], _ analysis: RoundAnalysis?) -> [[XLSXCell]] {
    let headers = [
      "rank", "interval", "unit", "name", "region", "level", "category", "score", "selfScore", "tier", "exemplar",
      "robust",
    ].map { XLSXCell.text(words["col.\($0)"]) }
    var rows = [headers + topSections.map { .text("\(rubric.sections[$0].id) \(rubric.sections[$0].title)") }]
    let exemplars = Dictionary(
      (analysis?.exemplars.exemplars ?? []).map { ($0.index, $0) }
    ) { first, _ in first }
    let robustness = analysis?.robustness.units ?? []
    for place in analysis?.placements ?? placements() {
      let card = scorecards[place.index]
      let tier =
        card.tier == Scorecard.vetoedTier ? words["vetoed"] : (rubric.tier(card.tier)?.name ?? card.tier)
      let interval: XLSXCell =
        robustness.indices.contains(place.index)
        ? .text("\(robustness[place.index].rank5)–\(robustness[place.index].rank95)") : .empty
      let exemplar = exemplars[place.index]
      let robust: XLSXCell =
        exemplar.map { .text(analysis?.isRobust($0) == true ? words["yes"] : words["no"]) } ?? .empty
      rows.append(
        [
          .integer(place.rank), interval, .text(card.unit.id), .text(card.unit.name), .text(card.unit.region ?? ""),
          .text(card.unit.level ?? ""), .text(card.unit.category ?? ""), .number(card.score), .number(card.selfScore),
          .text(tier), exemplar == nil ? .empty : .text(words["yes"]), robust,
        ] + topSections.map { .number(card.sections[$0].earned) })
    }
    return rows
  }
}
