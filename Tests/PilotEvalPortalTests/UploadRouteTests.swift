import Foundation
import Testing

@testable import PilotEvalPortal

extension PortalTests {
  /// Uploads: receipts, versions, precedence of refusals, size limit, Expect: 100-continue.
  @Suite("Upload route", .serialized)
  struct UploadRouteTests {
    let a = PortalFixture.unitA

    @Test("a valid file: 201, a receipt with the SHA-256 of the bytes; a re-upload is a new version")
    func receipts() async throws {
      let portal = try await PortalFixture()
      let sample = try PortalFixture.sample(a)
      let first = try await portal.upload(a, body: sample, code: portal.codeA)
      #expect(first.status == 201)
      let receipt = try JSONSerialization.jsonObject(with: Data(first.body)) as? [String: Any]
      #expect(receipt?["status"] as? String == "accepted")
      #expect(receipt?["version"] as? Int == 1)
      #expect(receipt?["sha256"] as? String == SHA256.hex(sample))
      #expect(receipt?["bytes"] as? Int == sample.count)
      let second = try await portal.upload(a, body: sample, code: portal.codeA)
      let again = try JSONSerialization.jsonObject(with: Data(second.body)) as? [String: Any]
      #expect(again?["version"] as? Int == 2)
      #expect(again?["sha256"] as? String == SHA256.hex(sample))
      let latest = try await portal.request("GET", "/api/v1/rounds/2026H1/submissions/\(a)", code: portal.codeA)
      #expect(latest.body == sample)
      await portal.stop()
    }

    @Test("the audit log records uploads with version and SHA-256, and refusals with their status")
    func audit() async throws {
      let portal = try await PortalFixture()
      let sample = try PortalFixture.sample(a)
      #expect(try await portal.upload(a, body: sample, code: portal.codeA).status == 201)
      #expect(try await portal.upload(a, body: sample, code: portal.codeB).status == 403)
      #expect(try await portal.upload(a, body: sample, code: nil).status == 401)
      let log = try portal.store.auditLog().filter { $0.action == "upload" }
      #expect(log.map(\.status) == [201, 403, 401])
      #expect(log[0].actor == "unit:FJ-00-01" && log[0].detail.contains("version=1 sha256=\(SHA256.hex(sample))"))
      #expect(log[1].actor == "unit:FJ-FZ-01" && log[2].actor == "anonymous")
      #expect(log.allSatisfy { $0.address == "127.0.0.1" })
      await portal.stop()
    }

