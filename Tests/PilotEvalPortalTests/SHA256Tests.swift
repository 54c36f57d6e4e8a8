import Testing

@testable import PilotEvalPortal

extension PortalTests {
  @Suite("SHA-256 and access codes")
  struct SHA256Tests {
    @Test(
      "FIPS 180-4 vectors",
      arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
          "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
          "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
          "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
      ])
    func vectors(input: String, digest: String) {
      #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test("a million 'a', across many blocks")
    func million() {
      let input = [UInt8](repeating: 0x61, count: 1_000_000)
      #expect(SHA256.hex(input) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("codes: 32 base64url characters, distinct, looked up by their hash")
    func codes() {
      let codes = (0..<200).map { _ in AccessCode.generate() }
      #expect(Set(codes.map(\.text)).count == 200)
      for code in codes {
        #expect(code.text.utf8.count == 32)
        #expect(AccessCode.isWellFormed(code.text))
        #expect(code.hash == SHA256.hex(Array(code.text.utf8)))
      }
      #expect(!AccessCode.isWellFormed("short"))
      #expect(!AccessCode.isWellFormed(String(repeating: "a", count: 30) + "=="))
    }

    @Test("base64url of known bytes")
    func base64url() {
      #expect(Base64URL.encode([0xfb, 0xff, 0xfe]) == "-__-")
      #expect(Base64URL.encode(Array("f".utf8)) == "Zg")
      #expect(Base64URL.encode(Array("fooba".utf8)) == "Zm9vYmE")
    }
  }
}
