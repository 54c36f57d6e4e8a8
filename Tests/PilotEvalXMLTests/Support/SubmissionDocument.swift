import PilotEvalCore
import PilotEvalXML
import Testing

/// A rubric whose XPath expressions read a submission's `<data>`, and small
/// submissions for it.
///
/// The rubric binds the submission namespace to `p`, not to the `s` of SPEC's
/// example, so the tests show that the rubric's own prefixes are used.
enum SubmissionDocument {
  static let rubricText = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rubric xmlns="urn:piloteval:rubric:1" id="jgsw-pilot" version="2022.1">
      <title>自评读取测试</title>
      <namespace prefix="p" uri="urn:piloteval:submission:1"/>
      <tiers>
        <tier id="good" min="60">良好</tier>
        <tier id="fail" min="0">不合格</tier>
      </tiers>
      <section id="S1" title="组织管理">
        <criterion id="L1" title="领导小组" points="4">
          <levels><level code="A" points="4"/><level code="B" points="2"/></levels>
          <evidence/>
        </criterion>
        <criterion id="J1" title="综合评价" points="4"><judgement step="0.5"/></criterion>
        <criterion id="M1" title="覆盖率" points="4">
          <scale from="0" to="100"/>
          <measure select="number(p:data/p:metric[@name='coverage'])"/>
        </criterion>
        <criterion id="M2" title="节能率" points="4">
          <bands><band min="0" points="4"/></bands>
          <measure select="number(p:data/p:metric[@name='absent'])"/>
        </criterion>
        <criterion id="M3" title="上下文" points="4">
          <scale from="0" to="1"/>
          <measure select="count(self::p:submission) + count(p:data) * 10"/>
        </criterion>
        <criterion id="K1" title="制度清单" points="3">
          <checklist>
            <item id="a" points="1" select="p:data/p:flag[@name='a']/@on = 'yes'">制度</item>
            <item id="b" points="1" select="boolean(p:data/p:flag[@name='b'])">台账</item>
            <item id="c" points="1" select="local-name(.) = 'submission'">上下文</item>
            <item id="d" points="1">手工</item>
          </checklist>
        </criterion>
      </section>
      <vetoes>
        <veto id="V1" title="重大事故" select="p:data/p:incidents/@major &gt; 0"/>
        <veto id="V2" title="无此数据" select="boolean(p:data/p:nothing)"/>
        <veto id="V3" title="评审认定"/>
      </vetoes>
      <bonuses cap="5"><bonus id="B1" title="表彰" points="2"/></bonuses>
      <deductions cap="10">
        <deduction id="D1" title="投诉" points="1" select="count(p:data/p:complaint)"/>
        <deduction id="D2" title="无投诉" points="1" select="count(p:data/p:none)"/>
        <deduction id="D3" title="通报" points="1"/>
      </deductions>
    </rubric>
    """

  static let rubric: Rubric = {
    guard case .success(let loaded) = RubricReader.load(bytes: Array(rubricText.utf8), file: "rubric.xml") else {
      fatalError("the submission tests' rubric is refused")
    }
    return loaded.rubric
  }()

  static let reader = SubmissionReader(rubric: rubric)

  /// A submission with `body` after the unit and round.
  static func make(unit: String = "GX-NN-01", round: String = "2022H1", _ body: String = "") -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <submission xmlns="urn:piloteval:submission:1" rubric="jgsw-pilot" rubric-version="2022.1">
      <unit id="\(unit)" region="广西" level="市级" category="机关事务管理局">南宁市机关事务管理局</unit>
      <round id="\(round)" submitted="2022-06-30"/>
    \(body)
    </submission>
    """
  }

  /// Reads `text` and requires it to be accepted.
  static func accept(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Submission {
    let loaded = reader.read(bytes: Array(text.utf8), file: "sub.xml")
    return try #require(loaded.value, "rejected:\n\(loaded.errors.listing)", sourceLocation: sourceLocation)
  }

  /// Reads `text` and requires it to be rejected.
  static func reject(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Diagnostic] {
    let loaded = reader.read(bytes: Array(text.utf8), file: "sub.xml")
    #expect(loaded.value == nil, "accepted", sourceLocation: sourceLocation)
    #expect(!loaded.errors.isEmpty, sourceLocation: sourceLocation)
    return loaded.errors
  }
}
