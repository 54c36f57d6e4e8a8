import Foundation

/// Counts events per key in a sliding window and says when a key has had too many.
///
/// Kept in memory: a restart forgets the counts, which only makes an attacker start over.
actor Throttle {
  private let limit: Int
  private let window: TimeInterval
  private var events: [String: [Date]] = [:]
  private var sweeps = 0

  /// Allows `limit` events per key within `window` seconds.
  init(limit: Int, window: TimeInterval) {
    self.limit = limit
    self.window = window
  }

  /// Seconds until `key` may act again, or nil when it may now.
  func retryAfter(_ key: String, now: Date) -> Int? {
    let recent = (events[key] ?? []).filter { now.timeIntervalSince($0) < window }
    events[key] = recent.isEmpty ? nil : recent
    guard recent.count >= limit, let oldest = recent.first else { return nil }
    return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
  }

  /// Counts one event for `key`.
  func record(_ key: String, now: Date) {
    events[key, default: []].append(now)
    sweeps += 1
    if sweeps >= 10_000 {
      sweeps = 0
      events = events.compactMapValues { stamps in
        let recent = stamps.filter { now.timeIntervalSince($0) < window }
        return recent.isEmpty ? nil : recent
      }
    }
  }

  /// Counts one event for `key` unless it is over its limit; the seconds to wait when it is.
  func admit(_ key: String, now: Date) -> Int? {
    if let wait = retryAfter(key, now: now) { return wait }
    record(key, now: now)
    return nil
  }

  /// Forgets `key` (after a successful login).
  func reset(_ key: String) {
    events[key] = nil
  }
}
