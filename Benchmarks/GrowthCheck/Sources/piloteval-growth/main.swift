// Scores the same round several times in one process and prints the resident
// memory after each pass, to show that nothing accumulates between runs.
//
//   swift run -c release piloteval-growth RUBRIC REVIEWS SUBMISSIONS [PASSES]
import Foundation
import PilotEvalCore
import PilotEvalReports
import PilotEvalXML

/// Current and peak resident set size in MiB, from /proc/self/status.
func residentMemory() -> (current: Double, peak: Double) {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
  func value(_ key: String) -> Double {
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return 0 }
    return Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "0") ?? 0
  }
  return (value("VmRSS:") / 1024, value("VmHWM:") / 1024)
}

let arguments = CommandLine.arguments
guard arguments.count >= 4 else {
  FileHandle.standardError.write(Data("usage: piloteval-growth RUBRIC REVIEWS SUBMISSIONS [PASSES]\n".utf8))
  exit(64)
}
guard case .success(let loaded) = RubricReader.load(path: arguments[1]) else {
  FileHandle.standardError.write(Data("the rubric cannot be used\n".utf8))
  exit(2)
}
let passes = arguments.count > 4 ? Int(arguments[4]) ?? 5 : 5
let configuration = RunConfiguration(
  paths: [arguments[3]], reviewPaths: [arguments[2]], jobs: ProcessInfo.processInfo.activeProcessorCount)
var peaks: [Double] = []
for pass in 1...passes {
  let start = Date()
  let result = RoundReader(rubric: loaded.rubric).run(configuration)
  var bytes = 0
  result.writeJSON(jobs: configuration.jobs) { bytes += $0.count }
  let memory = residentMemory()
  peaks.append(memory.peak)
  print(
    String(
      format: "pass %d: %d units, %.1f MB of JSON, %.2f s, RSS %.1f MiB, peak %.1f MiB", pass,
      result.scorecards.count, Double(bytes) / 1e6, Date().timeIntervalSince(start), memory.current, memory.peak))
}
let growth = (peaks.last! - peaks.first!) / peaks.first! * 100
print(String(format: "peak RSS growth from pass 1 to pass %d: %.1f%%", passes, growth))
