import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Two things Hummingbird 2.28.1 leaves to the application, done per connection:
///
/// - **`Expect: 100-continue`**: answers `100 Continue` at once (unless the declared
///   `Content-Length` is already over the limit, which the route refuses with 413), so that a
///   client such as `curl -T` sends its body without waiting a second.
/// - **Closing after a refusal**: when a response carries `Connection: close` (413 on an
///   oversized body), the connection is closed once the response is written, instead of
///   Hummingbird draining a body that may never end.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPRequestPart
  typealias InboundOut = HTTPRequestPart
  typealias OutboundIn = HTTPResponsePart
  typealias OutboundOut = HTTPResponsePart

  private let sizeLimit: Int
  private var closeAfterResponse = false
  private var closing = false

  init(sizeLimit: Int) {
    self.sizeLimit = sizeLimit
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    if closing { return }
    if case .head(let request) = unwrapInboundIn(data),
      request.headerFields[.expect]?.lowercased() == "100-continue"
    {
      let declared = request.headerFields[.contentLength].flatMap { Int($0) }
      if declared.map({ $0 <= sizeLimit }) ?? true {
        context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
      }
    }
    context.fireChannelRead(data)
  }

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    switch unwrapOutboundIn(data) {
    case .head(let response):
      if response.headerFields[.connection]?.lowercased() == "close" { closeAfterResponse = true }
      context.write(data, promise: promise)
    case .body:
      context.write(data, promise: promise)
    case .end:
      guard closeAfterResponse else {
        context.write(data, promise: promise)
        return
      }
      closing = true
      let written = context.eventLoop.makePromise(of: Void.self)
      written.futureResult.cascade(to: promise)
      context.writeAndFlush(data, promise: written)
      let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
      written.futureResult.whenComplete { _ in bound.value.close(promise: nil) }
    }
  }
}
