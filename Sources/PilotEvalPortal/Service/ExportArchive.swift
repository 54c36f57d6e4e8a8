import Foundation
import ZIPFoundation

/// The export of a round: a ZIP whose bytes depend only on its contents.
///
/// Entries are sorted by path and carry one fixed timestamp. `manifest.csv` maps the file
/// names back to unit ids (see `ExportName`).
enum ExportArchive {
  /// An accepted submission to include.
  struct Submission: Sendable {
    var unit: String
    var version: Int
    var bytes: [UInt8]
  }

  /// An accepted review to include.
  struct Review: Sendable {
    var unit: String
    var reviewer: String
    var version: Int
    var bytes: [UInt8]
  }

  /// Every entry's timestamp: 1980-01-01 00:00:00 UTC, the earliest a ZIP entry can carry.
  static let timestamp = Date(timeIntervalSince1970: 315_532_800)

  /// The archive's bytes.
  static func zip(rubric: [UInt8], submissions: [Submission], reviews: [Review] = []) throws -> [UInt8] {
    let files = entries(rubric: rubric, submissions: submissions, reviews: reviews)
    let archive = try Archive(accessMode: .create)
    for directory in ["reviews/", "submissions/"] {
      try archive.addEntry(
        with: directory, type: .directory, uncompressedSize: Int64(0), modificationDate: timestamp,
        permissions: 0o755, compressionMethod: .none
      ) { _, _ in Data() }
    }
    for file in files {
      let data = Data(file.bytes)
      try archive.addEntry(
        with: file.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: timestamp,
        permissions: 0o644, compressionMethod: .deflate
      ) { position, size in
        let start = Int(position)
        return data.subdata(in: start..<min(start + size, data.count))
      }
    }
    guard let data = archive.data else { throw Archive.ArchiveError.unwritableArchive }
    return Array(data)
  }

  /// The archive's files, by path (what the ZIP holds, and what `portal publish` reports on).
  static func entries(
    rubric: [UInt8], submissions: [Submission], reviews: [Review]
  ) -> [(path: String, bytes: [UInt8])] {
    let names = ExportName.names(for: submissions.map(\.unit) + reviews.map(\.unit))
    let reviewerNames = ExportName.names(for: reviews.map(\.reviewer))
    var files: [(path: String, bytes: [UInt8])] = [("rubric.xml", rubric)]
    var manifest: [[String]] = [["rubric.xml", "rubric", "", "", "", SHA256.hex(rubric)]]
    for submission in submissions {
      let path = "submissions/\(names[submission.unit] ?? submission.unit).xml"
      files.append((path, submission.bytes))
      manifest.append([
        path, "submission", submission.unit, "", String(submission.version), SHA256.hex(submission.bytes),
      ])
    }
    for review in reviews {
      let folder = names[review.unit] ?? review.unit
      let path = "reviews/\(folder)/\(reviewerNames[review.reviewer] ?? review.reviewer).xml"
      files.append((path, review.bytes))
      manifest.append([
        path, "review", review.unit, review.reviewer, String(review.version), SHA256.hex(review.bytes),
      ])
    }
    manifest.sort { $0[0].utf8.lexicographicallyPrecedes($1[0].utf8) }
    let csv = ([["path", "kind", "unit", "reviewer", "version", "sha256"]] + manifest)
      .map { $0.map(csvField).joined(separator: ",") + "\r\n" }.joined()
    files.append(("manifest.csv", Array(csv.utf8)))
    files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    return files
  }

  private static func csvField(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
