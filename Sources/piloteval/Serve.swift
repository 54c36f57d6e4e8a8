import ArgumentParser
import Foundation
import PilotEvalPortal

/// `piloteval serve`: the submission portal, in the foreground.
struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run the submission portal (web pages and the /api/v1 interface) until SIGINT or SIGTERM.",
    discussion: """
      Set up the database first with `piloteval portal init`. Logs one line per request on
      standard error. Plain HTTP: put it behind a TLS reverse proxy (see README) and pass
      --trust-proxy so that X-Forwarded-For and X-Forwarded-Proto are believed.

      Examples:
        piloteval serve --db portal.sqlite --listen 127.0.0.1:8080
      """)

  @OptionGroup var database: PortalDatabaseOption

  @Option(help: ArgumentHelp("Address to listen on.", valueName: "host:port"))
  var listen: String = "127.0.0.1:8080"

  @Flag(help: "Believe X-Forwarded-For and X-Forwarded-Proto (only behind your own reverse proxy).")
  var trustProxy = false

  @Option(
    name: .customLong("failures-per-address"),
    help: ArgumentHelp("Answer 429 to an address after this many failed logins in 15 minutes.", valueName: "n"))
  var failuresPerAddress: Int?

  @Option(
    name: .customLong("requests-per-code"),
    help: ArgumentHelp("Answer 429 to a code after this many requests in a minute.", valueName: "n"))
  var requestsPerCode: Int = 600

  @Option(help: ArgumentHelp("Validations at once. Default: all cores.", valueName: "n"))
  var jobs: Int?

  func validate() throws {
    guard Self.split(listen) != nil else { throw ValidationError("--listen must be HOST:PORT, e.g. 127.0.0.1:8080") }
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    if requestsPerCode < 1 { throw ValidationError("--requests-per-code must be at least 1") }
    if let failuresPerAddress, failuresPerAddress < 1 {
      throw ValidationError("--failures-per-address must be at least 1")
    }
  }

  func run() async throws {
    let store: SQLitePortalStore
    do {
      store = try SQLitePortalStore(path: database.db)
    } catch let error as PortalStoreError {
      Console.error("error: \(error)")
      throw ExitCode(1)
    }
    var configuration = PortalConfiguration()
    configuration.trustProxy = trustProxy
    configuration.failuresPerAddress = failuresPerAddress
    configuration.requestsPerCodePerMinute = requestsPerCode
    configuration.validationWidth = jobs ?? ProcessInfo.processInfo.activeProcessorCount
    guard let (host, port) = Self.split(listen) else { throw ExitCode(64) }
    let server = PortalServer(
      service: PortalService(store: store, configuration: configuration), host: host, port: port)
    try await server.run { port in
      Console.error("piloteval: serving \(database.db) on http://\(host):\(port)/ (stop with Ctrl-C)")
    }
  }

  static func split(_ address: String) -> (String, Int)? {
    guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
      (0...65535).contains(port)
    else { return nil }
    var host = String(address[..<colon])
    if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    return host.isEmpty ? nil : (host, port)
  }
}
