import PilotEvalCore
import Testing

/// Issue 12's messages, moved into the catalog when it was merged with issue 13: English
/// word for word as issue 12 wrote them, Chinese by the same rules as every other message.
@Suite("SPEC v1.1 limit messages in both languages")
struct LimitMessageTests {
  @Test("a rubric XPath that fails while scoring names its owner, file and reason in either language")
  func xpathFailure() {
    let diagnostic = Diagnostic.xpathFailedWhileScoring(
      owner: Message(.rubricOwnerVeto, "V1"), reason: Message(.rubricReasonWrongType), file: "a.xml", line: 12)
    #expect(
      diagnostic.message
        == "the XPath of veto V1 failed on a.xml (a function or operator got a value of the wrong type); "
        + "an XPath error is never read as false, so the run stops: fix the rubric")
    #expect(
      diagnostic.text(in: .zh)
        == "否决项 V1 的 XPath 在 a.xml 上计算出错（函数或运算符得到的值类型不对）；XPath 出错不会当作“否”处理，因此本次运行停止：请修改评估细则")
  }

  @Test("a number too large is clipped and explained; a variable keeps its dollar sign")
  func numbersAndVariables() {
    let large = Diagnostic.numberTooLarge("value", text: String(repeating: "9", count: 400), line: 3)
    #expect(
      large.message
        == "value is too large: '\(String(repeating: "9", count: 40))…' (numbers must be below 10^12 in magnitude)")
    #expect(large.text(in: .zh).hasPrefix("value 数值过大：“9999"))
    let variable = Diagnostic.xpathVariable("major", owner: Message(.rubricOwnerVeto, "V2"), line: 4, subject: "V2")
    #expect(variable.message.contains("names the variable '$major'"))
    #expect(variable.text(in: .zh).contains("变量“$major”"))
  }

  @Test("an unclear veto is a warning that says which spellings trigger one")
  func unclearVeto() {
    let warning = Diagnostic.vetoTriggeredUnclear("TRUE", veto: "V1", line: 5)
    #expect(warning.severity == .warning)
    #expect(warning.message.contains("triggered='TRUE' is not read as a veto"))
    #expect(warning.text(in: .zh).contains("triggered=“TRUE”不视为触发否决"))
  }
}
