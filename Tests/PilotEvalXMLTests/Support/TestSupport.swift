import Dispatch
import Foundation
import PilotEvalCore
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// MARK: - Locating lines in inline documents

/// The 1-based line of `text` on which `needle` occurs for the `occurrence`-th time.
///
/// Tests name the offending line by its content, so a document can be edited
/// without renumbering its expectations.
func line(
  of needle: String, in text: String, occurrence: Int = 1, sourceLocation: SourceLocation = #_sourceLocation
)
  -> Int
{
  var seen = 0
  for (index, content) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
  where content.contains(needle) {
    seen += 1
    if seen == occurrence { return index + 1 }
  }
  Issue.record("'\(needle)' does not occur \(occurrence) time(s) in the document", sourceLocation: sourceLocation)
  return -1
}

extension String {
  /// The UTF-8 bytes, as the readers take them.
  var bytes: [UInt8] { Array(utf8) }
}

// MARK: - Temporary folders

/// A fresh folder under the system's temporary directory; `remove()` deletes it.
struct Scratch {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("PilotEvalXMLTests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// The absolute path of `relative` inside the folder.
  func path(_ relative: String) -> String { path + "/" + relative }

  /// Writes `text` as UTF-8 to `relative`, creating folders on the way; returns the path.
  @discardableResult
  func write(_ relative: String, _ text: String) throws -> String {
    try write(relative, bytes: text.bytes)
  }

  /// Writes `bytes` to `relative`, creating folders on the way; returns the path.
  @discardableResult
  func write(_ relative: String, bytes: [UInt8]) throws -> String {
    let target = try parent(of: relative)
    // POSIX calls: Foundation's Data.write takes milliseconds a file here.
    let descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    defer { close(descriptor) }
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress! + written, $0.count - written) }
      guard count > 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
      written += count
    }
    return target
  }

  /// Creates a folder at `relative`; returns its path.
  @discardableResult
  func makeFolder(_ relative: String) throws -> String {
    let target = path(relative)
    try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
    return target
  }

  /// Creates a symbolic link at `relative` pointing at `destination` (taken as written).
  @discardableResult
  func link(_ relative: String, to destination: String) throws -> String {
    let target = try parent(of: relative)
    try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: destination)
    return target
  }

  /// Creates a FIFO (named pipe) at `relative`; returns its path.
  @discardableResult
  func fifo(_ relative: String) throws -> String {
    let target = try parent(of: relative)
    guard mkfifo(target, 0o600) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    return target
  }

  /// Binds a Unix-domain socket at `relative` (left in place, never listened on); returns its path.
  @discardableResult
  func socket(_ relative: String) throws -> String {
    let target = try parent(of: relative)
    #if canImport(Glibc)
      let descriptor = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let descriptor = Darwin.socket(AF_UNIX, SOCK_STREAM, 0)
    #endif
    guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    defer { close(descriptor) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let capacity = MemoryLayout.size(ofValue: address.sun_path)
    guard target.utf8.count < capacity else { throw POSIXError(.ENAMETOOLONG) }
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
      raw.copyBytes(from: target.utf8)
      raw[target.utf8.count] = 0
    }
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
      }
    }
    guard bound == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    return target
  }

  /// The path of `relative`, after creating the folder it goes in.
  private func parent(of relative: String) throws -> String {
    let target = path(relative)
    let folder = (target as NSString).deletingLastPathComponent
    if !FileManager.default.fileExists(atPath: folder) {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
    return target
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}

#if canImport(Glibc)
  private let systemWrite = Glibc.write
#elseif canImport(Darwin)
  private let systemWrite = Darwin.write
#endif

// MARK: - Bounded waiting

/// Runs `work` on another thread and waits at most `seconds` for it.
///
/// Returns `nil` when the work did not finish in time; `unblock` is then called
/// so the stuck thread can end (e.g. by opening the other end of a FIFO).
func finishing<T: Sendable>(
  within seconds: Double, unblock: @Sendable () -> Void = {}, _ work: @escaping @Sendable () -> T
) -> T? {
  let box = Box<T>()
  let done = DispatchSemaphore(value: 0)
  DispatchQueue.global().async {
    box.value = work()
    done.signal()
  }
  if done.wait(timeout: .now() + seconds) == .success { return box.value }
  unblock()
  return nil
}

private final class Box<T>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: T?
  var value: T? {
    get { lock.withLock { stored } }
    set { lock.withLock { stored = newValue } }
  }
}

// MARK: - Deterministic bytes

/// SplitMix64: a small seeded generator, so "random" inputs are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

// MARK: - Diagnostics

extension Array where Element == Diagnostic {
  /// One diagnostic per line, for failure messages.
  var listing: String { map(\.description).joined(separator: "\n") }
}
