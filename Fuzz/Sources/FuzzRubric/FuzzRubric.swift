// libFuzzer target: RubricReader.load(bytes:file:) on arbitrary bytes.
import PilotEvalXML

/// libFuzzer calls this with each input; a crash or sanitizer report is a finding, the return value is ignored.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  switch RubricReader.load(bytes: bytes, file: "fuzz-rubric.xml") {
  case .success(let loaded): _ = loaded.rubric.id
  case .failure(let refusal): _ = refusal.diagnostics.count
  }
  return 0
}
