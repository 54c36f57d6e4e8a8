import Foundation

/// A live progress line on standard error (files done/total, rate, ETA), drawn
/// only when standard error is a terminal, at most ten times a second.
final class ProgressLine {
  private let enabled: Bool
  private let label: String
  private let start = Date()
  private var lastDrawn = Date.distantPast
  private var drawn = false

  init(label: String, enabled: Bool) {
    self.label = label
    self.enabled = enabled && Console.stderrIsTerminal
  }

  func update(done: Int, total: Int) {
    guard enabled else { return }
    let now = Date()
    guard done == total || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
    lastDrawn = now
    let elapsed = max(now.timeIntervalSince(start), 0.001)
    let rate = Double(done) / elapsed
    let remaining = rate > 0 ? Double(total - done) / rate : 0
    let percent = total > 0 ? Double(done) * 100 / Double(total) : 100
    let line = String(
      format: "\r%@ %d/%d (%.0f%%)  %.0f files/s  ETA %@", label, done, total, percent, rate, clock(remaining))
    FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
    drawn = true
  }

  /// Clears the line so that what follows starts clean.
  func finish() {
    guard drawn else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }

  private func clock(_ seconds: Double) -> String {
    let total = Int(seconds.rounded())
    return String(format: "%d:%02d", total / 60, total % 60)
  }
}
