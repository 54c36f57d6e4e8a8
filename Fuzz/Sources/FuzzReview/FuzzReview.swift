// libFuzzer target: ReviewReader().read(bytes:file:) on arbitrary bytes.
import PilotEvalXML

private let reader = ReviewReader()

/// libFuzzer calls this with each input; a crash or sanitizer report is a finding, the return value is ignored.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let loaded = reader.read(bytes: bytes, file: "fuzz-review.xml")
  _ = loaded.errors.count + loaded.warnings.count
  return 0
}
