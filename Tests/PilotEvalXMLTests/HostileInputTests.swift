import Foundation
import PilotEvalCore
import PilotEvalXML
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

private typealias S = SubmissionDocument

/// The body every hostile document carries after its DOCTYPE.
private func submission(unitName: String = "南宁市机关事务管理局") -> String {
  """
  <submission xmlns="urn:piloteval:submission:1" rubric="jgsw-pilot" rubric-version="2022.1">
    <unit id="GX-NN-01" region="广西">\(unitName)</unit>
    <round id="2022H1"/>
  </submission>
  """
}

/// What /etc/passwd starts with, to prove it never leaks into a result.
private let passwdProbe: String = {
  let text = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8)) ?? ""
  return String(text.split(separator: "\n").first ?? "root:x:0:0")
}()

/// Everything a loaded file says, as text, for leak checks.
private func everything<T>(_ loaded: LoadedFile<T>) -> String {
  var all = ""
  dump(loaded, to: &all)
  return all + (loaded.errors + loaded.warnings).listing
}

@Suite("Hostile input is rejected safely (SPEC §2)")
struct HostileInputTests {
  // MARK: - DOCTYPE

  static let forbidden: [(name: String, document: String, at: String)] = [
    (
      "billion laughs (internal entities)",
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE submission [
        <!ENTITY lol "lol">
        <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
        <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
        <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
        <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
        <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
        <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
        <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
      ]>
      \(submission(unitName: "&lol9;"))
      """,
      #"<!ENTITY lol "lol">"#
    ),
    (
      "one harmless internal entity",
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE submission [<!ENTITY name "南宁市机关事务管理局">]>
      \(submission(unitName: "&name;"))
      """,
      "<!DOCTYPE"
    ),
    (
      "an external entity reading /etc/passwd (XXE)",
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE submission [
        <!ENTITY xxe SYSTEM "file:///etc/passwd">
      ]>
      \(submission(unitName: "&xxe;"))
      """,
      "<!ENTITY xxe"
    ),
    (
      "an external parameter entity",
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE submission [
        <!ENTITY % remote SYSTEM "file:///etc/passwd">
        %remote;
      ]>
      \(submission())
      """,
      "<!ENTITY % remote"
    ),
    (
      "an unparsed entity",
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE submission [
        <!NOTATION pdf SYSTEM "application/pdf">
        <!ENTITY doc SYSTEM "file:///etc/passwd" NDATA pdf>
      ]>
      \(submission())
      """,
      "<!ENTITY doc"
    ),
    (
      "an external DTD (SYSTEM)",
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE submission SYSTEM "file:///etc/passwd">
      \(submission())
      """,
      "<!DOCTYPE"
    ),
    (
      "an external DTD (PUBLIC)",
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE submission PUBLIC "-//PilotEval//DTD Submission//EN" "http://127.0.0.1:9/submission.dtd">
      \(submission())
      """,
      "<!DOCTYPE"
    ),
    (
      "an external DTD with an internal subset too",
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE submission SYSTEM "submission.dtd" [
        <!ELEMENT submission ANY>
      ]>
      \(submission())
      """,
      "<!DOCTYPE"
    ),
  ]

  @Test("a DOCTYPE that declares entities or names an external DTD rejects the file", arguments: forbidden)
  func forbiddenDoctype(name: String, document: String, at: String) throws {
    let loaded = S.reader.read(bytes: document.bytes, file: "evil.xml")
    #expect(loaded.value == nil)
    let error = try #require(loaded.errors.first)
    #expect(error.message.contains("DOCTYPE"), "\(error)")
    #expect(error.line == line(of: at, in: document), "\(error)")
    #expect(error.file == "evil.xml")
    #expect(!everything(loaded).contains(passwdProbe))
  }

  @Test("reviews and rubrics refuse such a DOCTYPE too")
  func forbiddenElsewhere() throws {
    let review = """
      <?xml version="1.0"?>
      <!DOCTYPE review [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
      <review xmlns="urn:piloteval:review:1" rubric="jgsw-pilot" unit="GX-NN-01" round="2022H1" reviewer="E1">
        <score criterion="J1" points="1">&xxe;</score>
      </review>
      """
    let loaded = ReviewReader().read(bytes: review.bytes, file: "review.xml")
    #expect(loaded.value == nil)
    #expect(loaded.errors.first?.message.contains("DOCTYPE") == true)
    #expect(!everything(loaded).contains(passwdProbe))

    let rubric = RubricDocument.make().replacingOccurrences(
      of: "<rubric ", with: "<!DOCTYPE rubric [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<rubric ")
    guard case .failure(let refusal) = RubricReader.load(bytes: rubric.bytes, file: "rubric.xml") else {
      Issue.record("a rubric with an external entity loaded")
      return
    }
    #expect(refusal.diagnostics.first?.message.contains("DOCTYPE") == true)
  }

  @Test(
    "a DOCTYPE with neither entities nor an external DTD is allowed",
    arguments: [
      "<!DOCTYPE submission>",
      "<!DOCTYPE submission []>",
      "<!DOCTYPE submission [\n  <!ELEMENT submission ANY>\n  <!-- 注释 -->\n]>",
    ])
  func plainDoctype(_ doctype: String) throws {
    let document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\(doctype)\n\(submission())"
    let submission = try S.accept(document)
    #expect(submission.unit.name == "南宁市机关事务管理局")
    #expect(submission.unit.region == "广西")
  }

  @Test("an undeclared entity is not well-formed, and nothing is fetched for it")
  func undeclaredEntity() {
    let errors = S.reject("<?xml version=\"1.0\"?>\n\(submission(unitName: "&passwd;"))")
    #expect(errors.first?.line == 3)
  }

