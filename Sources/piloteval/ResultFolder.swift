import PilotEvalCore
import PilotEvalReports

/// The `--out` folder of `score`, `rank`, `report`, `record` and `trend`: every result
/// file written atomically, by `OutputFolder`'s rules (no link followed inside it, one
/// clear line for every folder error), with the names written kept for a manifest.
final class ResultFolder {
  let folder: OutputFolder
  let jobs: Int
  /// Every file written so far, relative to the folder, in order.
  private(set) var written: [String] = []

  /// Opens the folder at `path`, creating it when missing.
  init(path: String, jobs: Int = 1) throws(OutputFolderError) {
    folder = OutputFolder(path: path)
    self.jobs = jobs
    try folder.prepare()
  }

  /// Writes results.json (docs/FORMAT.md §6), results.csv, rejected.csv and summary.txt.
  func write(_ result: RoundResult) throws(OutputFolderError) {
    try write("results.json") { output in result.writeJSON(jobs: jobs, output.write) }
    try write(result.csv(), to: "results.csv")
    try write(result.rejectedCSV(), to: "rejected.csv")
    try write(result.summaryText(), to: "summary.txt")
  }

  /// Writes analysis.json and analysis.csv.
  func write(_ analysis: RoundAnalysis, of result: RoundResult) throws(OutputFolderError) {
    try write(analysis.jsonText(result), to: "analysis.json")
    try write(analysis.csv(result), to: "analysis.csv")
  }

  /// Writes `text` to `name` inside the folder.
  func write(_ text: String, to name: String) throws(OutputFolderError) {
    try write(name) { $0.write(text) }
  }

  /// Writes `data` to `name` inside the folder.
  func write(_ data: [UInt8], to name: String) throws(OutputFolderError) {
    try write(name) { $0.write(data) }
  }

  /// Streams `name` inside the folder through `body`.
  func write(_ name: String, _ body: (BufferedOutput) throws -> Void) throws(OutputFolderError) {
    let path = try folder.file(name)
    do {
      try AtomicFile.write(to: path, body)
    } catch {
      throw .writeFailed(path, reason: OutputFolder.reason(of: error))
    }
    written.append(name)
  }

  /// The path of `name` inside the folder, for messages.
  func display(_ name: String) -> String {
    folder.path.hasSuffix("/") ? folder.path + name : folder.path + "/" + name
  }
}
