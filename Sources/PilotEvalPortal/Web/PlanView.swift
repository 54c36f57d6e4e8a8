import Foundation
import PilotEvalCore

/// The assignment plan as the office reads it: the quality of the design as it stands (after
/// re-plans and hand swaps), the exceptions with their reasons, per unit its experts, per expert
/// the load.
struct PlanView {
  let entries: [AssignmentPlan.Entry]
  let roster: AssignmentRequest
  let perUnit: Int
  let exceptions: [StoredException]
  let overrides: [AssignmentOverride]
  let units: [UnitRecord]
  let quality: AssignmentQuality

  init(
    entries: [AssignmentPlan.Entry], roster: AssignmentRequest, perUnit: Int, exceptions: [StoredException],
    overrides: [AssignmentOverride], units: [UnitRecord]
  ) {
    self.entries = entries
    self.roster = roster
    self.perUnit = perUnit
    self.exceptions = exceptions
    self.overrides = overrides
    self.units = units
    quality = AssignmentQuality(measuring: entries, roster: roster)
  }

  /// The share as a percentage with one decimal, or "—".
  static func percent(_ share: Double?) -> String {
    guard let share, share.isFinite else { return "—" }
    return String(format: "%.1f%%", share * 100)
  }

  func summary(_ page: WebExchange) -> SafeHTML {
    let connected: SafeHTML =
      quality.isConnected
      ? "<p id=\"plan-connected\" class=\"ok\">\(page.t(.webPlanConnected))</p>"
      : "<p id=\"plan-connected\" class=\"error\">\(page.t(.webPlanNotConnected, [String(quality.groups)]))</p>"
    let block: SafeHTML
    if let found = quality.completeBlock {
      block = """
        <p id="plan-block">\(page.t(.webPlanBlock, [String(found.raters.count), String(found.subjects.count), found.raters.joined(separator: "、"), found.subjects.joined(separator: "、")]))</p>
        """
    } else {
      block = "<p id=\"plan-block\">\(page.t(.webPlanNoBlock))</p>"
    }
    return """
      <p id="plan-summary">\(page.t(.webPlanSummary, [String(perUnit), String(entries.count), String(quality.lowestLoad), String(quality.highestLoad)]))</p>
      <p id="plan-pairs">\(page.t(.webPlanPairs, [String(quality.pairsSharing), String(quality.expertPairs), Self.percent(quality.pairShare), String(quality.pairsPossible)]))</p>
      \(connected)
      \(block)
      """
  }

  func exceptionList(_ page: WebExchange) -> SafeHTML {
    let items =
      exceptions.map { exception -> SafeHTML in
        let reason = page.language == .zh ? exception.zh : exception.en
        return "<li><strong>\(exception.unit ?? page.t(.webPlanWhole))</strong>：\(reason)</li>"
      }
      + overrides.map { change -> SafeHTML in
        "<li><strong>\(change.unit)</strong>：\(page.t(.webPlanColOverride)) → \(change.reviewer)：\(change.reason)</li>"
      }
    let list: SafeHTML =
      items.isEmpty
      ? "<p class=\"ok\">\(page.t(.webPlanNoExceptions))</p>" : "<ul id=\"plan-exceptions\">\(items)</ul>"
    return "<h2>\(page.t(.webPlanExceptions))</h2>\(list)"
  }

  func perUnit(_ page: WebExchange) -> SafeHTML {
    let info = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let panels = Dictionary(grouping: entries, by: \.unit)
    let rows = panels.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { unit -> SafeHTML in
      let experts = (panels[unit] ?? []).map { "\($0.reviewer)（\($0.region)）" }.joined(separator: "、")
      let short = (panels[unit]?.count ?? 0) < perUnit
      return """
        <tr data-id="\(unit)"\(short ? " class=\"short\"" : "")><td>\(unit)</td><td>\(info[unit]?.name ?? "")</td>\
        <td>\(info[unit]?.region ?? "")</td><td class="num">\(panels[unit]?.count ?? 0)</td><td>\(experts)</td></tr>
        """
    }
    return """
      <h2>\(page.t(.webPlanPerUnit))</h2>
      <div class="wide"><table id="plan-units"><thead><tr><th>\(page.t(.webColUnit))</th><th>\(page.t(.webColName))</th>\
      <th>\(page.t(.webColRegion))</th><th>\(page.t(.webProgressColAssigned))</th><th>\(page.t(.webPlanColExperts))</th>\
      </tr></thead><tbody>\(rows)</tbody></table></div>
      """
  }

  func perExpert(_ page: WebExchange) -> SafeHTML {
    let people = Dictionary(roster.experts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let mine = Dictionary(grouping: entries, by: \.reviewer)
    let rows = quality.loads.map { load -> SafeHTML in
      let person = people[load.expert]
      let units = (mine[load.expert] ?? []).map(\.unit).joined(separator: "、")
      return """
        <tr data-id="\(load.expert)"><td>\(load.expert)</td><td>\(person?.name ?? "")</td><td>\(person?.region ?? "")</td>\
        <td>\(person?.organisation ?? "")</td><td class="num">\(load.units)</td><td>\(units)</td></tr>
        """
    }
    return """
      <h2>\(page.t(.webPlanPerExpert))</h2>
      <div class="wide"><table id="plan-experts"><thead><tr><th>\(page.t(.webProgressColExpert))</th>\
      <th>\(page.t(.webProgressColPerson))</th><th>\(page.t(.webColRegion))</th><th>\(page.t(.webPlanColOrganisation))</th>\
      <th>\(page.t(.webPlanColLoad))</th><th>\(page.t(.webPlanColUnits))</th></tr></thead><tbody>\(rows)</tbody></table></div>
      """
  }
}
