import PilotEvalCore
import PilotEvalXML
import Testing

/// check-rubric: one root message with the fix, no cascade of follow-on findings (issue 13).
@Suite("Rubric refusals: one root message with the fix")
struct RubricHintTests {
  static func diagnostics(_ text: String) -> [Diagnostic] {
    switch RubricReader.load(bytes: Array(text.utf8), file: "r.xml") {
    case .success(let loaded): loaded.warnings
    case .failure(let refusal): refusal.diagnostics
    }
  }

  static func rubric(points: String, tierMin: String = "60") -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <rubric xmlns="urn:piloteval:rubric:1" id="r" version="1">
      <tiers><tier id="pass" min="\(tierMin)">合格</tier><tier id="fail" min="0">不合格</tier></tiers>
      <section id="S1" title="组织">
        <criterion id="C1" title="领导小组" points="\(points)">
          <levels>
            <level code="A" points="4"/><level code="B" points="3"/><level code="C" points="2"/>
            <level code="D" points="1"/><level code="E" points="0"/>
          </levels>
        </criterion>
        <criterion id="C2" title="清单" points="\(points)">
          <checklist><item id="a" points="2"/><item id="b" points="2"/></checklist>
        </criterion>
      </section>
    </rubric>
    """
  }

  @Test("points=\"4分\" is one error per criterion with the number alone, and no follow-on findings")
  func pointsWithUnit() {
    let found = Self.diagnostics(Self.rubric(points: "4分"))
    #expect(found.count == 2, "\(found.map(\.message))")
    #expect(found.allSatisfy { $0.content.key == .rubricNotANumberUnit })
    #expect(found.first?.text(in: .zh) == "指标 C1 的 points 不是数字：“4分”。只写数字，不带单位：“4”")
    #expect(found.first?.text(in: .en) == "points of criterion C1 is not a number: '4分'; write the number alone: '4'")
  }

  @Test("full-width digits get the half-width form")
  func fullWidthDigits() {
    let found = Self.diagnostics(Self.rubric(points: "4", tierMin: "９０"))
    let error = found.first { $0.content.key == .rubricNotANumberFullWidth }
    #expect(error != nil, "\(found.map(\.message))")
    #expect(error?.text(in: .zh).contains("全角数字请改为半角：“90”") == true)
    #expect(error?.text(in: .en).contains("full-width digits must be half-width: '90'") == true)
  }

  @Test("a sound rubric has none of these")
  func soundRubric() {
    #expect(Self.diagnostics(Self.rubric(points: "4")).isEmpty)
  }
}
