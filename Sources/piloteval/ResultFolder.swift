import PilotEvalCore
import PilotEvalReports

/// The `--out` folder of `score`, `rank` and `report`: every result file, each written atomically.
struct ResultFolder {
  let path: String
  var jobs = 1

  /// Writes results.json (docs/FORMAT.md §6), results.csv, rejected.csv and summary.txt.
  func write(_ result: RoundResult) throws {
    try AtomicFile.write(to: file("results.json")) { output in result.writeJSON(jobs: jobs, output.write) }
    try AtomicFile.write(result.csv(), to: file("results.csv"))
    try AtomicFile.write(result.rejectedCSV(), to: file("rejected.csv"))
    try AtomicFile.write(result.summaryText(), to: file("summary.txt"))
  }

  /// Writes analysis.json and analysis.csv.
  func write(_ analysis: RoundAnalysis, of result: RoundResult) throws {
    try AtomicFile.write(analysis.jsonText(result), to: file("analysis.json"))
    try AtomicFile.write(analysis.csv(result), to: file("analysis.csv"))
  }

  /// The path of `name` inside the folder.
  func file(_ name: String) -> String {
    path.hasSuffix("/") ? path + name : path + "/" + name
  }
}
