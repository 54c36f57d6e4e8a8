import Foundation
import PilotEvalCore
import Testing

@testable import PilotEvalXML

/// Elements are reached only through `ParsedDocument.withRoot`, which holds the
/// document while its closure runs. That a document or an element cannot cross
/// to another thread is the compiler's to check, not a test's: Tools/check-sendable.sh
/// (run by .ci/run) type-checks snippets that try and expects them refused.
@Suite("Scoped access to a parsed tree")
struct ScopedElementTests {
  static let text = """
    <r xmlns="urn:t" a="1"><c n="x">one</c><c n="y">two</c><d/></r>
    """

  /// A parsed document that nothing but the caller's closure holds.
  static func withDocument<T>(_ text: String, kept: KeptChildren? = nil, _ body: (ParsedDocument) -> T) -> T? {
    let receiver: SAXReceiver? = kept == nil ? nil : IgnoringReceiver()
    let parsed = Array(text.utf8).withUnsafeBytes {
      ParsedDocument.parse($0, file: "t.xml", receiver: receiver, kept: kept)
    }
    guard case .success(let document) = parsed else { return nil }
    return body(document)
  }

  @Test("withRoot gives the root, its attributes and its children, and returns what the closure returns")
  func readsTheTree() {
    let read = Self.withDocument(Self.text) { document in
      document.withRoot { root -> (String, String?, [String], [String]) in
        guard let root else { return ("", nil, [], []) }
        return (
          root.name, root.attribute("a"), root.children.map(\.name),
          root.children(named: "c", in: "urn:t").map(\.text)
        )
      }
    }
    #expect(read?.0 == "r")
    #expect(read?.1 == "1")
    #expect(read?.2 == ["c", "c", "d"])
    #expect(read?.3 == ["one", "two"])
  }

  @Test("a document used only through withRoot stays alive for the whole closure")
  func documentHeldDuringClosure() {
    // The only reference to the document is the temporary the call is made on; every
    // element read below points into its tree.
    let names = Self.withDocument(Self.text) { $0 }.map { document in
      document.withRoot { root -> [String] in
        var names: [String] = []
        root?.forEachChild { child in names.append("\(child.name)=\(child.attribute("n") ?? "-")") }
        return names
      }
    }
    #expect(names == ["c=x", "c=y", "d=-"])
  }

  @Test("a streamed parse builds no tree: withRoot gives nil")
  func noTreeNoRoot() {
    let receiver = IgnoringReceiver()
    let parsed = Array(Self.text.utf8).withUnsafeBytes { ParsedDocument.parse($0, file: "t.xml", receiver: receiver) }
    guard case .success(let document) = parsed else {
      Issue.record("not parsed")
      return
    }
    #expect(document.withRoot { $0 == nil })
  }

  @Test("a pruned parse gives a root with only the kept children")
  func prunedRoot() {
    let names = Self.withDocument(Self.text, kept: KeptChildren(name: "d", namespace: "urn:t")) { document in
      document.withRoot { root in root.map { [$0.name] + $0.children.map(\.name) } }
    }
    #expect(names == ["r", "d"])
  }

  @Test("withRoot passes on what its closure throws")
  func passesOnThrows() {
    struct Stop: Error {}
    let threw = Self.withDocument(Self.text) { document in
      do {
        try document.withRoot { _ in throw Stop() }
        return false
      } catch {
        return error is Stop
      }
    }
    #expect(threw == true)
  }
}

/// A receiver that takes the streamed elements and ignores them.
private final class IgnoringReceiver: SAXReceiver {
  var wantsText: Bool { false }
  func start(_ element: SAXElement) {}
  func end() {}
  func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}
