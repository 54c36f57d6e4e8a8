import Foundation
import PilotEvalCore
import PilotEvalXML
import Testing

@Suite("Finding input files")
struct InputCollectorTests {
  @Test("folders are searched recursively for *.xml, in path byte order")
  func recursive() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    for name in ["b.xml", "a/x.xml", "a-first.xml", "B.xml", "deep/er/z.XML", "notes.txt", "a/readme.md", "数据/一.xml"] {
      try scratch.write("in/" + name, "<x/>")
    }
    let found = InputCollector.collect([scratch.path("in")])
    let prefix = scratch.path("in") + "/"
    #expect(
      found.map { String($0.path.dropFirst(prefix.count)) }
        == ["B.xml", "a-first.xml", "a/x.xml", "b.xml", "deep/er/z.XML", "数据/一.xml"],
      "upper case before lower case, '-' before '/', ASCII before Chinese: bytes, not a locale")
    #expect(found.allSatisfy { $0.problem == nil })
  }

  @Test("a folder named with a trailing slash gives the same paths")
  func trailingSlash() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("in/a.xml", "<x/>")
    #expect(InputCollector.collect([scratch.path("in") + "/"]).map(\.path) == [scratch.path("in/a.xml")])
  }

  @Test("a named file is taken whatever its name; a missing one is an entry with its problem")
  func namedFiles() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let text = try scratch.write("submission.txt", "<x/>")
    let missing = scratch.path("missing.xml")
    let found = InputCollector.collect([missing, text, text])
    #expect(found.map(\.path) == [missing, text], "each once, in byte order")
    #expect(found[0].problem != nil)
    #expect(found[0].problem?.line == 0)
    #expect(found[1].problem == nil)
  }

  @Test("a broken symlink and a symlink loop named *.xml are entries with a problem, not lost")
  func badLinks() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("in/good.xml", "<x/>")
    try scratch.link("in/broken.xml", to: scratch.path("in/nowhere.xml"))
    try scratch.link("in/loop.xml", to: scratch.path("in/loop.xml"))
    try scratch.link("in/ping.xml", to: scratch.path("in/pong.xml"))
    try scratch.link("in/pong.xml", to: scratch.path("in/ping.xml"))
    try scratch.link("in/ignored", to: scratch.path("in/nowhere"))
    let found = InputCollector.collect([scratch.path("in")])
    #expect(
      found.map { ($0.path as NSString).lastPathComponent } == [
        "broken.xml", "good.xml", "loop.xml", "ping.xml", "pong.xml",
      ])
    for entry in found where !entry.path.hasSuffix("good.xml") {
      #expect(entry.problem?.severity == .error, "\(entry.path)")
      #expect(entry.problem?.line == 0)
    }
    #expect(found.first { $0.path.hasSuffix("good.xml") }?.problem == nil)
  }

  @Test("a symlink to a file is followed")
  func fileLink() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("elsewhere/real.xml", "<x/>")
    try scratch.makeFolder("in")
    try scratch.link("in/alias.xml", to: scratch.path("elsewhere/real.xml"))
    let found = InputCollector.collect([scratch.path("in")])
    #expect(found.map(\.path) == [scratch.path("in/alias.xml")])
    #expect(found.first?.problem == nil)
  }

  @Test("folder symlink loops are cut: the walk ends and each file comes once")
  func folderLoops() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("in/sub/a.xml", "<x/>")
    try scratch.link("in/sub/up", to: scratch.path("in"))
    try scratch.link("in/self", to: ".")
    let found = finishing(within: 5) { InputCollector.collect([scratch.path("in")]) }
    let entries = try #require(found, "the walk did not end")
    #expect(entries.map(\.path) == [scratch.path("in/sub/a.xml")])
  }

  @Test("a FIFO and a directory named *.xml do not block the walk")
  func specialFiles() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.fifo("in/pipe.xml")
    try scratch.write("in/folder.xml/inner.xml", "<x/>")
    let found = finishing(within: 5) { InputCollector.collect([scratch.path("in")]) }
    let entries = try #require(found, "the walk blocked")
    #expect(entries.map(\.path) == [scratch.path("in/folder.xml/inner.xml"), scratch.path("in/pipe.xml")])
  }

  @Test("*.xml is matched in any case", arguments: ["a.xml", "a.XML", "a.Xml", "数据.xml"])
  func xmlNames(name: String) {
    #expect(InputCollector.isXMLName(name))
  }

  @Test("other names are not XML", arguments: ["a.xm", "a.xml.bak", "xml", "a.xsd", "a_xml"])
  func otherNames(name: String) {
    #expect(!InputCollector.isXMLName(name))
  }
}
