public import PilotEvalCore

/// Reads the evidence items of a submission (each `<evidence>`'s `ref`, title and line), for
/// showing them to an expert. It parses as safely as `SubmissionReader` and checks nothing
/// else: give it a submission that reader accepted.
///
///     let evidence = EvidenceReader().read(bytes: bytes)
///     evidence.criteria["C1.1"]?.first?.reference  // "台账/2026/组织保障/领导小组通知.pdf"
public struct EvidenceReader: Sendable {
  /// Files larger than this give an empty list.
  public let sizeLimit: Int

  /// Creates a reader.
  public init(sizeLimit: Int = FileInput.defaultSizeLimit) {
    self.sizeLimit = sizeLimit
  }

  /// The evidence of the submission in `bytes`; empty when it cannot be read.
  public func read(bytes: [UInt8]) -> EvidenceList {
    guard bytes.count <= sizeLimit else { return EvidenceList() }
    let parsed = bytes.withUnsafeBytes { ParsedDocument.parse($0, file: "submission.xml") }
    guard case .success(let document) = parsed, let root = document.root else { return EvidenceList() }
    let ns = PilotEvalNamespace.submission
    guard root.isNamed("submission", in: ns) else { return EvidenceList() }
    var list = EvidenceList()
    root.forEachChild { element in
      guard element.isIn(ns) else { return }
      if element.hasName("response"), let id = element.attribute("criterion"), list.criteria[id] == nil {
        list.criteria[id] = Self.items(of: element)
      } else if element.hasName("bonus"), let id = element.attribute("id"), list.bonuses[id] == nil {
        list.bonuses[id] = Self.items(of: element)
      }
    }
    return list
  }

  private static func items(of element: Element) -> [EvidenceList.Item] {
    element.children(named: "evidence", in: PilotEvalNamespace.submission).enumerated().map { index, evidence in
      EvidenceList.Item(
        number: index + 1, reference: evidence.attribute("ref") ?? "", title: evidence.text, line: evidence.line)
    }
  }
}
