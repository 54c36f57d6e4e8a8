import Foundation
public import PilotEvalCore

/// The `id,code` file of `portal add-units`: created with mode 0600, never over an existing file,
/// and complete or absent (written beside, flushed, then linked into place).
public enum CodesFile {
  /// Why the file could not be written.
  public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in any language.
    public var message: Message
    /// What went wrong, in English.
    public var description: String { message.text(in: .en) }
  }

  /// Writes `codes` to a new file at `path`.
  public static func create(_ path: String, codes: [(unit: String, code: AccessCode)]) throws {
    let text = "id,code\n" + codes.map { "\(field($0.unit)),\($0.code.text)\n" }.joined()
    let temporary = path + ".\(getpid()).partial"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    guard descriptor >= 0 else { throw Failure(message: Message(.portalCodesCannotCreate, temporary)) }
    defer { unlink(temporary) }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    let synced = fsync(descriptor)
    close(descriptor)
    guard written == bytes.count, synced == 0 else {
      throw Failure(message: Message(.portalCodesCannotWrite, temporary))
    }
    guard link(temporary, path) == 0 else { throw Failure(message: Message(.portalCodesLinkFailed, path)) }
  }

  private static func field(_ value: String) -> String {
    guard value.contains(where: { $0 == "," || $0 == "\"" }) else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