  @Test("XInclude is never processed")
  func xinclude() throws {
    let document = """
      <?xml version="1.0" encoding="UTF-8"?>
      <submission xmlns="urn:piloteval:submission:1" xmlns:xi="http://www.w3.org/2001/XInclude" rubric="jgsw-pilot" rubric-version="2022.1">
        <unit id="GX-NN-01"><xi:include href="file:///etc/passwd" parse="text"/></unit>
        <round id="2022H1"/>
      </submission>
      """
    let loaded = S.reader.read(bytes: document.bytes, file: "xi.xml")
    #expect(loaded.value?.unit.name == "")
    #expect(!everything(loaded).contains(passwdProbe))
  }

  // MARK: - Size

  /// A valid submission padded with a comment to exactly `size` bytes.
  static func padded(to size: Int) -> [UInt8] {
    let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\(submission())\n<!--"
    let tail = "-->\n"
    let padding = size - head.utf8.count - tail.utf8.count
    return (head + String(repeating: "x", count: padding) + tail).bytes
  }

  @Test("a file over the size limit is rejected unread, with line 0")
  func oversized() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let path = try scratch.write("big.xml", bytes: Self.padded(to: 1025))
    let loaded = SubmissionReader(rubric: S.rubric, sizeLimit: 1024).read(path: path)
    #expect(loaded.value == nil)
    let error = try #require(loaded.errors.first)
    #expect(error.line == 0)
    #expect(error.file == path)
    #expect(error.message.contains("too large"), "\(error)")
    #expect(error.message.contains("1024"), "\(error)")
  }

  @Test("a file exactly at the size limit is read")
  func atLimit() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let path = try scratch.write("edge.xml", bytes: Self.padded(to: 1024))
    let loaded = SubmissionReader(rubric: S.rubric, sizeLimit: 1024).read(path: path)
    #expect(loaded.value?.unit.id == "GX-NN-01", "\(loaded.errors.listing)")
  }

  @Test("the default size limit is 4 MiB")
  func defaultLimit() {
    #expect(FileInput.defaultSizeLimit == 4 * 1024 * 1024)
    #expect(SubmissionReader(rubric: S.rubric).sizeLimit == 4 * 1024 * 1024)
  }

  // MARK: - Files that are not ordinary files

  @Test("a FIFO named *.xml is rejected without blocking")
  func fifo() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let path = try scratch.fifo("x.xml")
    let loaded = finishing(
      within: 5,
      unblock: {
        // Let a reader stuck on the FIFO finish, so the test run can end.
        let end = open(path, O_RDWR | O_NONBLOCK)
        if end >= 0 { close(end) }
      },
      { S.reader.read(path: path) })
    let result = try #require(loaded, "reading a FIFO blocked")
    #expect(result.value == nil)
    let error = try #require(result.errors.first)
    #expect(error.line == 0)
    #expect(error.message.contains("FIFO"), "\(error)")
    #expect(error.file == path)
  }

  @Test("a directory named *.xml is rejected")
  func directory() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let path = try scratch.makeFolder("folder.xml")
    let loaded = S.reader.read(path: path)
    #expect(loaded.value == nil)
    #expect(loaded.errors.first?.line == 0)
    #expect(loaded.errors.first?.message.contains("directory") == true, "\(loaded.errors.listing)")
  }

  @Test("a file that does not exist is rejected with line 0")
  func missing() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let loaded = S.reader.read(path: scratch.path("nowhere.xml"))
    #expect(loaded.value == nil)
    #expect(loaded.errors.first?.line == 0)
  }

  @Test("FileInput refuses what is not an ordinary file, and reads what is")
  func fileInput() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let file = try scratch.write("a.xml", "<a/>")
    #expect(try FileInput.read(file).get() == "<a/>".bytes)
    #expect((try? FileInput.read(try scratch.makeFolder("d.xml")).get()) == nil)
    #expect((try? FileInput.read("/dev/null").get()) == nil, "a character device")
    #expect((try? FileInput.read(scratch.path("none.xml")).get()) == nil)
    let fifo = try scratch.fifo("p.xml")
    let result = finishing(within: 5) { (try? FileInput.read(fifo).get()) == nil }
    #expect(result == true)
  }

  // MARK: - Garbage

  @Test("an empty file is rejected")
  func empty() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let loaded = S.reader.read(path: try scratch.write("empty.xml", bytes: []))
    #expect(loaded.value == nil)
    #expect(loaded.errors.count >= 1)
    #expect(loaded.errors.allSatisfy { $0.line <= 1 })
  }

  @Test("random bytes are rejected, never crash", arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
  func randomBytes(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let loaded = S.reader.read(bytes: bytes, file: "noise.xml")
    #expect(loaded.value == nil)
    #expect(!loaded.errors.isEmpty)
  }

  @Test("random bytes after a valid prolog are rejected, never crash", arguments: [11, 12, 13] as [UInt64])
  func randomBody(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let bytes =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<submission xmlns=\"urn:piloteval:submission:1\">".bytes
      + noise
    let loaded = S.reader.read(bytes: bytes, file: "noise.xml")
    #expect(loaded.value == nil)
  }

  @Test("a document nested absurdly deep is rejected, not crashed on")
  func deepNesting() {
    let depth = 20_000
    let text =
      "<?xml version=\"1.0\"?>\n<submission xmlns=\"urn:piloteval:submission:1\" rubric=\"jgsw-pilot\" rubric-version=\"2022.1\"><unit id=\"U\"/><round id=\"R\"/><data>"
      + String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth) + "</data></submission>"
    let loaded = finishing(within: 5) { S.reader.read(bytes: text.bytes, file: "deep.xml") }
    #expect(loaded != nil)
    #expect(loaded?.errors.first?.line == 2)
  }
}
