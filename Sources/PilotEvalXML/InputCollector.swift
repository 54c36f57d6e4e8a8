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
  private var reason: Message?

  /// An entry; `problem` says why it cannot be read, if that is already known.
  public init(path: String, problem: Diagnostic? = nil) {
    self.path = path
    self.reason = problem?.content
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
    let keys = entries.map { Array($0.path.utf8) }
    // Equal paths sort next to each other, the first named first: keep that one.
    let order = entries.indices.sorted {
      let order = byteOrder(keys[$0], keys[$1])
      return order != 0 ? order < 0 : $0 < $1
    }
    let ascii = keys.allSatisfy { key in key.withUnsafeBufferPointer { !$0.contains { $0 >= 0x80 } } }
    guard ascii else {
      // Paths that are equal as strings without being equal byte for byte (é composed or
      // not) need the string comparison: keep the first of each, then sort.
      var seen = Set<String>()
      let first = Set(entries.indices.filter { seen.insert(entries[$0].path).inserted })
      return order.filter { first.contains($0) }.map { entries[$0] }
    }
    var unique: [InputEntry] = []
    unique.reserveCapacity(order.count)
    for (position, index) in order.enumerated()
    where position == 0 || byteOrder(keys[index], keys[order[position - 1]]) != 0 {
      unique.append(entries[index])
    }
    return unique
  }

  /// Whether a file name looks like XML (`*.xml`, any case).
  public static func isXMLName(_ name: String) -> Bool {
    // ASCII names (each byte a character): the last four bytes, letters folded to lower
    // case, without a lowercased copy of the name.
    var last = UInt32(0)
    var count = 0
    for byte in name.utf8 {
      guard byte < 0x80 else { return name.lowercased().hasSuffix(".xml") }
      last = last << 8 | UInt32(byte)
      count += 1
    }
    return count >= 4 && last | 0x0020_2020 == 0x2E78_6D6C  // ".xml"; X, M, L differ from x, m, l in 0x20 only
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
          ? nil : .cannotRead(path, reason: .message(Message(.inputBrokenLink, parts: [FileInput.systemError(errno)])))
        entries.append(InputEntry(path: path, problem: problem))
      }
    }
  }
}

/// Whether `a` sorts before `b` in byte order (memcmp, then length).
func bytesPrecede(_ a: [UInt8], _ b: [UInt8]) -> Bool {
  byteOrder(a, b) < 0
}

/// Negative, zero or positive as `a` sorts before, with or after `b` in byte order (memcmp, then length).
func byteOrder(_ a: [UInt8], _ b: [UInt8]) -> Int {
  let common = min(a.count, b.count)
  let order = a.withUnsafeBytes { x in
    b.withUnsafeBytes { y in common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common) }
  }
  return order != 0 ? Int(order) : a.count - b.count
}
