import Dispatch
import Synchronization
import Testing

@testable import PilotEvalCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// errno as text through `strerror_r`, the one place the project asks for it.
@Suite("errno as text")
struct SystemErrorTextTests {
  @Test("a known code reads as the C library words it")
  func knownCodes() {
    #expect(SystemErrorText.describing(ENOENT) == "No such file or directory")
    #expect(SystemErrorText.describing(EISDIR) == "Is a directory")
    #expect(SystemErrorText.describing(ENOSPC) == "No space left on device")
  }

  @Test("a code the library does not know still names its number")
  func unknownCode() {
    #expect(SystemErrorText.describing(99_999).contains("99999"))
    #expect(SystemErrorText.describing(-7).contains("7"))
  }

  @Test("many threads asking at once each get the text of their own code")
  func concurrentCallers() {
    let wrong = Mutex<[String]>([])
    DispatchQueue.concurrentPerform(iterations: 8) { thread in
      for round in 0..<2_000 {
        let code = Int32(100_000 + thread * 10_000 + round)
        let text = SystemErrorText.describing(code)
        if !text.hasSuffix(String(code)) { wrong.withLock { $0.append("\(code): \(text)") } }
      }
    }
    #expect(wrong.withLock { $0 }.isEmpty)
  }
}
