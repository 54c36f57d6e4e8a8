import Foundation
public import PilotEvalCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The folder an `--out` option names, written by the rules of docs/DECISIONS.md
/// ("The output folder"): the folder itself is the user's and is followed if it is
/// a link; inside it, nothing is written through a symbolic link, a folder is never
/// replaced by a file, and only files listed in the manifest of an earlier run are
/// ever removed.
///
///     let folder = OutputFolder(path: "report")
///     try folder.prepare()
///     try AtomicFile.write(html, to: try folder.file("units/GX-01.html"))
///     try folder.replaceManifest(named: OutputFolder.reportManifest, listing: ["units/GX-01.html"])
public struct OutputFolder: Sendable {
  /// The folder, as the user named it.
  public let path: String

  /// The manifest `report` keeps of the files it wrote.
  public static let reportManifest = ".piloteval-report-manifest"

  /// A folder at `path`.
  public init(path: String) {
    self.path = path
  }

  /// Creates the folder when it does not exist; refuses a path that is something else.
  public func prepare() throws(OutputFolderError) {
    var status = stat()
    if stat(path, &status) == 0 {
      guard status.st_mode & S_IFMT == S_IFDIR else { throw .notAFolder(path) }
      guard access(path, W_OK | X_OK) == 0 else { throw .notWritable(path, reason: Self.reason(errno)) }
      return
    }
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw .cannotCreate(path, reason: Self.reason(of: error))
    }
  }

  /// The path of `name` (relative, `/`-separated) inside the folder, once every
  /// folder on the way is checked: a symbolic link or a file where a folder must be
  /// is refused, and the last component must not be a folder.
  public func file(_ name: String) throws(OutputFolderError) -> String {
    let parts = name.split(separator: "/").map(String.init)
    var current = path
    for (index, part) in parts.enumerated() {
      current = current.hasSuffix("/") ? current + part : current + "/" + part
      var status = stat()
      guard lstat(current, &status) == 0 else { continue }
      let kind = status.st_mode & S_IFMT
      if kind == S_IFLNK { throw .symbolicLink(current) }
      let isLast = index == parts.count - 1
      if isLast && kind == S_IFDIR { throw .folderInTheWay(current) }
      if !isLast && kind != S_IFDIR { throw .notAFolder(current) }
    }
    return current
  }

  /// Writes the manifest `manifest` listing `written` (relative names), then removes
  /// every regular file the previous manifest listed that is not written now. A name
  /// that leaves the folder, or a path that is a link or a folder, is left alone.
  public func replaceManifest(named manifest: String, listing written: [String]) throws(OutputFolderError) {
    let manifestPath = try file(manifest)
    let previous = (try? String(contentsOfFile: manifestPath, encoding: .utf8))?.split(separator: "\n") ?? []
    do {
      try AtomicFile.write(written.sorted().map { $0 + "\n" }.joined(), to: manifestPath)
    } catch {
      throw .writeFailed(manifestPath, reason: Self.reason(of: error))
    }
    let kept = Set(written)
    for line in previous {
      let name = String(line)
      guard !kept.contains(name), Self.isInside(name), let stale = try? file(name) else { continue }
      var status = stat()
      guard lstat(stale, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
      unlink(stale)
    }
  }

  /// Whether `name` stays inside the folder: relative, no `.` or `..` component.
  static func isInside(_ name: String) -> Bool {
    !name.isEmpty && !name.hasPrefix("/")
      && name.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
        !$0.isEmpty && $0 != "." && $0 != ".."
      }
  }

  /// A short reason for `error`: the system's words for its errno when it has one.
  public static func reason(of error: any Error) -> Message.Argument {
    if let folderError = error as? OutputFolderError { return .message(folderError.message) }
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return reason(Int32(underlying.code))
    }
    if nsError.domain == NSPOSIXErrorDomain { return reason(Int32(nsError.code)) }
    if let posix = error as? POSIXError { return reason(posix.code.rawValue) }
    switch CocoaError.Code(rawValue: nsError.code) {
    case .fileWriteNoPermission, .fileReadNoPermission: return reason(EACCES)
    case .fileWriteFileExists: return reason(EEXIST)
    case .fileWriteOutOfSpace: return reason(ENOSPC)
    case .fileWriteVolumeReadOnly: return reason(EROFS)
    case .fileNoSuchFile, .fileReadNoSuchFile: return reason(ENOENT)
    default: return .message(Message(.reportFolderErrorCode, String(nsError.code)))
    }
  }

  /// The system's words for `code`, lowercase.
  static func reason(_ code: Int32) -> Message.Argument {
    .text(SystemErrorText.describing(code).lowercased())
  }
}
