public import Foundation

/// Writes files so that a reader never sees half of one: the bytes go to a
/// temporary file in the same folder, are flushed, and then renamed over the
/// destination in one step.
public enum AtomicFile {
  /// Writes `text` as UTF-8 to `path` atomically, creating the folder if needed.
  public static func write(_ text: String, to path: String) throws {
    try write(Data(text.utf8), to: path)
  }

  /// Writes `data` to `path` atomically, creating the folder if needed.
  public static func write(_ data: Data, to path: String) throws {
    try write(to: path) { $0.write(data) }
  }

  /// Streams a file to `path` atomically: `body` writes to the temporary file's
  /// buffered output, which is renamed into place only when `body` returns.
  public static func write(to path: String, _ body: (BufferedOutput) throws -> Void) throws {
    let destination = URL(fileURLWithPath: path)
    let folder = destination.deletingLastPathComponent()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).tmp")
    guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
      throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
    }
    do {
      let handle = try FileHandle(forWritingTo: temporary)
      let output = BufferedOutput(handle)
      try body(output)
      output.flush()
      try handle.synchronize()
      try handle.close()
      guard rename(temporary.path, destination.path) == 0 else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path])
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    }
  }
}
