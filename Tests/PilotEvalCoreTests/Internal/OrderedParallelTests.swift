import Synchronization
import Testing

@testable import PilotEvalCore

/// The batch's worker pool: results reach the consumer once each, in index
/// order, whatever the number of workers, the buffer and how work is claimed.
@Suite("ordered parallel map")
struct OrderedParallelTests {
  @Test(
    "every index is transformed once and consumed once, in order",
    arguments: [
      (count: 0, jobs: 2, buffer: 256), (count: 1, jobs: 4, buffer: 256), (count: 2, jobs: 2, buffer: 1),
      (count: 1_000, jobs: 1, buffer: 256), (count: 1_000, jobs: 2, buffer: 256), (count: 1_001, jobs: 3, buffer: 256),
      (count: 4_099, jobs: 4, buffer: 64), (count: 50_000, jobs: 2, buffer: 256), (count: 125, jobs: 2, buffer: 8),
    ])
  func orderAndCompleteness(count: Int, jobs: Int, buffer: Int) {
    let transformed = Shared([Int](repeating: 0, count: count))
    var consumed: [Int] = []
    OrderedParallel.forEach(
      count: count, jobs: jobs, buffer: buffer,
      transform: { index in
        transformed.value.withLock { $0[index] += 1 }
        return index * 3
      },
      consume: { index, value in
        #expect(value == index * 3)
        consumed.append(index)
      })
    #expect(consumed == Array(0..<count))
    #expect(transformed.value.withLock { $0.allSatisfy { $0 == 1 } })
  }

  @Test("workers claim runs of up to 32 items: long rounds share hand-overs, short or tightly buffered work does not")
  func runLengths() {
    #expect(OrderedParallel.runLength(count: 48_000, jobs: 2, buffer: 256) == 32)
    #expect(OrderedParallel.runLength(count: 1_000, jobs: 2, buffer: 256) == 15)  // about 32 runs a worker
    #expect(OrderedParallel.runLength(count: 56, jobs: 2, buffer: 256) == 1)
    #expect(OrderedParallel.runLength(count: 125, jobs: 2, buffer: 8) == 1)  // the robustness draws' buffer
    #expect(OrderedParallel.runLength(count: 48_000, jobs: 8, buffer: 256) == 8)  // a few runs a worker fit the buffer
  }

  @Test("workers never run more than the buffer (rounded to whole runs) ahead of the consumer")
  func boundedAhead() {
    let done = Shared(0)
    var furthestAhead = 0
    OrderedParallel.forEach(
      count: 20_000, jobs: 2, buffer: 256,
      transform: { _ in done.value.withLock { $0 += 1 } },
      consume: { index, _ in furthestAhead = max(furthestAhead, done.value.withLock { $0 } - index) })
    // 256 items of buffer plus the runs the two workers hold while they work.
    #expect(furthestAhead <= 256 + 2 * 32)
  }
}

/// State the test's transforms share across worker threads.
private final class Shared<Value: Sendable>: Sendable {
  let value: Mutex<Value>
  init(_ initial: Value) { value = Mutex(initial) }
}
