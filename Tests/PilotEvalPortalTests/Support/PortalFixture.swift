import Foundation
import PilotEvalPortal

/// A portal on a loopback port for one test: a new database with one round (`2026H1`, the
/// repository's rubric), two units (A = FJ-00-01, B = FJ-FZ-01), their codes and the office's.
final class PortalFixture: @unchecked Sendable {
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let rubricPath = repositoryRoot.appendingPathComponent("Rubrics/jgsw-pilot.xml").path
  static let round = "2026H1"
  static let unitA = "FJ-00-01"
  static let unitB = "FJ-FZ-01"

  let directory: URL
  let store: SQLitePortalStore
  let office: String
  let codeA: String
  let codeB: String
  private(set) var port = 0
  private var task: Task<Void, any Error>?

  /// A sample submission of the repository (2026H1), by unit id.
  static func sample(_ unit: String) throws -> [UInt8] {
    Array(try Data(contentsOf: repositoryRoot.appendingPathComponent("Samples/2026H1/submissions/\(unit).xml")))
  }

  init(deadline: String? = nil, configure: (inout PortalConfiguration) -> Void = { _ in }) async throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("portal-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    store = try SQLitePortalStore.create(path: directory.appendingPathComponent("portal.sqlite").path)
    office = try store.issueOfficeCode().text
    let rubric = Array(try Data(contentsOf: URL(fileURLWithPath: Self.rubricPath)))
    try store.openRound(Self.round, rubricXML: rubric, deadline: deadline)
    let units = [
      UnitRecord(id: Self.unitA, name: "福建省机关事务管理局", region: "福建", level: "省级", category: "局"),
      UnitRecord(id: Self.unitB, name: "福州市机关事务管理局", region: "福建", level: "市级", category: "局"),
    ]
    let codes = try store.addUnits(units, round: Self.round, reissue: [])
    codeA = codes[0].code.text
    codeB = codes[1].code.text

    var configuration = PortalConfiguration()
    configure(&configuration)
    let server = PortalServer(
      service: PortalService(store: store, configuration: configuration), host: "127.0.0.1", port: 0,
      frameworkLogLevel: .critical)
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    task = Task { try await server.run { continuation.yield($0) } }
    for await ready in ports {
      port = ready
      break
    }
  }

  func stop() async {
    task?.cancel()
    _ = try? await task?.value
    try? FileManager.default.removeItem(at: directory)
  }

  func request(
    _ method: String, _ path: String, code: String? = nil, headers: [String: String] = [:], body: [UInt8] = []
  ) async throws -> RawHTTP.Response {
    var all = headers
    if let code { all["Authorization"] = "Bearer \(code)" }
    let port = self.port
    let headers = all
    return try await blocking { try RawHTTP.request(port: port, method, path, headers: headers, body: body) }
  }

  func upload(
    _ unit: String, body: [UInt8], code: String?, round: String = PortalFixture.round
  ) async throws -> RawHTTP.Response {
    try await request(
      "PUT", "/api/v1/rounds/\(round)/submissions/\(unit)", code: code, headers: ["Content-Type": "application/xml"],
      body: body)
  }
}
