/// Messages for inputs that break SPEC v1.1's limits: numbers too large, work
/// too costly, XPath that fails, values that are not what they look like.
extension Diagnostic {
  // MARK: - Numbers

  /// A number of magnitude 10¹² or more (SPEC v1.1).
  public static func numberTooLarge(
    _ attribute: String, text: String, line: Int, subject: String? = nil
  )
    -> Diagnostic
  {
    .error(
      "\(attribute) is too large: '\(clipped(text))' (numbers must be below 10^12 in magnitude)", line: line,
      subject: subject)
  }

  /// A scorecard with a number that is not finite: a defect of PilotEval, not of the file.
  public static func internalNonFinite(_ what: String, file: String) -> Diagnostic {
    .error(
      "internal error: the \(what) computed for \(file) is not a finite number; the file is set aside (please report this)",
      line: 0)
  }

  // MARK: - Rubric namespaces

  /// A `<namespace>` prefix declared a second time (SPEC v1.1 §1: ambiguous).
  public static func prefixDeclaredTwice(_ prefix: String, firstLine: Int, line: Int) -> Diagnostic {
    .error("the prefix '\(clipped(prefix))' is declared twice (first at line \(firstLine))", line: line)
  }

  /// A `<namespace>` prefix that XML reserves.
  public static func reservedPrefix(_ prefix: String, line: Int) -> Diagnostic {
    .error("the prefix '\(prefix)' is reserved by XML and cannot be declared with <namespace>", line: line)
  }

  /// A `<namespace>` prefix that is not an NCName.
  public static func prefixNotNCName(_ prefix: String, line: Int) -> Diagnostic {
    .error(
      "the prefix '\(clipped(prefix))' is not an XML name without a colon (NCName): it could never be used in an XPath",
      line: line)
  }

  // MARK: - XPath

  /// A rubric XPath that names a variable (SPEC v1.1 §1: variables are never bound).
  public static func xpathVariable(_ name: String, owner: String, line: Int, subject: String?) -> Diagnostic {
    .error(
      "the XPath of \(owner) names the variable '$\(name)': variables are never bound, so rubric XPath may not use them",
      line: line, subject: subject)
  }

  /// A rubric XPath that raises an error on the rubric's own blank submission.
  public static func xpathFailsOnBlank(owner: String, reason: String, line: Int, subject: String?) -> Diagnostic {
    .error(
      "the XPath of \(owner) raises an error on a blank submission (\(reason)); an error is never read as false",
      line: line, subject: subject)
  }

  /// A rubric XPath that needs more than the operation bound even on a blank submission.
  public static func xpathTooCostlyOnBlank(owner: String, limit: UInt, line: Int, subject: String?) -> Diagnostic {
    .error(
      "the XPath of \(owner) needs more than \(limit) operations even on a blank submission",
      line: line, subject: subject)
  }

  /// An evaluation of a rubric XPath on the file needed more operations than the bound.
  public static func evaluationTooCostly(owner: String, limit: UInt, line: Int) -> Diagnostic {
    .error(
      "evaluation too costly: the XPath of \(owner) needs more than \(limit) operations on this file", line: line)
  }

  /// A rubric XPath that failed while scoring a file: the run cannot go on.
  public static func xpathFailedWhileScoring(owner: String, reason: String, file: String, line: Int) -> Diagnostic {
    .error(
      "the XPath of \(owner) failed on \(file) (\(reason)); an XPath error is never read as false, so the run stops: fix the rubric",
      line: line)
  }

  // MARK: - Reviews

  /// A veto's `triggered` written in a way that is not XML Schema's `true`/`1` nor `false`/`0`.
  public static func vetoTriggeredUnclear(_ text: String, veto: String, line: Int) -> Diagnostic {
    .warning(
      "veto \(veto): triggered='\(clipped(text))' is not read as a veto: only \"true\" and \"1\" trigger one ('TRUE', 'True', 'yes' do not)",
      line: line, subject: veto)
  }
}

/// `text` cut to at most `limit` characters, with `…` when cut: quoted values stay readable.
public func clipped(_ text: String, limit: Int = 40) -> String {
  guard text.count > limit else { return text }
  return String(text.prefix(limit)) + "…"
}
