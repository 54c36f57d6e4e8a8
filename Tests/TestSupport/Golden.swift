import Foundation

/// Golden files for the tests: output checked into Tests/ byte for byte, so that a change to it shows in review.
///
/// A golden file lives in a `Golden` folder beside the test file that names it (exclude the folder from the test
/// target in Package.swift). To re-record every golden file after an intended change, run the tests with
/// `PILOTEVAL_RECORD_GOLDEN=1` and review the diff:
///
///     PILOTEVAL_RECORD_GOLDEN=1 swift test --filter ChartContractTests
///
/// In a test:
///
///     #expect(try Golden.difference(svg, from: "histogram.svg", besideFile: #filePath) == nil)
public enum Golden {
  /// Whether this run writes golden files instead of comparing with them.
  public static var isRecording: Bool { ProcessInfo.processInfo.environment["PILOTEVAL_RECORD_GOLDEN"] == "1" }

  /// `nil` when `actual` is the content of the golden file `name` beside `testFile` (or has just been recorded
  /// there), else what differs, in a sentence for the test's failure.
  public static func difference(_ actual: String, from name: String, besideFile testFile: String) throws -> String? {
    let url = URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("Golden")
      .appendingPathComponent(name)
    if isRecording {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: url, options: .atomic)
      return nil
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      return "golden file \(url.path) is missing (record it with PILOTEVAL_RECORD_GOLDEN=1)"
    }
    let expected = String(decoding: data, as: UTF8.self)
    guard expected != actual else { return nil }
    let at = zip(expected, actual).prefix { $0 == $1 }.count
    return "differs from \(name) at character \(at) (re-record with PILOTEVAL_RECORD_GOLDEN=1 if intended)"
  }
}
