import Foundation
import Testing

@testable import PilotEvalPortal

extension PortalTests {
  /// `piloteval portal …` and `serve`'s refusals, run as the office runs them.
  @Suite("Office commands")
  struct OfficeCommandTests {
    @Test("init prints one code and refuses an existing file; rotate revokes the old code")
    func initAndRotate() async throws {
      try await blocking {
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try PilotEvalBinary.run(["portal", "init", "--db", "p.sqlite"], in: directory)
        #expect(first.status == 0)
        let code = first.out.trimmingCharacters(in: .newlines)
        #expect(AccessCode.isWellFormed(code) && code.count >= 22)
        let again = try PilotEvalBinary.run(["portal", "init", "--lang", "en", "--db", "p.sqlite"], in: directory)
        #expect(again.status != 0)
        #expect(again.err.contains("already exists"))
        let rotated = try PilotEvalBinary.run(["portal", "office-code", "--db", "p.sqlite", "--rotate"], in: directory)
        #expect(rotated.status == 0)
        let store = try SQLitePortalStore(path: directory.appendingPathComponent("p.sqlite").path)
        let newCode = rotated.out.trimmingCharacters(in: .newlines)
        let semaphore = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var old: Principal?
        nonisolated(unsafe) var new: Principal?
        Task {
          old = try await store.principal(codeHash: AccessCode.hash(of: code))
          new = try await store.principal(codeHash: AccessCode.hash(of: newCode))
          semaphore.signal()
        }
        semaphore.wait()
        #expect(old == nil)
        #expect(new?.role == .office)
      }
    }

    @Test("serve refuses a database that portal init did not create, and says so")
    func serveRefuses() async throws {
      try await blocking {
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("not a database".utf8).write(to: directory.appendingPathComponent("x.sqlite"))
        for db in ["x.sqlite", "missing.sqlite"] {
          let result = try PilotEvalBinary.run(["serve", "--db", db, "--listen", "127.0.0.1:0"], in: directory)
          #expect(result.status == 1)
          #expect(result.err.contains("portal init"))
        }
      }
    }

    @Test("add-units: new units get codes once, existing ones none, --reissue revokes; OUT.csv never overwritten")
    func addUnits() async throws {
      try await blocking {
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try PilotEvalBinary.run(["portal", "init", "--db", "p.sqlite"], in: directory)
        _ = try PilotEvalBinary.run(
          ["portal", "open-round", "--db", "p.sqlite", "--rubric", PortalFixture.rubricPath, "--round", "2026H1"],
          in: directory)
        try Data("id,name,region,level,category,organisation\nA-1,甲,福建,省级,局,\"机关, 事务\"\nB-2,乙,广西,市级,局,\n".utf8)
          .write(to: directory.appendingPathComponent("units.csv"))
        let add = ["portal", "add-units", "--db", "p.sqlite", "--round", "2026H1", "units.csv", "--codes"]
        #expect(try PilotEvalBinary.run(add + ["one.csv"], in: directory).status == 0)
        let one = try String(contentsOf: directory.appendingPathComponent("one.csv"), encoding: .utf8)
        #expect(one.split(separator: "\n").count == 3)
        #expect(one.hasPrefix("id,code\nA-1,"))
        let refused = try PilotEvalBinary.run(add + ["one.csv"], in: directory)
        #expect(refused.status != 0)
        #expect(try String(contentsOf: directory.appendingPathComponent("one.csv"), encoding: .utf8) == one)
        #expect(try PilotEvalBinary.run(add + ["two.csv"], in: directory).status == 0)
        #expect(try String(contentsOf: directory.appendingPathComponent("two.csv"), encoding: .utf8) == "id,code\n")
        #expect(try PilotEvalBinary.run(add + ["three.csv", "--reissue", "B-2"], in: directory).status == 0)
        let three = try String(contentsOf: directory.appendingPathComponent("three.csv"), encoding: .utf8)
        #expect(three.hasPrefix("id,code\nB-2,"))
        let attributes = try FileManager.default.attributesOfItem(
          atPath: directory.appendingPathComponent("three.csv").path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
      }
    }

    static func folder() throws -> URL {
      let directory = FileManager.default.temporaryDirectory.appendingPathComponent("office-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      return directory
    }
  }
}
