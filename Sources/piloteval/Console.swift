import ArgumentParser
import Foundation
import PilotEvalCore

/// Writing to the terminal, in the language the user chose.
enum Console {
  /// The language of everything written for people; set once, before a command runs.
  nonisolated(unsafe) static var language: Language = .zh

  /// Whether diagnostics show the XML parser's own text after the translation.
  nonisolated(unsafe) static var verbose = false

  static func output(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  static func error(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  /// `message` in the chosen language.
  static func text(_ message: Message) -> String { message.text(in: language) }

  /// `piloteval: 错误：…` on standard error.
  static func fail(_ message: Message) {
    error(Message(.commandError, parts: [.message(message)]).text(in: language))
  }

  /// `piloteval: 警告：…` on standard error.
  static func warn(_ message: Message) {
    error(Message(.commandWarning, parts: [.message(message)]).text(in: language))
  }

  /// `piloteval: 注意：…` on standard error.
  static func note(_ message: Message) {
    error(Message(.commandNote, parts: [.message(message)]).text(in: language))
  }

  /// Says what is wrong with the command line and gives the status argument-parser uses for it (64).
  static func usage(_ message: Message) -> ExitCode {
    fail(message)
    return ExitCode.validationFailure
  }

  /// A diagnostic as a line for the terminal, with the parser's own text after it under `--verbose`.
  static func line(_ diagnostic: Diagnostic, file: String? = nil) -> String {
    var copy = diagnostic
    if let file, copy.file.isEmpty { copy.file = file }
    var text = sanitizedLine(copy.description(in: language))
    if verbose, let raw = copy.raw, raw != copy.message {
      text += "\n" + sanitizedLine(Message(.commandVerboseRaw, raw).text(in: language))
    }
    return text
  }

  /// Every rejected file's reasons (unless `reasons` is false), then the closing account, and a
  /// note when no expert review was applied.
  static func account(_ result: RoundResult, reasons: Bool = true) {
    if reasons {
      for rejection in result.rejected {
        for diagnostic in rejection.errors { error(line(diagnostic, file: rejection.file)) }
      }
    }
    error(result.summaryLine(in: language))
    if result.summary.reviewsApplied == 0 { error(text(Message(.commandAccountNoReviews))) }
  }

  static var stderrIsTerminal: Bool { isatty(2) == 1 }
}

/// Text from an input file made safe for a terminal: control characters become `�`.
func sanitizedLine(_ text: String) -> String {
  String(
    String.UnicodeScalarView(
      text.unicodeScalars.map { scalar in
        scalar.properties.generalCategory == .control && scalar != "\n" ? "\u{FFFD}" : scalar
      }))
}

/// `--lang` and `--verbose`, on every command.
struct LanguageOption: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Language of messages and reports: zh or en. Default: PILOTEVAL_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG): en… gives English, anything else Chinese.",
      valueName: "zh|en"))
  var lang: String?

  @Flag(help: "Show the XML parser's own text after each translated parse error.")
  var verbose = false

  /// Decides the language (and `--verbose`) for the whole run; an unknown `--lang` is a usage error.
  ///
  /// Declared first in every command, so it runs before the other options are validated.
  func validate() throws {
    let environment = ProcessInfo.processInfo.environment
    Console.verbose = verbose
    if let lang {
      guard let chosen = Language.choose(flag: lang, environment: environment) else {
        Console.language = .zh
        throw Console.usage(Message(.commandLanguage))
      }
      Console.language = chosen
      return
    }
    if let chosen = Language.choose(flag: nil, environment: environment) {
      Console.language = chosen
    } else {
      Console.language = .zh
      Console.warn(Message(.commandEnvironmentLanguage, environment[Language.environmentVariable] ?? ""))
    }
  }
}
