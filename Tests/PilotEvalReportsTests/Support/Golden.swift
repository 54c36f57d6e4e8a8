import Foundation
import Testing

/// Golden files: output checked into Tests/ byte for byte, so a change to it shows in review.
///
/// A golden file lives in a `Golden` folder beside the test file that names it. To re-record every golden file
/// after an intended change, run the tests with `PILOTEVAL_RECORD_GOLDEN=1` and review the diff:
///
///     PILOTEVAL_RECORD_GOLDEN=1 swift test --filter PilotEvalReportsTests
enum Golden {
  /// Whether this run writes golden files instead of comparing with them.
  static var recording: Bool { ProcessInfo.processInfo.environment["PILOTEVAL_RECORD_GOLDEN"] == "1" }

  /// Expects `actual` to be the content of the golden file `name` (or records it).
  static func expect(
    _ actual: String, matches name: String, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let url = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden")
      .appendingPathComponent(name)
    if recording {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: url, options: .atomic)
      return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      Issue.record(
        "golden file \(url.path) is missing (record it with PILOTEVAL_RECORD_GOLDEN=1)",
        sourceLocation: sourceLocation)
      return
    }
    #expect(
      String(decoding: data, as: UTF8.self) == actual,
      "differs from \(name) (re-record with PILOTEVAL_RECORD_GOLDEN=1 if the change is intended)",
      sourceLocation: sourceLocation)
  }
}
