import Foundation
import Hummingbird
import Synchronization

/// One line per request on standard error: time, client, method, path, status, milliseconds.
///
///     2026-06-30T17:59:58+08:00 127.0.0.1 PUT /api/v1/rounds/2026H1/submissions/GX-01 201 12ms
///
/// Codes never appear: they travel in a header, and paths carry only ids.
struct RequestLog: RouterMiddleware {
  typealias Context = PortalContext
  let trustProxy: Bool

  func handle(
    _ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response
  ) async throws -> Response {
    let start = ContinuousClock.now
    let exchange = HTTPExchange(request, context, trustProxy: trustProxy)
    let response: Response
    do {
      response = try await next(request, context)
    } catch let error as HTTPError {
      // No route matched (404, 405): the interface's JSON shape, not Hummingbird's.
      let failure =
        error.status.code == 405
        ? PortalFailure(405, "method-not-allowed", .errorNotFound) : PortalFailure.notFound
      response = exchange.failure(failure)
    }
    let elapsed = ContinuousClock.now - start
    let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
    Self.write(
      "\(PortalClock.timestamp(exchange.arrived)) \(Self.printable(exchange.address)) \(request.method.rawValue) \(Self.printable(request.uri.path)) \(response.status.code) \(milliseconds)ms"
    )
    return response
  }

  /// An unexpected error, on its own line.
  static func error(_ text: String) {
    write("\(PortalClock.timestamp(Date())) error: \(printable(text))")
  }

  private static let lock = Mutex(())

  private static func write(_ line: String) {
    lock.withLock { _ in FileHandle.standardError.write(Data((line + "\n").utf8)) }
  }

  /// `text` with control characters replaced, so a request cannot forge log lines.
  private static func printable(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7f ? "?" : $0 }))
  }
}
