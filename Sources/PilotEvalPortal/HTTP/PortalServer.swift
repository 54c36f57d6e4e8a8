import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
public import Logging
import NIOCore

/// The portal's HTTP server: the interface of PORTAL.md and the web pages, on one address.
///
///     let store = try SQLitePortalStore(path: "portal.sqlite")
///     let server = PortalServer(service: PortalService(store: store), host: "127.0.0.1", port: 8080)
///     try await server.run()   // until SIGINT or SIGTERM
public struct PortalServer: Sendable {
  /// What the routes call.
  public let service: PortalService
  /// The address to listen on.
  public let host: String
  /// The port (0: any free port, reported to `onReady`).
  public let port: Int
  /// The least severe of Hummingbird's own messages that is printed (the portal's request
  /// lines are printed regardless).
  public let frameworkLogLevel: Logger.Level

  /// A server for `service` on `host:port`.
  public init(service: PortalService, host: String, port: Int, frameworkLogLevel: Logger.Level = .info) {
    self.service = service
    self.host = host
    self.port = port
    self.frameworkLogLevel = frameworkLogLevel
  }

  /// Serves until SIGINT or SIGTERM, then finishes the requests in progress and returns.
  /// `onReady` gets the port once the server listens.
  public func run(onReady: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
    let router = Router(context: PortalContext.self)
    router.middlewares.add(SecurityHeaders())
    router.middlewares.add(RequestLog(trustProxy: service.configuration.trustProxy))
    APIRoutes(service: service).register(on: router)
    WebRoutes(service: service).register(on: router)
    let sizeLimit = service.configuration.sizeLimit
    var logger = Logger(label: "piloteval.portal")
    logger.logLevel = frameworkLogLevel
    let app = Application(
      router: router,
      server: .http1(
        configuration: .init(
          additionalChannelHandlers: [ConnectionGuard(sizeLimit: sizeLimit)], idleTimeout: .seconds(120))),
      configuration: .init(address: .hostname(host, port: port), serverName: nil),
      onServerRunning: { channel in onReady(channel.localAddress?.port ?? 0) },
      logger: logger
    )
    try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
  }
}
