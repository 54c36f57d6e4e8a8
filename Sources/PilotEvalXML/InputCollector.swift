public import PilotEvalCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One input found under the paths a user named.
public struct InputEntry: Sendable, Hashable {
  /// The path as found from what the user named.
  public var path: String
  /// Why the entry cannot be read, when that is known before opening it.
  public var problem: Diagnostic? { reason.map { Diagnostic.error($0) } }
  /// The problem's message, kept small: a round may list hundreds of thousands of entries.
  private var reason: String?

  /// An entry; `problem` says why it cannot be read, if that is already known.
  public init(path: String, problem: Diagnostic? = nil) {
    self.path = path
    self.reason = problem?.message
  }
}

/// Finds input files: each named file, and every `*.xml` below each named folder.
///
/// Entries come back in ascending byte order of their paths (SPEC §2), so the
/// result does not depend on the file system's order. Folders are followed
/// through symbolic links once each (loops are cut); a broken link or a loop
/// named `*.xml` is an entry with its problem, so nothing is silently lost.
public enum InputCollector {
  /// Every input under `paths`, in path byte order, each once.
  public static func collect(_ paths: [String]) -> [InputEntry] {
    var entries: [InputEntry] = []
    var visited = Set<FileID>()
    for path in paths {
      var info = stat()
      if stat(path, &info) != 0 {
        entries.append(InputEntry(path: path, problem: .cannotRead(path, reason: FileInput.systemError(errno))))
      } else if info.st_mode & S_IFMT == S_IFDIR {
        walk(path, into: &entries, visited: &visited)
      } else {
        entries.append(InputEntry(path: path))
      }
    }
    var seen = Set<String>()
    let unique = entries.filter { seen.insert($0.path).inserted }
    let keys = unique.map { Array($0.path.utf8) }
    return unique.indices.sorted { bytesPrecede(keys[$0], keys[$1]) }.map { unique[$0] }
  }

  /// Whether a file name looks like XML (`*.xml`, any case).
  public static func isXMLName(_ name: String) -> Bool {
    name.lowercased().hasSuffix(".xml")
  }

  private struct FileID: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  private static func walk(_ directory: String, into entries: inout [InputEntry], visited: inout Set<FileID>) {
    var info = stat()
    guard stat(directory, &info) == 0 else { return }
    guard visited.insert(FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else { return }
    guard let handle = opendir(directory) else {
      entries.append(
        InputEntry(path: directory, problem: .cannotRead(directory, reason: FileInput.systemError(errno))))
      return
    }
    defer { closedir(handle) }
    var names: [(name: String, type: UInt8)] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append((name, entry.pointee.d_type)) }
    }
    let prefix = directory.hasSuffix("/") ? directory : directory + "/"
    for (name, type) in names {
      let path = prefix + name
      if type == UInt8(DT_REG) {
        if isXMLName(name) { entries.append(InputEntry(path: path)) }
        continue
      }
      var own = stat()
      guard lstat(path, &own) == 0 else { continue }
      var target = own
      let isLink = own.st_mode & S_IFMT == S_IFLNK
      let resolves = !isLink || stat(path, &target) == 0
      if resolves && target.st_mode & S_IFMT == S_IFDIR {
        walk(path, into: &entries, visited: &visited)
      } else if isXMLName(name) {
        let problem: Diagnostic? =
          resolves
          ? nil : .cannotRead(path, reason: "broken or looping symbolic link (\(FileInput.systemError(errno)))")
        entries.append(InputEntry(path: path, problem: problem))
      }
    }
  }
}

/// Whether `a` sorts before `b` in byte order (memcmp, then length).
func bytesPrecede(_ a: [UInt8], _ b: [UInt8]) -> Bool {
  let common = min(a.count, b.count)
  let order = a.withUnsafeBytes { x in
    b.withUnsafeBytes { y in common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common) }
  }
  return order != 0 ? order < 0 : a.count < b.count
}
