import Glibc
// libFuzzer target: SubmissionReader(rubric:).read(bytes:file:) against the fixed
// rubric Rubrics/jgsw-pilot.xml (read once at start-up; PILOTEVAL_FUZZ_RUBRIC overrides it).
import PilotEvalCore
import PilotEvalXML

private let reader: SubmissionReader = {
  let path = rubricPath()
  switch RubricReader.load(path: path) {
  case .success(let loaded): return SubmissionReader(rubric: loaded.rubric)
  case .failure(let refusal): fatalError("cannot load \(path): \(refusal.diagnostics)")
  }
}()

/// The rubric: $PILOTEVAL_FUZZ_RUBRIC, or else Rubrics/jgsw-pilot.xml of the checkout this
/// file was compiled from (#filePath is …/Fuzz/Sources/<target>/<target>.swift).
private func rubricPath() -> String {
  if let path = getenv("PILOTEVAL_FUZZ_RUBRIC") { return String(cString: path) }
  let root = #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(4).joined(separator: "/")
  return root + "/Rubrics/jgsw-pilot.xml"
}

/// libFuzzer calls this with each input; a crash or sanitizer report is a finding, the return value is ignored.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let loaded = reader.read(bytes: bytes, file: "fuzz-submission.xml")
  _ = loaded.errors.count + loaded.warnings.count
  return 0
}
