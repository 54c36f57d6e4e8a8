public import PilotEvalCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads input files safely: only ordinary files, never more than a limit.
public enum FileInput {
  /// The default size limit for submissions and reviews (SPEC §2): 4 MiB.
  public static let defaultSizeLimit = 4 * 1024 * 1024

  /// Reads `path` whole, or says why it cannot be read.
  ///
  /// A FIFO, socket, device or directory is refused before it is opened for
  /// reading, so a batch can never block on one.
  public static func read(_ path: String, sizeLimit: Int = defaultSizeLimit) -> Result<[UInt8], Diagnostic> {
    var info = stat()
    guard stat(path, &info) == 0 else {
      return .failure(.cannotRead(path, reason: systemError(errno)))
    }
    guard isRegular(info.st_mode) else {
      return .failure(.notRegularFile(kind: kindName(info.st_mode)))
    }
    if Int(info.st_size) > sizeLimit {
      return .failure(.tooLarge(size: Int(info.st_size), limit: sizeLimit))
    }
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else {
      return .failure(.cannotRead(path, reason: systemError(errno)))
    }
    defer { close(descriptor) }
    guard fstat(descriptor, &info) == 0, isRegular(info.st_mode) else {
      return .failure(.notRegularFile(kind: kindName(info.st_mode)))
    }
    var bytes = [UInt8](repeating: 0, count: min(Int(info.st_size), sizeLimit) + 1)
    var filled = 0
    while filled < bytes.count {
      let count = bytes.withUnsafeMutableBytes { buffer in
        readSome(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
      }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(.cannotRead(path, reason: systemError(errno)))
      }
      if count == 0 { break }
      filled += count
    }
    if filled > sizeLimit {
      return .failure(.tooLarge(size: filled, limit: sizeLimit))
    }
    bytes.removeSubrange(filled...)
    return .success(bytes)
  }

  static func isRegular(_ mode: mode_t) -> Bool { mode & S_IFMT == S_IFREG }

  static func kindName(_ mode: mode_t) -> Message {
    switch mode & S_IFMT {
    case S_IFDIR: Message(.inputKindDirectory)
    case S_IFIFO: Message(.inputKindFIFO)
    case S_IFSOCK: Message(.inputKindSocket)
    case S_IFCHR: Message(.inputKindCharacterDevice)
    case S_IFBLK: Message(.inputKindBlockDevice)
    case S_IFLNK: Message(.inputKindSymbolicLink)
    default: Message(.inputKindOther)
    }
  }

  /// Why a system call failed: the common reasons in every language, the rest as the system says it.
  static func systemError(_ code: Int32) -> Message.Argument {
    switch code {
    case ENOENT: .message(Message(.inputNoSuchFile))
    case EACCES, EPERM: .message(Message(.inputPermissionDenied))
    default: .text(SystemErrorText.describing(code).lowercased())
    }
  }
}

/// The C library's `read(2)`, named apart so that `FileInput.read` does not hide it.
private func readSome(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}

extension Diagnostic {
  static func cannotRead(_ path: String, reason: Message.Argument) -> Diagnostic {
    .error(Message(.inputCannotRead, parts: [reason]))
  }

  static func notRegularFile(kind: Message) -> Diagnostic {
    .error(Message(.inputNotRegular, parts: [.message(kind)]))
  }

  static func tooLarge(size: Int, limit: Int) -> Diagnostic {
    .error(Message(.inputTooLarge, String(size), String(limit)))
  }
}
