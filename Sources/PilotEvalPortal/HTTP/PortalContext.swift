public import Hummingbird
import NIOCore

/// The per-request context: Hummingbird's core storage and the peer's address.
public struct PortalContext: RequestContext {
  /// Hummingbird's storage.
  public var coreContext: CoreRequestContextStorage
  /// The address of the connection's peer (the proxy, behind one).
  public let peerAddress: String

  /// Creates the context for a request on `source`'s channel.
  public init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    peerAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
  }
}
