#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The C library's words for an `errno` value, safe to ask on any thread.
///
/// `strerror` may answer in a buffer every thread shares (POSIX allows it, and
/// glibc does so for codes it does not know), so a batch worker could read another
/// worker's text; `strerror_r` writes into a buffer of the caller's own. Every
/// place that turns an `errno` into text goes through here.
package enum SystemErrorText {
  /// The system's description of `code`, as the C library words it (for example
  /// "No such file or directory"); "error N" if the library gives none.
  package static func describing(_ code: Int32) -> String {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: 256) { buffer in
      guard let base = buffer.baseAddress else { return "error \(code)" }
      buffer.initialize(repeating: 0)
      // The POSIX form (glibc's too, as Swift imports it): 0, or an error number when the
      // code is unknown, in which case the buffer still holds "Unknown error N". The last
      // byte is left out so the text always ends in a NUL.
      _ = strerror_r(code, base, buffer.count - 1)
      return base.pointee == 0 ? "error \(code)" : String(cString: base)
    }
  }
}
