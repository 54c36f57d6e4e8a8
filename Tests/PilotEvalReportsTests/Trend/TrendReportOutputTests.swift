import Foundation
import PilotEvalCore
import PilotEvalReports
import Testing

@Suite("trend report: JSON")
struct TrendJSONTests {
  private func parsed() throws -> [String: Any] {
    let text = TrendSample.threeRounds().jsonText()
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(object as? [String: Any])
  }

  @Test("parses with Foundation and holds every field of the report, in camelCase")
  func keys() throws {
    let json = try parsed()
    #expect(
      Set(json.keys) == [
        "rounds", "basis", "options", "rubricChanges", "units", "mostImproved", "stalledLaggards", "migrations",
        "dispersion", "sigma", "beta", "partnerEffects",
      ])
    #expect(json["rounds"] as? [String] == ["2024H1", "2024H2", "2025H1"])
    #expect(json["basis"] as? String == "percent")
    let options = try #require(json["options"] as? [String: Any])
    #expect(options["mostImproved"] as? Int == 3)
    #expect(options["stallThreshold"] as? Double == 2)
    #expect(options["confidence"] as? Double == 0.95)
    let dispersion = try #require((json["dispersion"] as? [[String: Any]])?.first)
    #expect(
      Set(dispersion.keys) == [
        "round", "count", "mean", "standardDeviation", "coefficientOfVariation", "gini", "theil", "theilBetween",
        "theilWithin", "groups",
      ])
    #expect(dispersion["coefficientOfVariation"] as? Double == 0.16972)
    let beta = try #require((json["beta"] as? [[String: Any]])?.last)
    #expect(
      Set(beta.keys) == [
        "from", "to", "periods", "count", "slope", "intercept", "standardError", "lower", "upper", "confidence",
        "rSquared", "verdict", "regressionToMean",
      ])
    let regression = try #require(beta["regressionToMean"] as? [String: Any])
    #expect(
      Set(regression.keys) == [
        "r", "subjects", "raterCount", "ratersPerSubject", "noiseSlope", "corrected", "correctedInterval",
      ])
    #expect(beta["verdict"] as? String == "converging")
    #expect(beta["periods"] as? Int == 2)
    let sigma = try #require(json["sigma"] as? [String: Any])
    #expect(sigma["verdict"] as? String == "converging")
    #expect(sigma["coefficientsOfVariation"] as? [Double] == [0.16972, 0.14659, 0.09584])
  }

  @Test("writes each unit's rounds with null where it has no scorecard, and its changes")
  func units() throws {
    let units = try #require(try parsed()["units"] as? [[String: Any]])
    #expect(units.map { $0["unit"] as? String } == ["U1", "U2", "U3", "U4", "U5"])
    let u2 = units[1]
    #expect(u2["name"] as? String == TrendSample.hostileName)
    let u3 = units[2]
    let scores = try #require(u3["scores"] as? [Any])
    #expect(scores.count == 3)
    #expect(scores[0] as? Double == 55)
    #expect(scores[2] is NSNull)
    #expect((u3["ranks"] as? [Any])?.last is NSNull)
    #expect((u3["tiers"] as? [Any])?.first as? String == "fail")
    #expect(u3["change"] as? Double == 0.5)
    #expect(u3["rankChange"] as? Int == 0)
    #expect((units[0]["hadPartners"] as? [Bool]) == [true, true, false])
    #expect(units[0]["rankChange"] as? Int == 2)
  }

  @Test("names the most improved and stalled laggards by unit id, in the report's order")
  func lists() throws {
    let json = try parsed()
    #expect(json["mostImproved"] as? [String] == ["U1", "U4", "U2"])
    #expect(json["stalledLaggards"] as? [String] == ["U5", "U3"])
  }

  @Test("writes rubric changes, migrations with their totals, and partner effects with an undefined difference")
  func pairs() throws {
    let json = try parsed()
    let changes = try #require(json["rubricChanges"] as? [[String: Any]])
    #expect(changes.map { $0["unchanged"] as? Bool } == [true, false])
    #expect(changes[1]["added"] as? [String] == ["C9", "C10"])
    let repointed = try #require((changes[1]["repointed"] as? [[String: Any]])?.first)
    #expect(repointed["id"] as? String == "C3" && repointed["to"] as? Double == 8)
    let migration = try #require((json["migrations"] as? [[String: Any]])?.last)
    #expect(migration["movedUp"] as? Int == 2)
    #expect(migration["movedDown"] as? Int == 0)
    #expect((migration["counts"] as? [[Int]])?[2] == [1, 0, 1, 0, 0])
    let effects = try #require(json["partnerEffects"] as? [[String: Any]])
    #expect(effects[0]["difference"] as? Double == 12)
    #expect((effects[1]["difference"] as? [String: Any])?["notDefined"] is String)
    #expect((effects[1]["differenceInterval"] as? [String: Any])?["notDefined"] is String)
    #expect(effects[1]["source"] as? String == "arranged")
    let stratum = try #require((effects[0]["strata"] as? [[String: Any]])?.first)
    #expect((stratum["paired"] as? [String: Any])?["meanImprovement"] as? Double == 10)
  }

  @Test("writes a report with no rounds as empty arrays, still valid JSON")
  func empty() throws {
    let text = TrendSample.empty().jsonText()
    let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect((json["units"] as? [Any])?.isEmpty == true)
    #expect((json["sigma"] as? [String: Any])?["verdict"] as? String == "not-defined")
    #expect(TrendSample.empty().csv() == "\u{FEFF}unit,name,region,level,change,rankChange\r\n")
    #expect(TrendSample.oneRound().table(in: .en).contains("σ-convergence: not defined."))
  }

  @Test("gives the same bytes every time, one unit per line")
  func deterministic() {
    let text = TrendSample.threeRounds().jsonText()
    #expect(text == TrendSample.threeRounds().jsonText())
    #expect(text.split(separator: "\n").filter { $0.hasPrefix("    {\"unit\":") }.count == 5)
  }
}

