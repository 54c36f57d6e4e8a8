internal import CLibXML2
import Foundation
public import PilotEvalCore

/// Which of PilotEval's documents a schema describes.
public enum DocumentKind: String, Sendable, CaseIterable {
  /// A rubric (评估细则/计分表).
  case rubric
  /// A submission (自评报告).
  case submission
  /// A review (专家评审).
  case review

  /// The bytes of the published XSD (`Rubrics/schema/<kind>.xsd`), carried in the binary.
  public var schema: String {
    switch self {
    case .rubric: EmbeddedSchemas.rubric
    case .submission: EmbeddedSchemas.submission
    case .review: EmbeddedSchemas.review
    }
  }
}

/// Validates documents against PilotEval's published XSDs with libxml2's schema API.
///
/// The schemas describe the formats strictly; what they flag is advice
/// (warnings), since only SPEC's rules reject. Parse the schema once, before
/// fanning out; `validate` is then safe from several threads.
public final class SchemaValidator: @unchecked Sendable {
  private let schema: xmlSchemaPtr
  /// The kind of document this validator checks.
  public let kind: DocumentKind

  /// Compiles the embedded schema for `kind`.
  public init(kind: DocumentKind) {
    LibXML.initialize()
    self.kind = kind
    let bytes = Array(kind.schema.utf8)
    // The parser context reads the bytes where they are: parse while they are alive.
    let compiled = bytes.withUnsafeBufferPointer { buffer -> xmlSchemaPtr? in
      let parser = buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        xmlSchemaNewMemParserCtxt($0, Int32(buffer.count))
      }
      guard let parser else { return nil }
      defer { xmlSchemaFreeParserCtxt(parser) }
      xmlSchemaSetParserStructuredErrors(parser, { _, _ in }, nil)
      return xmlSchemaParse(parser)
    }
    guard let compiled else {
      preconditionFailure("the embedded \(kind.rawValue) schema does not compile")
    }
    self.schema = compiled
  }

  deinit { xmlSchemaFree(schema) }

  /// Schema findings for the document in `bytes`, as warnings; empty when it is valid
  /// or not well-formed (the parser's errors are reported elsewhere).
  public func validate(bytes: [UInt8], file: String) -> [Diagnostic] {
    let parsed = bytes.withUnsafeBytes { ParsedDocument.parse($0, file: file) }
    guard case .success(let document) = parsed else { return [] }
    return validate(document, file: file)
  }

  func validate(_ document: ParsedDocument, file: String) -> [Diagnostic] {
    guard let context = xmlSchemaNewValidCtxt(schema) else { return [] }
    defer { xmlSchemaFreeValidCtxt(context) }
    let sink = SchemaSink(file: file)
    let retained = Unmanaged.passRetained(sink)
    defer { retained.release() }
    xmlSchemaSetValidStructuredErrors(
      context,
      { data, error in
        guard let data, let error else { return }
        Unmanaged<SchemaSink>.fromOpaque(data).takeUnretainedValue().record(error.pointee)
      }, retained.toOpaque())
    _ = LibXML.silencingThreadErrors { xmlSchemaValidateDoc(context, document.pointer) }
    return sink.findings
  }
}

private final class SchemaSink {
  let file: String
  var findings: [Diagnostic] = []

  init(file: String) {
    self.file = file
  }

  func record(_ error: xmlError) {
    var message = error.message.map { String(cString: $0) } ?? "schema violation"
    while message.last?.isWhitespace == true { message.removeLast() }
    message = message.replacingOccurrences(of: "{\(PilotEvalNamespace.rubric)}", with: "")
      .replacingOccurrences(of: "{\(PilotEvalNamespace.submission)}", with: "")
      .replacingOccurrences(of: "{\(PilotEvalNamespace.review)}", with: "")
    findings.append(Diagnostic(.warning, file: file, line: Int(error.line), message: Message(.schemaFinding, message)))
  }
}
