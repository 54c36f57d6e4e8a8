import Dispatch

/// Runs CPU-bound work (parsing, schema validation, scoring) on Dispatch's threads, at most
/// `width` at a time, so that neither the event loops nor Swift's cooperative threads are
/// held by a slow file; further work waits its turn in arrival order.
final class ValidationPool: Sendable {
  private let gate: Gate
  private let queue = DispatchQueue(label: "PilotEvalPortal.validation", attributes: .concurrent)

  /// A pool running at most `width` jobs at once.
  init(width: Int) {
    gate = Gate(width: max(1, width))
  }

  /// Runs `work` on the pool and returns its result.
  func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await gate.enter()
    let result = await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
      queue.async { continuation.resume(returning: work()) }
    }
    await gate.leave()
    return result
  }

  /// A counting semaphore for tasks, first come first served.
  private actor Gate {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(width: Int) { free = width }

    func enter() async {
      if free > 0 {
        free -= 1
        return
      }
      await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
      if waiting.isEmpty {
        free += 1
      } else {
        waiting.removeFirst().resume()
      }
    }
  }
}
