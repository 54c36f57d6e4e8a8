public import Foundation
public import PilotEvalCore

extension RoundResult {
  /// The round as a spreadsheet: a ranking sheet (the columns of results.csv), a
  /// per-criterion sheet and a rejected-files sheet. Numbers are numeric cells;
  /// text from input files is always a text cell, never a formula.
  public func workbook(language: ReportLanguage = .zh) throws -> Data {
    let zh = language == .zh
    let topSections = rubric.sections.enumerated().filter { $0.element.parent == nil }
    var book = Workbook()
    var ranking: [[XLSXCell]] = [
      (zh
        ? ["名次", "单位", "名称", "地区", "层级", "类别", "核定得分", "自评得分", "等级", "一票否决"]
        : ["rank", "unit", "name", "region", "level", "category", "score", "selfScore", "tier", "vetoed"])
        .map(XLSXCell.text) + topSections.map { .text("\($0.element.id) \($0.element.title)") }
    ]
    for unit in ranked() {
      let card = unit.scorecard
      let tier =
        card.tier == Scorecard.vetoedTier ? (zh ? "一票否决" : "vetoed") : (rubric.tier(card.tier)?.name ?? card.tier)
      ranking.append(
        [
          .integer(unit.rank), .text(card.unit.id), .text(card.unit.name), .text(card.unit.region ?? ""),
          .text(card.unit.level ?? ""), .text(card.unit.category ?? ""), .number(card.score), .number(card.selfScore),
          .text(tier), .text(card.vetoed ? (zh ? "是" : "yes") : ""),
        ] + topSections.map { .number(card.sections[$0.offset].earned) })
    }
    book.addSheet(
      name: zh ? "排名" : "Ranking", rows: ranking,
      columnWidths: [6, 12, 28, 8, 8, 18, 10, 10, 8, 8] + topSections.map { _ in 14 })

    var criteria: [[XLSXCell]] = [
      (zh
        ? ["单位", "名称", "指标", "指标名称", "核定得分", "自评得分", "满分", "状态"]
        : ["unit", "name", "criterion", "title", "points", "selfPoints", "max", "status"]).map(XLSXCell.text)
    ]
    for unit in ranked() {
      let card = unit.scorecard
      for (index, criterion) in rubric.criteria.enumerated() {
        let outcome = card.criteria[index]
        criteria.append([
          .text(card.unit.id), .text(card.unit.name), .text(criterion.id), .text(criterion.title),
          .number(outcome.points), .number(outcome.selfPoints), .number(criterion.points),
          .text(outcome.status.rawValue),
        ])
      }
    }
    book.addSheet(name: zh ? "指标明细" : "Criteria", rows: criteria, columnWidths: [12, 28, 8, 28, 10, 10, 8, 22])

    var rejectedRows: [[XLSXCell]] = [
      (zh ? ["文件", "类型", "行", "原因"] : ["file", "kind", "line", "reason"]).map(XLSXCell.text)
    ]
    for rejection in rejected {
      for error in rejection.errors {
        rejectedRows.append([
          .text(rejection.file), .text(rejection.kind.rawValue), .integer(error.line),
          .text(error.text(in: zh ? .zh : .en)),
        ])
      }
    }
    book.addSheet(name: zh ? "拒收文件" : "Rejected", rows: rejectedRows, columnWidths: [48, 12, 6, 80])
    return try book.data()
  }
}
