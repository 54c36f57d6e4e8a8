import Testing

@testable import PilotEvalPortal

extension PortalTests {
  @Suite("Portal texts")
  struct PortalTextTests {
    @Test("every key has a Chinese and an English text, with the same placeholders")
    func bothLanguages() {
      for key in PortalText.allCases {
        let zh = PortalText.zh[key]
        let en = PortalText.en[key]
        #expect(zh != nil, "no Chinese text for \(key.rawValue)")
        #expect(en != nil, "no English text for \(key.rawValue)")
        if let zh, let en { #expect(placeholders(zh) == placeholders(en), "placeholders differ for \(key.rawValue)") }
      }
      #expect(PortalText.zh.count == PortalText.allCases.count)
      #expect(PortalText.en.count == PortalText.allCases.count)
    }

    @Test("placeholders are filled in order; the language follows Accept-Language")
    func rendering() {
      #expect(PortalText.unitMismatch.render(.en, ["A", "B"]).contains("'A' in the file does not match the unit 'B'"))
      #expect(PortalLanguage.negotiate(acceptLanguage: "en-US,zh;q=0.5") == .en)
      #expect(PortalLanguage.negotiate(acceptLanguage: "zh-CN,en;q=0.9") == .zh)
      #expect(PortalLanguage.negotiate(acceptLanguage: nil) == .zh)
      #expect(PortalLanguage.negotiate(acceptLanguage: "fr") == .zh)
    }

    @Test("a stored finding with a portal key renders per language; others keep their text")
    func diagnostics() {
      let keyed = StoredDiagnostic(
        line: 2, severity: "error", key: "diagnostic.round-mismatch", arguments: ["X", "Y"], text: "")
      #expect(DiagnosticText.render(keyed, in: .zh) == "文件中的轮次“X”与上传地址中的轮次“Y”不一致")
      let plain = StoredDiagnostic(line: 3, severity: "warning", text: "criterion C1 is unanswered")
      #expect(DiagnosticText.render(plain, in: .zh) == "criterion C1 is unanswered")
    }

    private func placeholders(_ text: String) -> [String] {
      var found: [String] = []
      var rest = Substring(text)
      while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
        found.append(String(rest[open...close]))
        rest = rest[rest.index(after: close)...]
      }
      return found.sorted()
    }
  }
}
