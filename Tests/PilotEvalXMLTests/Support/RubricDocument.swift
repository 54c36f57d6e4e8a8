/// Small rubric documents for tests, one element per line so a test can name
/// the line it expects a diagnostic on.
enum RubricDocument {
  /// Two tiers: the smallest list that is valid.
  static let tiers = """
      <tiers>
        <tier id="good" min="60">良好</tier>
        <tier id="fail" min="0">不合格</tier>
      </tiers>
    """

  /// One section with one levels criterion worth 4.
  static let section = """
      <section id="S1" title="组织管理">
        <criterion id="C1" title="领导小组" points="4">
          <levels>
            <level code="A" points="4">健全</level>
            <level code="B" points="2">基本健全</level>
          </levels>
        </criterion>
      </section>
    """

  /// A whole rubric: the header, `tiers`, `body` (sections), then `extra`
  /// (tiebreak, vetoes, bonuses, deductions …).
  static func make(
    namespaces: String = #"  <namespace prefix="s" uri="urn:piloteval:submission:1"/>"#,
    tiers: String = tiers, body: String = section, extra: String = ""
  ) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <rubric xmlns="urn:piloteval:rubric:1" id="test" version="1">
      <title>测试细则</title>
    \(namespaces)
    \(tiers)
    \(body)
    \(extra)
    </rubric>
    """
  }

  /// `make(body:)` with one criterion in section S1 whose inside is `method`.
  static func criterion(_ method: String, attributes: String = #"id="C1" title="指标" points="4""#) -> String {
    make(
      body: """
          <section id="S1" title="一">
            <criterion \(attributes)>
        \(method)
            </criterion>
          </section>
        """)
  }
}