    @Test("another unit's file: 422 naming the mismatch, kept as a rejected version")
    func mismatch() async throws {
      let portal = try await PortalFixture()
      let other = try PortalFixture.sample(PortalFixture.unitB)
      let english = try await portal.request(
        "PUT", "/api/v1/rounds/2026H1/submissions/\(a)", code: portal.codeA,
        headers: ["Content-Type": "text/xml; charset=gb2312", "Accept-Language": "en-GB,en;q=0.8"], body: other)
      #expect(english.status == 422)
      #expect(english.text.contains("\"status\":\"rejected\""))
      #expect(english.text.contains("does not match the unit 'FJ-00-01'"))
      let versions = try await portal.request(
        "GET", "/api/v1/rounds/2026H1/submissions/\(a)/versions", code: portal.codeA)
      #expect(versions.text.contains("\"version\":1"))
      #expect(versions.text.contains("与上传地址中的单位“FJ-00-01”不一致"))
      let latest = try await portal.request("GET", "/api/v1/rounds/2026H1/submissions/\(a)", code: portal.codeA)
      #expect(latest.status == 404)
      let status = try await portal.request("GET", "/api/v1/rounds/2026H1/status", code: portal.office)
      #expect(
        status.text.contains(
          #"{"unit":"FJ-00-01","status":"rejected","version":null,"sha256":null,"received":null,"uploads":1}"#))
      await portal.stop()
    }

    @Test("a file that is not XML at all: 422 with the parser's finding")
    func garbage() async throws {
      let portal = try await PortalFixture()
      let response = try await portal.upload(a, body: Array("not xml".utf8), code: portal.codeA)
      #expect(response.status == 422)
      #expect(response.text.contains("\"severity\":\"error\""))
      await portal.stop()
    }

    @Test("refusals in order: 409 after close beats 415 and 413; 415 beats 413")
    func precedence() async throws {
      let portal = try await PortalFixture()
      let big = [UInt8](repeating: 0x20, count: 4 * 1024 * 1024 + 1)
      let noType = try await portal.request(
        "PUT", "/api/v1/rounds/2026H1/submissions/\(a)", code: portal.codeA, headers: ["Content-Type": "text/plain"],
        body: big)
      #expect(noType.status == 415)
      let tooBig = try await portal.upload(a, body: big, code: portal.codeA)
      #expect(tooBig.status == 413)
      #expect(try await portal.request("POST", "/api/v1/rounds/2026H1/close", code: portal.office).status == 200)
      #expect(try await portal.request("POST", "/api/v1/rounds/2026H1/close", code: portal.office).status == 200)
      let closed = try await portal.upload(a, body: big, code: portal.codeA)
      #expect(closed.status == 409)
      let state = try await portal.request("GET", "/api/v1/rounds/2026H1/status", code: portal.office)
      #expect(state.text.contains("\"state\":\"reviewing\""))
      await portal.stop()
    }

    @Test("past the deadline: 409, state past-deadline")
    func deadline() async throws {
      let portal = try await PortalFixture(deadline: "2020-01-01T00:00:00+08:00")
      let response = try await portal.upload(a, body: try PortalFixture.sample(a), code: portal.codeA)
      #expect(response.status == 409)
      let state = try await portal.request("GET", "/api/v1/rounds/2026H1/status", code: portal.office)
      #expect(state.text.contains("\"state\":\"past-deadline\""))
      await portal.stop()
    }

    @Test("a declared Content-Length over the limit: 413 before the body, connection closed")
    func declaredTooLarge() async throws {
      let portal = try await PortalFixture()
      let (port, code, a) = (portal.port, portal.codeA, a)
      let response = try await blocking {
        let connection = try RawHTTP.Connection(port: port)
        let head =
          "PUT /api/v1/rounds/2026H1/submissions/\(a) HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(code)\r\n"
          + "Content-Type: application/xml\r\nContent-Length: 5000000\r\n\r\n"
        connection.send(Array(head.utf8))
        return try RawHTTP.parse(connection.receiveAll())  // returns only once the server closes
      }
      #expect(response.status == 413)
      #expect(response.header("connection") == "close")
      await portal.stop()
    }

    @Test("a chunked body refused as soon as it passes the limit, connection closed")
    func chunkedTooLarge() async throws {
      let portal = try await PortalFixture()
      let (port, code, a) = (portal.port, portal.codeA, a)
      let (response, sent) = try await blocking {
        let connection = try RawHTTP.Connection(port: port)
        let head =
          "PUT /api/v1/rounds/2026H1/submissions/\(a) HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(code)\r\n"
          + "Content-Type: application/xml\r\nTransfer-Encoding: chunked\r\n\r\n"
        connection.send(Array(head.utf8))
        let chunk = Array("10000\r\n".utf8) + [UInt8](repeating: 0x20, count: 0x10000) + Array("\r\n".utf8)
        var sent = 0
        // Sends up to 64 MiB; the server must stop it long before.
        while sent < 64 * 1024 * 1024, connection.send(chunk) { sent += 0x10000 }
        return (try RawHTTP.parse(connection.receiveAll()), sent)
      }
      #expect(response.status == 413)
      #expect(sent < 16 * 1024 * 1024)
      await portal.stop()
    }

    @Test("Expect: 100-continue gets 100 Continue at once, then the upload completes")
    func expectContinue() async throws {
      let portal = try await PortalFixture()
      let sample = try PortalFixture.sample(a)
      let (port, code, a) = (portal.port, portal.codeA, a)
      let (interim, response) = try await blocking {
        let connection = try RawHTTP.Connection(port: port)
        let head =
          "PUT /api/v1/rounds/2026H1/submissions/\(a) HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(code)\r\n"
          + "Content-Type: application/xml\r\nContent-Length: \(sample.count)\r\nExpect: 100-continue\r\n"
          + "Connection: close\r\n\r\n"
        connection.send(Array(head.utf8))
        let interim = String(decoding: connection.receive(timeoutSeconds: 1), as: UTF8.self)
        connection.send(sample)
        return (interim, try RawHTTP.parse(Array(interim.utf8) + connection.receiveAll()))
      }
      #expect(interim.hasPrefix("HTTP/1.1 100 Continue"))
      #expect(response.status == 201)
      await portal.stop()
    }

    @Test("too many requests from one code: 429 with Retry-After")
    func throttled() async throws {
      let portal = try await PortalFixture { $0.requestsPerCodePerMinute = 3 }
      for _ in 0..<3 {
        #expect(try await portal.request("GET", "/api/v1/rounds/2026H1/status", code: portal.office).status == 200)
      }
      let refused = try await portal.request("GET", "/api/v1/rounds/2026H1/status", code: portal.office)
      #expect(refused.status == 429)
      #expect(Int(refused.header("retry-after") ?? "") ?? 0 >= 1)
      // Another code is not affected.
      #expect(
        try await portal.request("GET", "/api/v1/rounds/2026H1/submissions/FJ-00-01/versions", code: portal.codeA)
          .status
          == 200)
      await portal.stop()
    }

    @Test("failed codes from one address: 429 only when configured")
    func addressThrottle() async throws {
      let portal = try await PortalFixture { $0.failuresPerAddress = 2 }
      for _ in 0..<2 {
        #expect(
          try await portal.request("GET", "/api/v1/rounds/2026H1/status", code: "B" + String(repeating: "x", count: 30))
            .status == 401)
      }
      let refused = try await portal.request("GET", "/api/v1/rounds/2026H1/status", code: portal.office)
      #expect(refused.status == 429)
      #expect(refused.header("retry-after") != nil)
      await portal.stop()
    }

    @Test("unknown paths answer the interface's JSON 404; every answer has the security headers")
    func unknownPath() async throws {
      let portal = try await PortalFixture()
      let response = try await portal.request("GET", "/api/v1/nothing")
      #expect(response.status == 404)
      #expect(response.text == #"{"error":"not-found","message":"未找到"}"#)
      #expect(response.header("content-security-policy")?.contains("script-src 'self'") == true)
      #expect(try await portal.request("GET", "/healthz").text == #"{"status":"ok"}"#)
      await portal.stop()
    }
  }
}
