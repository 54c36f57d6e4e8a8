import Dispatch

/// Runs blocking socket work on a Dispatch thread, never on Swift's few cooperative threads,
/// which the in-process server needs to answer.
func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
  }
}
