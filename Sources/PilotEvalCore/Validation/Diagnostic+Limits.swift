/// Messages for inputs that break SPEC v1.1's limits: numbers too large, work
/// too costly, XPath that fails, values that are not what they look like.
extension Diagnostic {
  // MARK: - Numbers

  /// A number of magnitude 10¹² or more in a submission or review (SPEC v1.1).
  public static func numberTooLarge(
    _ attribute: String, text: String, line: Int, subject: String? = nil
  )
    -> Diagnostic
  {
    .error(Message(.submissionNumberTooLarge, attribute, clipped(text)), line: line, subject: subject)
  }

  /// A number of magnitude 10¹² or more in a rubric's `attribute` of `owner` (SPEC v1.1).
  public static func numberTooLarge(
    attribute: String, owner: Message, text: String, line: Int, subject: String? = nil
  )
    -> Diagnostic
  {
    .error(
      Message(.rubricNumberTooLarge, parts: [.text(attribute), .message(owner), .text(clipped(text))]), line: line,
      subject: subject)
  }

  /// A scorecard with a number that is not finite: a defect of PilotEval, not of the file.
  public static func internalNonFinite(_ what: Message, file: String) -> Diagnostic {
    .error(Message(.submissionNonFinite, parts: [.message(what), .text(file)]), line: 0)
  }

  // MARK: - Rubric namespaces

  /// A `<namespace>` prefix declared a second time (SPEC v1.1 §1: ambiguous).
  public static func prefixDeclaredTwice(_ prefix: String, firstLine: Int, line: Int) -> Diagnostic {
    .error(Message(.rubricPrefixTwice, clipped(prefix), String(firstLine)), line: line)
  }

  /// A `<namespace>` prefix that XML reserves.
  public static func reservedPrefix(_ prefix: String, line: Int) -> Diagnostic {
    .error(Message(.rubricPrefixReserved, prefix), line: line)
  }

  /// A `<namespace>` prefix that is not an NCName.
  public static func prefixNotNCName(_ prefix: String, line: Int) -> Diagnostic {
    .error(Message(.rubricPrefixNotNCName, clipped(prefix)), line: line)
  }

  // MARK: - XPath

  /// A rubric XPath that names a variable (SPEC v1.1 §1: variables are never bound).
  public static func xpathVariable(_ name: String, owner: Message, line: Int, subject: String?) -> Diagnostic {
    .error(Message(.rubricXPathVariable, parts: [.message(owner), .text(name)]), line: line, subject: subject)
  }

  /// A rubric XPath that raises an error on the rubric's own blank submission.
  public static func xpathFailsOnBlank(owner: Message, reason: Message, line: Int, subject: String?) -> Diagnostic {
    .error(
      Message(.rubricXPathFailsOnBlank, parts: [.message(owner), .message(reason)]), line: line, subject: subject)
  }

  /// A rubric XPath that needs more than the operation bound even on a blank submission.
  public static func xpathTooCostlyOnBlank(owner: Message, limit: UInt, line: Int, subject: String?) -> Diagnostic {
    .error(
      Message(.rubricXPathTooCostlyOnBlank, parts: [.message(owner), .text(String(limit))]), line: line,
      subject: subject)
  }

  /// An evaluation of a rubric XPath on the file needed more operations than the bound.
  public static func evaluationTooCostly(owner: Message, limit: UInt, line: Int) -> Diagnostic {
    .error(Message(.submissionEvaluationTooCostly, parts: [.message(owner), .text(String(limit))]), line: line)
  }

  /// A rubric XPath that failed while scoring a file: the run cannot go on.
  public static func xpathFailedWhileScoring(owner: Message, reason: Message, file: String, line: Int) -> Diagnostic {
    .error(
      Message(.rubricXPathFailedWhileScoring, parts: [.message(owner), .text(file), .message(reason)]), line: line)
  }

  // MARK: - Reviews

  /// A veto's `triggered` written in a way that is not XML Schema's `true`/`1` nor `false`/`0`.
  public static func vetoTriggeredUnclear(_ text: String, veto: String, line: Int) -> Diagnostic {
    .warning(Message(.reviewTriggeredUnclear, veto, clipped(text)), line: line, subject: veto)
  }
}

/// `text` cut to at most `limit` characters, with `…` when cut: quoted values stay readable.
public func clipped(_ text: String, limit: Int = 40) -> String {
  guard text.count > limit else { return text }
  return String(text.prefix(limit)) + "…"
}
