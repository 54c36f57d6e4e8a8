/// The 结对帮扶 pairings a programme office arranged after a round: which unit learns from which.
///
/// Read from a CSV file with the header `unit,partner` and one pairing per line (a unit may have
/// several partners, one line each). A UTF-8 byte order mark, blank lines and spaces around a field
/// are ignored; a field may be wrapped in double quotes.
///
///     let pairings = try ArrangedPairings(csv: "unit,partner\nGX-NN-02,JS-SZ-01\n")
///     pairings.partners["GX-NN-02"]  // ["JS-SZ-01"]
public struct ArrangedPairings: Sendable, Hashable {
  /// Unit id → partner ids, in file order, without repeats.
  public var partners: [String: [String]]
  /// Pairings read (repeats counted once).
  public var count: Int

  /// Parses the CSV text; throws every malformed line as a diagnostic with its line number.
  public init(csv text: String) throws(PairingsError) {
    var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
    var errors = [Diagnostic]()
    var partners = [String: [String]]()
    var count = 0
    var sawHeader = false
    for (offset, raw) in lines.enumerated() {
      let line = offset + 1
      let trimmed = raw.trimmingSpaces()
      if trimmed.isEmpty { continue }
      let fields = trimmed.split(separator: ",", omittingEmptySubsequences: false).map { Self.field(String($0)) }
      if !sawHeader {
        sawHeader = true
        if fields.map({ $0.lowercased() }) != ["unit", "partner"] {
          errors.append(.error(Message(.pairingsHeader, trimmed), line: line))
        }
        continue
      }
      guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else {
        errors.append(.error(Message(.pairingsFields, trimmed), line: line))
        continue
      }
      if fields[0] == fields[1] {
        errors.append(.error(Message(.pairingsSelf, fields[0]), line: line))
        continue
      }
      if partners[fields[0], default: []].contains(fields[1]) { continue }
      partners[fields[0], default: []].append(fields[1])
      count += 1
    }
    if !sawHeader { errors.append(.error(Message(.pairingsEmpty))) }
    if !errors.isEmpty { throw PairingsError(diagnostics: errors) }
    self.partners = partners
    self.count = count
  }

  /// Unit ids named in the pairings (as units or partners) that are not in `known`, in byte order.
  public func unknownUnits(_ known: Set<String>) -> [String] {
    let named = Set(partners.keys).union(partners.values.joined())
    return named.subtracting(known).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  private static func field(_ text: String) -> String {
    let value = text.trimmingSpaces()
    if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
      return String(value.dropFirst().dropLast()).replacingDoubledQuotes()
    }
    return value
  }
}

/// A pairings file that cannot be used, with every problem found.
public struct PairingsError: Error, Sendable, Hashable {
  /// One error per malformed line (file not set; the caller attributes them).
  public var diagnostics: [Diagnostic]
  /// Creates the error.
  public init(diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }
}

extension String {
  fileprivate func trimmingSpaces() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
    guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    return String(self[start...end])
  }

  fileprivate func replacingDoubledQuotes() -> String {
    var out = ""
    var previousQuote = false
    for character in self {
      if character == "\"" && previousQuote {
        previousQuote = false
        continue
      }
      previousQuote = character == "\""
      out.append(character)
    }
    return out
  }
}
