import Dispatch
import Foundation

/// Maps work over `count` items on `jobs` worker threads while the calling
/// thread consumes the results strictly in index order. Workers run at most
/// `buffer` items ahead of the consumer, so memory stays bounded, and the
/// output never depends on thread timing.
package enum OrderedParallel {
  package static func forEach<T>(
    count: Int, jobs: Int, buffer: Int = 256,
    transform: @escaping @Sendable (Int) -> T, consume: (Int, T) -> Void
  ) {
    guard jobs > 1, count > 1 else {
      for index in 0..<count { consume(index, transform(index)) }
      return
    }
    let pipeline = Pipeline<T>(count: count, capacity: max(buffer, jobs * 2))
    let group = DispatchGroup()
    for _ in 0..<jobs {
      DispatchQueue.global().async(group: group) {
        while let index = pipeline.claim() {
          pipeline.store(index, transform(index))
        }
      }
    }
    for index in 0..<count { consume(index, pipeline.take(index)) }
    group.wait()
  }
}

/// A bounded reorder buffer shared by the workers and the consumer.
private final class Pipeline<T>: @unchecked Sendable {
  private let condition = NSCondition()
  private var slots: [T?]
  private let count: Int
  private var next = 0
  private var consumed = 0

  init(count: Int, capacity: Int) {
    self.count = count
    slots = Array(repeating: nil, count: capacity)
  }

  /// The next index to work on, waiting while the buffer is full; `nil` when all are claimed.
  func claim() -> Int? {
    condition.lock()
    defer { condition.unlock() }
    while next < count && next - consumed >= slots.count { condition.wait() }
    guard next < count else { return nil }
    defer { next += 1 }
    return next
  }

  func store(_ index: Int, _ value: T) {
    condition.lock()
    slots[index % slots.count] = value
    condition.broadcast()
    condition.unlock()
  }

  /// Waits for the result at `index` and frees its slot.
  func take(_ index: Int) -> T {
    condition.lock()
    defer { condition.unlock() }
    while slots[index % slots.count] == nil { condition.wait() }
    let value = slots[index % slots.count]!
    slots[index % slots.count] = nil
    consumed = index + 1
    condition.broadcast()
    return value
  }
}