@Suite("trend report: CSV")
struct TrendCSVTests {
  private func rows() -> [[String]] {
    let text = TrendSample.threeRounds().csv()
    return text.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }.map {
      $0.components(separatedBy: ",")
    }
  }

  @Test("starts with a byte order mark and heads score, rank and tier for every round, then the changes")
  func header() {
    let text = TrendSample.threeRounds().csv()
    #expect(text.hasPrefix("\u{FEFF}unit,name,region,level,"))
    #expect(
      rows().first == [
        "unit", "name", "region", "level", "2024H1 score", "2024H1 rank", "2024H1 tier", "2024H2 score",
        "2024H2 rank", "2024H2 tier", "2025H1 score", "2025H1 rank", "2025H1 tier", "change", "rankChange",
      ])
  }

  @Test("writes one row per unit, empty cells where a unit has no scorecard")
  func rowsPerUnit() {
    let rows = rows()
    #expect(rows.count == 6)
    #expect(
      rows[1] == [
        "U1", "南宁市机关事务管理局", "南宁", "市", "60.00", "3", "pass", "70.00", "2", "good", "82.00", "1", "exemplary", "22.00",
        "2",
      ])
    #expect(rows[3].suffix(5) == ["", "", "", "0.50", "0"])
    #expect(rows[4][4...6] == ["", "", ""])
  }
}

@Suite("trend report: terminal table")
struct TrendTableTests {
  @Test("states the σ and β verdicts, with the slope's interval and the units counted")
  func verdicts() {
    let text = TrendSample.threeRounds().table(in: .en)
    #expect(text.contains("σ-convergence: converging"))
    #expect(text.contains("The gap is narrowing"))
    #expect(text.contains("Laggards caught up"))
    #expect(text.contains("slope β = -0.350, 95% CI [-0.600, -0.100] entirely below 0, 3 units"))
    #expect(text.contains("inconclusive"))
  }

  @Test("lists rubric changes, dispersion with Theil split, migration, and the units")
  func sections() {
    let text = TrendSample.threeRounds().table(in: .en)
    #expect(text.contains("2024H1 → 2024H2 (jgsw 1.0 → jgsw 1.0): nothing that affects the comparison"))
    #expect(text.contains("criteria added: C9, C10; criteria removed: C4; points changed: C3 5 → 8"))
    #expect(text.contains("total changed from 100 to 110, so scores are compared on percent of the total"))
    #expect(text.contains("0.1697") && text.contains("0.0140"))
    #expect(text.contains("2 moved up, 0 moved down"))
    #expect(text.contains("南宁市机关事务管理局") && text.contains("+22.00"))
    #expect(text.contains("玉林") && text.contains("-1.00"))
  }

  @Test("gives the partner effect with group sizes and says it is an observational comparison")
  func partnerEffect() {
    let text = TrendSample.threeRounds().table(in: .en)
    #expect(text.contains("with partners n = 2, mean +5.25; without n = 1, mean -2.00"))
    #expect(text.contains("difference within strata +12.00"))
    #expect(text.contains("no stratum holds both kinds"))
    #expect(text.contains("observational comparison, not an experiment: units were not paired at random"))
  }

  @Test("turns control characters in names into replacement characters")
  func sanitizes() {
    var report = TrendSample.threeRounds()
    report.units[0].name = "bad\u{1B}[31mname"
    #expect(!report.table(in: .en).contains("\u{1B}"))
  }
}
