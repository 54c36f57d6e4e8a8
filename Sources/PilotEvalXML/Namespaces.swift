/// The namespaces of PilotEval's three documents (SPEC).
public enum PilotEvalNamespace {
  /// Rubrics (评估细则/计分表).
  public static let rubric = "urn:piloteval:rubric:1"
  /// Submissions (自评报告).
  public static let submission = "urn:piloteval:submission:1"
  /// Reviews (专家评审).
  public static let review = "urn:piloteval:review:1"
}
