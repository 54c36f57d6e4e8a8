import Testing

/// Every suite of the portal, run one test at a time: each starts servers whose handlers share
/// Swift's few cooperative threads with the tests' own set-up, and the portal tests together
/// would otherwise starve them on a two-core machine (requests timing out with no answer).
@Suite("Portal", .serialized)
enum PortalTests {}
