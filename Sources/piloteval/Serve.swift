import ArgumentParser
import Foundation
import PilotEvalCore
import PilotEvalPortal

/// `piloteval serve`: the submission portal, in the foreground.
struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run the submission portal (web pages and the /api/v1 interface) until SIGINT or SIGTERM.",
    discussion: """
      运行填报平台（网页和 /api/v1 接口），直至按 Ctrl-C 或收到 SIGTERM。请先用 piloteval portal init \
      建立数据库。每个请求在标准错误上记一行日志。本服务只提供明文 HTTP：请置于 TLS 反向代理之后\
      （见 README），并加 --trust-proxy，使 X-Forwarded-For 和 X-Forwarded-Proto 得到采信。

      Set up the database first with `piloteval portal init`. Logs one line per request on \
      standard error. Plain HTTP: put it behind a TLS reverse proxy (see README) and pass \
      --trust-proxy so that X-Forwarded-For and X-Forwarded-Proto are believed.

      Examples:
        piloteval serve --db portal.sqlite
        piloteval serve --db portal.sqlite --listen 127.0.0.1:8080 --trust-proxy
        piloteval serve --lang en --db portal.sqlite --listen [::1]:8080 --jobs 2
        piloteval serve --db portal.sqlite --history piloteval.sqlite
      """)

  @OptionGroup var language: LanguageOption

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

  @Option(
    help: ArgumentHelp(
      "A history database: a round published from the office's page is recorded there.", valueName: "file"))
  var history: String?

  func validate() throws {
    guard Self.split(listen) != nil else { throw Console.usage(Message(.portalListen, listen)) }
    if let jobs, jobs < 1 { throw Console.usage(Message(.commandAtLeastOne, "--jobs", String(jobs))) }
    if requestsPerCode < 1 {
      throw Console.usage(Message(.commandAtLeastOne, "--requests-per-code", String(requestsPerCode)))
    }
    if let failuresPerAddress, failuresPerAddress < 1 {
      throw Console.usage(Message(.commandAtLeastOne, "--failures-per-address", String(failuresPerAddress)))
    }
  }

  func run() async throws {
    let store: SQLitePortalStore
    do {
      store = try SQLitePortalStore(path: database.db)
    } catch let error as PortalStoreError {
      Console.fail(error.message)
      throw ExitCode(1)
    }
    var configuration = PortalConfiguration()
    configuration.trustProxy = trustProxy
    configuration.failuresPerAddress = failuresPerAddress
    configuration.requestsPerCodePerMinute = requestsPerCode
    configuration.validationWidth = jobs ?? ProcessInfo.processInfo.activeProcessorCount
    configuration.publisher = RoundPublication(store: store, history: history)
    guard let (host, port) = Self.split(listen) else { throw ExitCode(64) }
    let server = PortalServer(
      service: PortalService(store: store, configuration: configuration), host: host, port: port)
    try await server.run { port in
      Console.error(Console.text(Message(.portalServing, database.db, host, String(port))))
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
