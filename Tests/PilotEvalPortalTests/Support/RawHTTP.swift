import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A minimal HTTP/1.1 client over a plain socket, so tests see exactly what goes over the wire:
/// one request per connection (`Connection: close`), the response read to the end.
struct RawHTTP {
  struct Response {
    var status: Int
    var headers: [String: String]
    var setCookies: [String] = []
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? { headers[name.lowercased()] }
  }

  /// A connected socket on loopback.
  final class Connection {
    let descriptor: Int32

    init(port: Int) throws {
      descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_port = in_port_t(UInt16(port).bigEndian)
      address.sin_addr.s_addr = inet_addr("127.0.0.1")
      let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
      }
      guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
      var timeout = timeval(tv_sec: 20, tv_usec: 0)
      setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(descriptor) }

    /// Sends `bytes`; false once the peer has closed.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
      var offset = 0
      while offset < bytes.count {
        let sent = bytes[offset...].withUnsafeBytes {
          Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
        }
        if sent <= 0 { return false }
        offset += sent
      }
      return true
    }

    /// Reads what is available (blocking up to the timeout); empty at end of stream or on timeout.
    func receive(timeoutSeconds: Int = 20) -> [UInt8] {
      var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
      setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
      var buffer = [UInt8](repeating: 0, count: 65536)
      let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
      return count > 0 ? Array(buffer[..<count]) : []
    }

    /// Everything until the peer closes.
    func receiveAll() -> [UInt8] {
      var all: [UInt8] = []
      while true {
        let part = receive()
        if part.isEmpty { return all }
        all += part
      }
    }
  }

  /// Sends one request and reads the whole response.
  static func request(
    port: Int, _ method: String, _ path: String, headers: [String: String] = [:], body: [UInt8] = []
  ) throws -> Response {
    let connection = try Connection(port: port)
    var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
    for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
    if !body.isEmpty || method == "PUT" || method == "POST" { head += "Content-Length: \(body.count)\r\n" }
    head += "\r\n"
    connection.send(Array(head.utf8) + body)
    return try parse(connection.receiveAll())
  }

  /// Parses a response (Content-Length or read-to-close bodies), skipping `100 Continue`.
  static func parse(_ bytes: [UInt8]) throws -> Response {
    var rest = bytes[...]
    while true {
      guard let end = rest.firstRange(of: [13, 10, 13, 10]) else { throw POSIXError(.EBADMSG) }
      let head = String(decoding: rest[..<end.lowerBound], as: UTF8.self)
      rest = rest[end.upperBound...]
      let lines = head.components(separatedBy: "\r\n")
      let status = Int(lines[0].split(separator: " ")[1]) ?? 0
      if status == 100 { continue }
      var headers: [String: String] = [:]
      var setCookies: [String] = []
      for line in lines.dropFirst() {
        guard let colon = line.firstIndex(of: ":") else { continue }
        let name = line[..<colon].lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        headers[name] = value
        if name == "set-cookie" { setCookies.append(value) }
      }
      var body = Array(rest)
      if let length = headers["content-length"].flatMap(Int.init) { body = Array(body.prefix(length)) }
      return Response(status: status, headers: headers, setCookies: setCookies, body: body)
    }
  }
}
