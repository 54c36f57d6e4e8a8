import Foundation
import ZIPFoundation

/// The ZIP container around the parts, byte for byte the same for the same parts.
enum XLSXPackage {
  /// Every entry's timestamp: 1980-01-01 00:00:00 UTC, the earliest a ZIP entry can carry.
  static let timestamp = Date(timeIntervalSince1970: 315_532_800)

  /// The parts, deflated, in the order given.
  static func zip(_ parts: [XLSXPart]) throws -> Data {
    do {
      let archive = try Archive(accessMode: .create)
      for part in parts {
        let bytes = part.bytes
        try archive.addEntry(
          with: part.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: timestamp,
          permissions: 0o644, compressionMethod: .deflate
        ) { position, size in
          let start = bytes.startIndex + Int(position)
          return bytes.subdata(in: start..<min(start + size, bytes.endIndex))
        }
      }
      guard let data = archive.data else { throw Archive.ArchiveError.unwritableArchive }
      return data
    } catch {
      throw XLSXError.archive(error)
    }
  }
}
