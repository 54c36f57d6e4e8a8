import PilotEvalCore

extension ReportSite {
  /// The expert-panel section of the index page: the leader's sentence (grade, ICC, interval, units × experts),
  /// how to read it, the design note, every figure with its interval and basis, each expert's leniency with the
  /// units it rests on, and the criteria whose ranges need a consensus meeting.
  func panelSection() -> String {
    let panel = analysis.panel
    var html = "<p class=\"panel-verdict\"><b>\(HTML.text(panel.agreementSentence(strings)))</b></p>"
    html += "<p class=\"note\">\(HTML.text(strings["uq.gradeNote"]))</p>"
    html += "<p>\(HTML.text(panel.designSentence(strings)))</p>"
    html += table(
      [
        strings["uq.statistic"], strings["uq.value"], strings.format("uq.intervalHeader", "95"), strings["uq.basis"],
      ], panel.statisticRows(strings).map { $0.map(HTML.text) }, numeric: [1, 2])
    if !panel.raterDeviations.isEmpty {
      html += "<h3>\(HTML.text(strings["uq.leniency"]))</h3>"
      html += "<p class=\"note\">\(HTML.text(strings["uq.leniencyDesc"]))</p>"
      html += table(
        [strings["uq.expert"], strings["uq.meanDeviation"], "n"], panel.leniencyRows(strings).map { $0.map(HTML.text) },
        numeric: [1, 2])
    }
    let flagged = panel.criteria.filter { !$0.needingConsensus.isEmpty }
    if !flagged.isEmpty {
      html += table(
        [strings["criterion"], strings["consensusUnits"]],
        flagged.map { criterion in
          [
            HTML.text(criterion.criterion),
            HTML.text(criterion.needingConsensus.map(\.subject).joined(separator: ", ")),
          ]
        })
    }
    return html
  }

  /// How discriminating DEA was this round, as a paragraph.
  func deaParagraph() -> String {
    "<p class=\"note\">\(HTML.text(analysis.deaSentence(strings)))</p>"
  }
}
