import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The built `piloteval` binary, run as the office would run it.
enum PilotEvalBinary {
  static let url: URL = {
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = directory.appendingPathComponent("piloteval")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      directory = directory.deletingLastPathComponent()
    }
    return PortalFixture.repositoryRoot.appendingPathComponent(".build/debug/piloteval")
  }()

  /// Runs `piloteval arguments…` to the end: status, standard output, standard error.
  ///
  /// With `neutralLocale`, the language variables (`PILOTEVAL_LANG`, `LC_ALL`, `LC_MESSAGES`,
  /// `LANG`) are removed, so that messages come in the default language, Chinese.
  static func run(
    _ arguments: [String], in directory: URL, neutralLocale: Bool = false
  ) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    if neutralLocale {
      var environment = ProcessInfo.processInfo.environment
      for name in ["PILOTEVAL_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] { environment[name] = nil }
      process.environment = environment
    }
    process.currentDirectoryURL = directory
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self)
    )
  }

  /// A free loopback port (bound once, then released).
  static func freePort() -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
    }
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// Starts `piloteval serve` on `port` and waits until `/healthz` answers.
  static func serve(db: String, port: Int, in directory: URL, extra: [String] = []) throws -> Process {
    let process = Process()
    process.executableURL = url
    process.arguments = ["serve", "--db", db, "--listen", "127.0.0.1:\(port)"] + extra
    process.currentDirectoryURL = directory
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    for _ in 0..<200 {
      if (try? RawHTTP.request(port: port, "GET", "/healthz"))?.status == 200 { return process }
      usleep(50_000)
    }
    process.terminate()
    throw POSIXError(.ETIMEDOUT)
  }
}
