import Dispatch
import Foundation

/// Maps work over `count` items on `jobs` worker threads while the calling
/// thread consumes the results strictly in index order. Workers run at most
/// about `buffer` items ahead of the consumer, so memory stays bounded, and the
/// output never depends on thread timing.
///
/// Workers claim runs of adjacent items (up to 32, fewer for short or tightly
/// buffered work) and hand each run over under one lock, so a round of 50,000
/// small files costs a few thousand lock hand-overs instead of 100,000 or so
/// (each a possible futex call and context switch on a busy machine).
///
/// A result is made on a worker thread and used on the calling thread, so `T`
/// must be `Sendable`: the compiler refuses, for example, a transform that
/// returns a parsed libxml2 document (`ParsedDocument` is marked not Sendable).
package enum OrderedParallel {
  package static func forEach<T: Sendable>(
    count: Int, jobs: Int, buffer: Int = 256,
    transform: @escaping @Sendable (Int) -> T, consume: (Int, T) -> Void
  ) {
    guard jobs > 1, count > 1 else {
      for index in 0..<count { consume(index, transform(index)) }
      return
    }
    let run = runLength(count: count, jobs: jobs, buffer: buffer)
    let runs = (count + run - 1) / run
    let pipeline = Pipeline<[T]>(count: runs, capacity: max(buffer / run, jobs * 2))
    let group = DispatchGroup()
    for _ in 0..<jobs {
      DispatchQueue.global().async(group: group) {
        while let claimed = pipeline.claim() {
          let items = claimed * run..<min(count, (claimed + 1) * run)
          var results: [T] = []
          results.reserveCapacity(items.count)
          for index in items { results.append(transform(index)) }
          pipeline.store(claimed, results)
        }
      }
    }
    for claimed in 0..<runs {
      var index = claimed * run
      for value in pipeline.take(claimed) {
        consume(index, value)
        index += 1
      }
    }
    group.wait()
  }

  /// How many adjacent items a worker claims at once: enough to make hand-overs
  /// rare, few enough that every worker gets about 32 runs (so none idles at
  /// the end) and that the buffer still holds a few runs per worker.
  package static func runLength(count: Int, jobs: Int, buffer: Int) -> Int {
    max(1, min(32, count / (jobs * 32), buffer / (jobs * 4)))
  }
}

/// A bounded reorder buffer shared by the workers and the consumer.
///
/// Every stored property that changes is read and written only while
/// `condition` is locked, so the class is safe to share between threads as
/// long as the values it hands over are (the conditional conformance below).
private final class Pipeline<T> {
  private let condition = NSCondition()
  private var slots: [T?]
  private let count: Int
  private var next = 0
  private var consumed = 0
  /// Threads inside `wait()`: a hand-over signals only when someone waits.
  private var waiting = 0

  init(count: Int, capacity: Int) {
    self.count = count
    slots = Array(repeating: nil, count: capacity)
  }

  /// The next index to work on, waiting while the buffer is full; `nil` when all are claimed.
  func claim() -> Int? {
    condition.lock()
    defer { condition.unlock() }
    while next < count && next - consumed >= slots.count { wait() }
    guard next < count else { return nil }
    defer { next += 1 }
    return next
  }

  func store(_ index: Int, _ value: T) {
    condition.lock()
    slots[index % slots.count] = value
    if waiting > 0 { condition.broadcast() }
    condition.unlock()
  }

  /// Waits for the result at `index` and frees its slot.
  func take(_ index: Int) -> T {
    condition.lock()
    defer { condition.unlock() }
    while slots[index % slots.count] == nil { wait() }
    let value = slots[index % slots.count]!
    slots[index % slots.count] = nil
    consumed = index + 1
    if waiting > 0 { condition.broadcast() }
    return value
  }

  /// Waits on the condition; the caller holds the lock.
  private func wait() {
    waiting += 1
    condition.wait()
    waiting -= 1
  }
}

// Unchecked because the compiler cannot see that the lock guards the mutable
// state; conditional because a value that is not Sendable must not be handed
// from a worker to the consumer through it.
extension Pipeline: @unchecked Sendable where T: Sendable {}
