public import Foundation

/// Collects text and writes it to a file handle in large chunks.
public final class BufferedOutput {
  private let handle: FileHandle
  private var buffer = Data()
  private let chunk: Int

  /// Creates an output over `handle` that flushes every `chunk` bytes.
  public init(_ handle: FileHandle, chunk: Int = 1 << 16) {
    self.handle = handle
    self.chunk = chunk
    buffer.reserveCapacity(chunk)
  }

  /// Appends `data`.
  public func write(_ data: Data) {
    buffer.append(data)
    if buffer.count >= chunk { flush() }
  }

  /// Appends UTF-8 `bytes`.
  public func write(_ bytes: [UInt8]) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= chunk { flush() }
  }

  /// Appends `text`.
  public func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= chunk { flush() }
  }

  /// Writes out what is buffered.
  public func flush() {
    guard !buffer.isEmpty else { return }
    handle.write(buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  deinit { flush() }
}
