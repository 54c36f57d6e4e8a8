import PilotEvalCore
import Testing

/// One table per language, both complete and with the same placeholders (issue 13).
@Suite("Message catalog")
struct MessageCatalogTests {
  @Test("every message has a template in every language", arguments: Language.allCases)
  func complete(language: Language) {
    let table = MessageTable.table(language)
    let missing = MessageKey.allCases.filter { table[$0] == nil }
    #expect(missing.isEmpty, "no \(language) template for \(missing.map(\.rawValue))")
    #expect(table.count == MessageKey.allCases.count)
  }

  @Test("the Chinese and English templates of a message have the same placeholders")
  func samePlaceholders() {
    for key in MessageKey.allCases {
      let zh = MessageTable.placeholders(in: MessageTable.zh[key] ?? "")
      let en = MessageTable.placeholders(in: MessageTable.en[key] ?? "")
      #expect(zh == en, "\(key.rawValue): zh \(zh.sorted()) en \(en.sorted())")
      if let highest = zh.max() { #expect(zh == Set(0...highest), "\(key.rawValue) skips a placeholder") }
    }
  }

  @Test("Chinese templates are Chinese: every one holds a CJK character or is pure notation")
  func chineseIsChinese() {
    let notation: Set<MessageKey> = [.rubricOwnerAggregation, .rubricOwnerList, .commandPlain]
    for key in MessageKey.allCases where !notation.contains(key) {
      let text = MessageTable.zh[key] ?? ""
      let cjk = text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
      #expect(cjk, "\(key.rawValue): '\(text)'")
    }
  }

  @Test("ids are stable dotted names")
  func ids() {
    #expect(MessageKey.submissionUnknownLevel.rawValue == "submission.unknownLevel")
    #expect(Set(MessageKey.allCases.map(\.rawValue)).count == MessageKey.allCases.count)
  }

  @Test("a message fills its placeholders, nested messages in the same language")
  func filling() {
    let message = Message(.submissionUnknownLevel, "Z", "C4", "A, B, C")
    #expect(message.text(in: .en) == "unknown level 'Z' for criterion C4 (expected A, B, C)")
    #expect(message.text(in: .zh) == "指标 C4 没有等级“Z”（可选：A, B, C）")
    let nested = Message(
      .rubricNotANumber, parts: [.message(Message(.rubricOwnerScale, "C2")), .text("from"), .text("x")])
    #expect(nested.text(in: .en) == "from of the scale of criterion C2 is not a number: 'x'")
    #expect(nested.text(in: .zh) == "指标 C2 的 scale 的 from 不是数字：“x”")
    // Braces in a value are kept as they are.
    #expect(Message(.submissionUnknownCriterion, "{0}{1}").text(in: .en) == "unknown criterion '{0}{1}'")
  }

  @Test("a diagnostic keeps its English message and prints in either language")
  func diagnostic() {
    let diagnostic = Diagnostic(.error, file: "a.xml", line: 3, message: Message(.submissionUnknownBonus, "B9"))
    #expect(diagnostic.message == "unknown bonus 'B9'")
    #expect(diagnostic.description == "a.xml:3: error: unknown bonus 'B9'")
    #expect(diagnostic.description(in: .zh) == "a.xml:3: 错误：评估细则中没有加分项“B9”")
    let warning = Diagnostic(.warning, file: "a.xml", line: 4, message: Message(.rubricNoVersion))
    #expect(warning.description(in: .zh) == "a.xml:4: 警告：评估细则没有版本号（version）")
  }

  @Test("the uncertainty analysis' settings read the same in English as the analysis says them, and in Chinese")
  func robustnessSummary() {
    let options = RobustnessOptions()
    #expect(
      options.summary.text(in: .en)
        == "1000 draws with seed 1: each top-level section's weight multiplied by a factor drawn uniformly from "
        + "1 ± 0.2 and rescaled to keep the rubric total; each unit's reviewers resampled with replacement "
        + "(bootstrap) where it has two or more.")
    #expect(options.summary.text(in: .zh).hasPrefix("抽样 1000 次（随机种子 1）"))
  }

  @Test("hints: percentages, full-width digits, units")
  func hints() {
    #expect(Message.percentAsFraction("96.7%") == "0.967")
    #expect(Message.percentAsFraction("92％") == "0.92")
    #expect(Message.percentAsFraction("92") == nil)
    #expect(Message.halfWidth("９０") == "90")
    #expect(Message.halfWidth("90") == nil)
    #expect(Message.leadingNumber("4分") == "4")
    #expect(Message.leadingNumber("abc") == nil)
    let likely = Message.outsideRange(92, criterion: "C6.1", low: 0.6, high: 1, measured: false)
    #expect(likely.text(in: .zh).contains("92 — 是否应为 0.92？"))
    let plain = Message.outsideRange(0.1, criterion: "C6.1", low: 0.6, high: 1, measured: false)
    #expect(plain.key == .submissionValueOutsideRange)
  }
}
