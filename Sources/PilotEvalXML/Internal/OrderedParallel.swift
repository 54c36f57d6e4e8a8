import Dispatch
import Foundation

/// Maps work over `count` items on up to `jobs` threads, handing results to
/// `consume` strictly in index order, a window at a time, so memory stays
/// bounded by the window and output never depends on thread timing.
enum OrderedParallel {
  static func forEach<T>(
    count: Int, jobs: Int, window: Int = 512,
    transform: @Sendable (Int) -> T, consume: (Int, T) -> Void
  ) {
    let jobs = max(1, jobs)
    var start = 0
    while start < count {
      let windowStart = start
      let end = min(count, start + max(window, jobs))
      let results = ResultSlots<T>(count: end - start)
      let next = AtomicCounter(start)
      if jobs == 1 {
        for index in start..<end { results.set(index - start, transform(index)) }
      } else {
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
          while true {
            let index = next.takeNext()
            guard index < end else { return }
            results.set(index - windowStart, transform(index))
          }
        }
      }
      for index in start..<end { consume(index, results.take(index - start)) }
      start = end
    }
  }
}

/// Slots written once each, by distinct threads, before they are read.
private final class ResultSlots<T>: @unchecked Sendable {
  private var slots: [T?]
  private let lock = NSLock()

  init(count: Int) {
    slots = Array(repeating: nil, count: count)
  }

  func set(_ index: Int, _ value: T) {
    lock.withLock { slots[index] = value }
  }

  func take(_ index: Int) -> T {
    lock.withLock {
      defer { slots[index] = nil }
      return slots[index]!
    }
  }
}

private final class AtomicCounter: @unchecked Sendable {
  private var value: Int
  private let lock = NSLock()

  init(_ value: Int) {
    self.value = value
  }

  func takeNext() -> Int {
    lock.withLock {
      defer { value += 1 }
      return value
    }
  }
}
