import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The README's whole round in the portal runs as pasted, and docs/ASSIGNMENT.md's worked
/// example is what its `portal assign` printed and wrote.
@Suite("README: a whole round in the portal", .serialized)
struct ReadmeRoundTests {
  /// The text between `begin` and `end` in `text`, inside its fenced block.
  static func block(_ text: String, _ name: String) -> String? {
    guard let start = text.range(of: "<!-- \(name):begin -->"), let end = text.range(of: "<!-- \(name):end -->"),
      start.upperBound < end.lowerBound
    else { return nil }
    var lines = text[start.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    while let first = lines.first, !first.hasPrefix("```") { lines.removeFirst() }
    while let last = lines.last, !last.hasPrefix("```") { lines.removeLast() }
    guard lines.count >= 2 else { return nil }
    return lines.dropFirst().dropLast().joined(separator: "\n")
  }

  /// A free loopback port.
  static func freePort() -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
    }
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  @Test("the README's round: set-up, submitting, closing, assigning, reviewing, publishing, all as pasted")
  func wholeRound() async throws {
    let root = CommandRunner.repositoryRoot
    let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    let doc = try String(contentsOf: root.appendingPathComponent("docs/ASSIGNMENT.md"), encoding: .utf8)
    let script = try #require(Self.block(readme, "portal-round"))
    let output = try #require(Self.block(doc, "assign-output"))
    let plan = try #require(Self.block(doc, "assign-plan"))

    let work = FileManager.default.temporaryDirectory.appendingPathComponent("readme-round-\(UUID().uuidString)")
    let bin = work.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    for name in ["Samples", "Rubrics"] {
      try FileManager.default.createSymbolicLink(
        at: work.appendingPathComponent(name), withDestinationURL: root.appendingPathComponent(name))
    }
    try FileManager.default.createSymbolicLink(
      at: bin.appendingPathComponent("piloteval"), withDestinationURL: CommandRunner.binary)
    // Only the port changes (the test may not own 8080); a failure never leaves the server running.
    let port = Self.freePort()
    let runnable =
      "trap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n"
      + script.replacingOccurrences(of: "127.0.0.1:8080", with: "127.0.0.1:\(port)")

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-e", "-o", "pipefail", "-c", runnable]
    process.currentDirectoryURL = work
    var environment = ProcessInfo.processInfo.environment
    for name in ["PILOTEVAL_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] { environment[name] = nil }
    environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let errReader = Task.detached { err.fileHandleForReading.readDataToEndOfFile() }
    let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let stderr = String(decoding: await errReader.value, as: UTF8.self)
    process.waitUntilExit()

    #expect(process.terminationStatus == 0, "\(stderr)\n\(stdout)")
    let answers = stdout.split(separator: "\n").filter { $0.hasSuffix(" 201") }
    #expect(answers.count == 8 + 22, "\(stdout)")  // eight submissions, 22 reviews
    for line in output.split(separator: "\n") { #expect(stdout.contains(line), "not printed: \(line)") }
    let bytes = Array(try Data(contentsOf: work.appendingPathComponent("plan.csv")))
    #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))  // the byte order mark every PilotEval CSV has
    let written = String(decoding: bytes.dropFirst(3), as: UTF8.self)
    #expect(
      written.replacingOccurrences(of: "\r\n", with: "\n") == plan + "\n",
      "docs/ASSIGNMENT.md's plan.csv differs from what assign wrote")
    #expect(stderr.contains("评估轮次 2026H1 已发布"), "\(stderr)")
    #expect(stderr.contains("已记入历史数据库 history.sqlite"), "\(stderr)")
    #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("history.sqlite").path))
  }
}
