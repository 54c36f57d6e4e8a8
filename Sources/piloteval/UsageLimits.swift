import ArgumentParser
import PilotEvalCore

/// Bounds on the counts a command line controls (docs/THREAT-MODEL.md): each is far
/// above any real use, and a value beyond it is a usage error (exit 64) instead of
/// an allocation that aborts the process.
enum UsageLimits {
  /// Monte Carlo draws of `rank` and `report`: the ranks take 4 bytes × draws × units.
  static let draws = 20_000
  /// Learning partners per unit.
  static let partners = 1_000
  /// Worker threads.
  static let jobs = 1_024
  /// The largest `--max-size`: 1 GiB (a file is read whole into memory).
  static let maxSize = 1 << 30

  /// `--name` is above its bound: the message is printed, and the exit is 64.
  static func tooLarge(_ option: String, limit: Int) -> ExitCode {
    Console.usage(Message(.commandAtMost, "--\(option)", String(limit)))
  }

  /// `--name` is not a finite number: the message is printed, and the exit is 64.
  static func notFinite(_ option: String) -> ExitCode {
    Console.usage(Message(.commandNotFinite, "--\(option)"))
  }
}
