/// Why an output folder, or a file in it, cannot be written: one line that names
/// the path and what to do, never a framework's error dump.
public struct OutputFolderError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong, lowercase, with the path quoted.
  public var message: String

  /// The message.
  public var description: String { message }

  /// Something that is not a folder stands where a folder must be.
  static func notAFolder(_ path: String) -> OutputFolderError {
    OutputFolderError(message: "'\(path)' exists and is not a folder: remove it or choose another --out")
  }

  /// The folder cannot be written in.
  static func notWritable(_ path: String, reason: String) -> OutputFolderError {
    OutputFolderError(message: "cannot write in the folder '\(path)': \(reason)")
  }

  /// The folder cannot be created.
  static func cannotCreate(_ path: String, reason: String) -> OutputFolderError {
    OutputFolderError(message: "cannot create the folder '\(path)': \(reason)")
  }

  /// A symbolic link inside the folder, where PilotEval writes.
  static func symbolicLink(_ path: String) -> OutputFolderError {
    OutputFolderError(
      message:
        "'\(path)' is a symbolic link; PilotEval does not write through links inside its output folder: remove it or choose another --out"
    )
  }

  /// A folder where PilotEval writes a file.
  static func folderInTheWay(_ path: String) -> OutputFolderError {
    OutputFolderError(message: "'\(path)' is a folder where a file must be written: remove it or choose another --out")
  }

  /// A file could not be written.
  public static func writeFailed(_ path: String, reason: String) -> OutputFolderError {
    OutputFolderError(message: "cannot write '\(path)': \(reason)")
  }
}
