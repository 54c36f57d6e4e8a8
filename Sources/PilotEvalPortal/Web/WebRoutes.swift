import Hummingbird

/// The web pages (server-rendered, working without JavaScript) over the same service.
struct WebRoutes: Sendable {
  let service: PortalService

  func register(on router: Router<PortalContext>) {}
}
