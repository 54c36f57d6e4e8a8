public import PilotEvalCore

/// Why an output folder, or a file in it, cannot be written: one line that names
/// the path and what to do, never a framework's error dump.
public struct OutputFolderError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong, with the path quoted, in any language.
  public var message: Message

  /// The message in English.
  public var description: String { message.text(in: .en) }

  /// Something that is not a folder stands where a folder must be.
  static func notAFolder(_ path: String) -> OutputFolderError {
    OutputFolderError(message: Message(.reportFolderNotAFolder, path))
  }

  /// The folder cannot be written in.
  static func notWritable(_ path: String, reason: Message.Argument) -> OutputFolderError {
    OutputFolderError(message: Message(.reportFolderNotWritable, parts: [.text(path), reason]))
  }

  /// The folder cannot be created.
  static func cannotCreate(_ path: String, reason: Message.Argument) -> OutputFolderError {
    OutputFolderError(message: Message(.reportFolderCannotCreate, parts: [.text(path), reason]))
  }

  /// A symbolic link inside the folder, where PilotEval writes.
  static func symbolicLink(_ path: String) -> OutputFolderError {
    OutputFolderError(message: Message(.reportFolderSymbolicLink, path))
  }

  /// A folder where PilotEval writes a file.
  static func folderInTheWay(_ path: String) -> OutputFolderError {
    OutputFolderError(message: Message(.reportFolderInTheWay, path))
  }

  /// A file could not be written.
  public static func writeFailed(_ path: String, reason: Message.Argument) -> OutputFolderError {
    OutputFolderError(message: Message(.reportFolderWriteFailed, parts: [.text(path), reason]))
  }
}
