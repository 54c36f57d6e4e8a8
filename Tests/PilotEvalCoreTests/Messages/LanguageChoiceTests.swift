import PilotEvalCore
import Testing

/// How the language is chosen: --lang, then PILOTEVAL_LANG, then the locale (issue 13).
@Suite("Language choice")
struct LanguageChoiceTests {
  @Test("--lang wins over everything")
  func flag() {
    let environment = ["PILOTEVAL_LANG": "zh", "LC_ALL": "zh_CN.UTF-8"]
    #expect(Language.choose(flag: "en", environment: environment) == .en)
    #expect(Language.choose(flag: "ZH", environment: ["PILOTEVAL_LANG": "en"]) == .zh)
    #expect(Language.choose(flag: "fr", environment: [:]) == nil)
  }

  @Test("PILOTEVAL_LANG comes next, then the locale")
  func environment() {
    #expect(Language.choose(flag: nil, environment: ["PILOTEVAL_LANG": "en", "LANG": "zh_CN.UTF-8"]) == .en)
    #expect(Language.choose(flag: nil, environment: ["PILOTEVAL_LANG": "zh", "LANG": "en_US.UTF-8"]) == .zh)
    #expect(Language.choose(flag: nil, environment: ["PILOTEVAL_LANG": "de"]) == nil)
    #expect(Language.choose(flag: nil, environment: ["PILOTEVAL_LANG": "", "LANG": "en_GB"]) == .en)
  }

  @Test("LC_ALL, then LC_MESSAGES, then LANG; en… is English, anything else Chinese")
  func locale() {
    #expect(Language.choose(flag: nil, environment: ["LC_ALL": "en_US.UTF-8", "LANG": "zh_CN"]) == .en)
    #expect(Language.choose(flag: nil, environment: ["LC_ALL": "C", "LANG": "en_US"]) == .zh)
    #expect(Language.choose(flag: nil, environment: ["LC_MESSAGES": "en_US", "LANG": "zh_CN"]) == .en)
    #expect(Language.choose(flag: nil, environment: ["LC_ALL": "", "LANG": "en"]) == .en)
    #expect(Language.choose(flag: nil, environment: ["LANG": "C.UTF-8"]) == .zh)
    #expect(Language.choose(flag: nil, environment: ["LANG": "POSIX"]) == .zh)
    #expect(Language.choose(flag: nil, environment: [:]) == .zh)
  }
}
